// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Conformance;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Ethereum;

/// <summary>An Ethereum transaction of type 0 (legacy), 1 (EIP-2930), 2 (EIP-1559) or 3 (EIP-4844), sender known.</summary>
public sealed record EthereumTransaction
{
    public required byte Type { get; init; }

    public required Address Sender { get; init; }

    public required ulong Nonce { get; init; }

    /// <summary>Types 0 and 1.</summary>
    public UInt256? GasPrice { get; init; }

    /// <summary>Types 2 and 3.</summary>
    public UInt256? MaxFeePerGas { get; init; }

    /// <summary>Types 2 and 3.</summary>
    public UInt256? MaxPriorityFeePerGas { get; init; }

    public required ulong GasLimit { get; init; }

    /// <summary>Null for a contract creation.</summary>
    public Address? To { get; init; }

    /// <summary>Null when the value cannot be carried (wider than 256 bits): always invalid.</summary>
    public required UInt256? Value { get; init; }

    public required ReadOnlyMemory<byte> Data { get; init; }

    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];

    public IReadOnlyList<Bytes32> BlobVersionedHashes { get; init; } = [];

    public UInt256? MaxFeePerBlobGas { get; init; }

    public bool IsCreate => To is null;

    /// <summary>The most the sender may pay per gas: the gas price, or the fee cap.</summary>
    public UInt256 FeeCap => (Type >= 2 ? MaxFeePerGas : GasPrice) ?? UInt256.Zero;

    public UInt256 PriorityFeeCap => (Type >= 2 ? MaxPriorityFeePerGas : GasPrice) ?? UInt256.Zero;
}

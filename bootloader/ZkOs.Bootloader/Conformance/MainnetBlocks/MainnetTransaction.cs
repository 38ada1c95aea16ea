// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>A transaction of the block as <c>eth_getBlockByNumber(n, true)</c> gives it.</summary>
public sealed record MainnetTransaction
{
    public required Bytes32 Hash { get; init; }

    /// <summary>The EIP-2718 type byte (0 legacy, 1 access list, 2 dynamic fee, 3 blob, …).</summary>
    public required byte Type { get; init; }

    /// <summary>Null for a legacy transaction signed without replay protection.</summary>
    public required ulong? ChainId { get; init; }

    public required ulong Nonce { get; init; }

    public required Address From { get; init; }

    /// <summary>Null for a contract creation.</summary>
    public required Address? To { get; init; }

    public required UInt256 Value { get; init; }

    /// <summary>The gas limit.</summary>
    public required ulong Gas { get; init; }

    /// <summary>For types 0 and 1 the price paid; for later types the node's effective price (informational).</summary>
    public required UInt256? GasPrice { get; init; }

    public required UInt256? MaxFeePerGas { get; init; }

    public required UInt256? MaxPriorityFeePerGas { get; init; }

    public required UInt256? MaxFeePerBlobGas { get; init; }

    public required ReadOnlyMemory<byte> Input { get; init; }

    /// <summary>Null for a legacy transaction, which has none.</summary>
    public required IReadOnlyList<AccessListEntry>? AccessList { get; init; }

    /// <summary>Empty unless a blob transaction.</summary>
    public required IReadOnlyList<Bytes32> BlobVersionedHashes { get; init; }

    public required UInt256 V { get; init; }

    public required UInt256 R { get; init; }

    public required UInt256 S { get; init; }

    /// <summary>Typed transactions only.</summary>
    public required byte? YParity { get; init; }

    public required ulong TransactionIndex { get; init; }

    public required Bytes32 BlockHash { get; init; }

    public required ulong BlockNumber { get; init; }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>A receipt from <c>eth_getBlockReceipts</c>.</summary>
public sealed record MainnetReceipt
{
    public required Bytes32 TransactionHash { get; init; }

    public required ulong TransactionIndex { get; init; }

    public required byte Type { get; init; }

    /// <summary>1 for success, 0 for a reverted or failed transaction.</summary>
    public required byte Status { get; init; }

    public bool Succeeded => Status == 1;

    public required ulong GasUsed { get; init; }

    public required ulong CumulativeGasUsed { get; init; }

    public required UInt256 EffectiveGasPrice { get; init; }

    public required Address From { get; init; }

    /// <summary>Null for a contract creation.</summary>
    public required Address? To { get; init; }

    /// <summary>The created contract, for a creation.</summary>
    public required Address? ContractAddress { get; init; }

    public required ReadOnlyMemory<byte> LogsBloom { get; init; }

    public required IReadOnlyList<MainnetLog> Logs { get; init; }

    /// <summary>Blob transactions only.</summary>
    public required ulong? BlobGasUsed { get; init; }

    /// <summary>Blob transactions only.</summary>
    public required UInt256? BlobGasPrice { get; init; }
}

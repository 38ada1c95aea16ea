// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>The header fields of <c>eth_getBlockByNumber</c>; those a fork introduced are null before it.</summary>
public sealed record MainnetBlockHeader
{
    public required Bytes32 Hash { get; init; }

    public required Bytes32 ParentHash { get; init; }

    public required Bytes32 Sha3Uncles { get; init; }

    /// <summary>The coinbase (fee recipient).</summary>
    public required Address Miner { get; init; }

    public required Bytes32 StateRoot { get; init; }

    public required Bytes32 TransactionsRoot { get; init; }

    public required Bytes32 ReceiptsRoot { get; init; }

    public required ReadOnlyMemory<byte> LogsBloom { get; init; }

    public required UInt256 Difficulty { get; init; }

    public required ulong Number { get; init; }

    public required ulong GasLimit { get; init; }

    public required ulong GasUsed { get; init; }

    public required ulong Timestamp { get; init; }

    public required ReadOnlyMemory<byte> ExtraData { get; init; }

    /// <summary>After the merge, the RANDAO value PREVRANDAO returns.</summary>
    public required Bytes32 MixHash { get; init; }

    /// <summary>The 8-byte proof-of-work nonce (zero after the merge).</summary>
    public required ReadOnlyMemory<byte> Nonce { get; init; }

    /// <summary>London on.</summary>
    public required UInt256? BaseFeePerGas { get; init; }

    /// <summary>Shanghai on.</summary>
    public required Bytes32? WithdrawalsRoot { get; init; }

    /// <summary>Cancun on.</summary>
    public required ulong? BlobGasUsed { get; init; }

    /// <summary>Cancun on.</summary>
    public required ulong? ExcessBlobGas { get; init; }

    /// <summary>Cancun on (EIP-4788).</summary>
    public required Bytes32? ParentBeaconBlockRoot { get; init; }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;
using ZkOs.System.ZkSync.Commitments;

namespace ZkOs.Bootloader.ZkSync;

/// <summary>What one transaction of a ZKsync block did: rejected, or run with its status and costs.</summary>
/// <remarks>
/// A struct, so the proving run, which keeps no results, produces one per transaction without
/// allocating; there its output and events are empty and its L2→L1 logs and message bodies are the
/// processor's buffers, valid until the next transaction.
/// </remarks>
public readonly record struct ZkSyncTransactionResult
{
    public ZkSyncTransactionResult()
    {
    }

    public required int Index { get; init; }

    public Bytes32 Hash { get; init; }

    public byte Type { get; init; }

    /// <summary>Set when the transaction was rejected (the state is as before it).</summary>
    public InvalidTransaction? Invalid { get; init; }

    /// <summary>Why, in words: the field or check that failed.</summary>
    public string? InvalidReason { get; init; }

    public bool Success { get; init; }

    public ulong GasUsed { get; init; }

    public ulong NativeUsed { get; init; }

    /// <summary>Bytes of pubdata the transaction was charged for.</summary>
    public ulong Pubdata { get; init; }

    public byte[] Output { get; init; } = [];

    public Address? ContractAddress { get; init; }

    public IReadOnlyList<LogEntry> Logs { get; init; } = [];

    public IReadOnlyList<L2ToL1Log> L2ToL1Logs { get; init; } = [];

    /// <summary>The bodies of the user messages behind the L2→L1 logs.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Messages { get; init; } = [];
}

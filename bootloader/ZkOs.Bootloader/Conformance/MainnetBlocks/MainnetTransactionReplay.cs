// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>One replayed transaction: what we got, what the receipt and the diff trace say, and every difference.</summary>
public sealed record MainnetTransactionReplay
{
    public required int Index { get; init; }

    public required Bytes32 Hash { get; init; }

    /// <summary>Our status; null when the transaction was rejected or could not run.</summary>
    public required bool? Success { get; init; }

    public required bool ExpectedSuccess { get; init; }

    /// <summary>Our gas used; null when the transaction was rejected or could not run.</summary>
    public required ulong? GasUsed { get; init; }

    public required ulong ExpectedGasUsed { get; init; }

    /// <summary>Every difference found, in the order status, gas, logs, state.</summary>
    public required IReadOnlyList<MainnetReplayMismatch> Mismatches { get; init; }

    /// <summary>
    /// Blocks whose hash BLOCKHASH asked for but the replay could not supply (it knows only the parent's):
    /// zero was answered, so a mismatch of this transaction may come from that rather than from a bug.
    /// </summary>
    public required IReadOnlyList<ulong> UnknownBlockHashReads { get; init; }

    public bool IsMatch => Mismatches.Count == 0;

    public bool LogsMatch => !Mismatches.Any(m => m.Check is MainnetReplayCheck.Logs or MainnetReplayCheck.Execution);

    public bool StateMatch => !Mismatches.Any(m => m.Check is MainnetReplayCheck.State or MainnetReplayCheck.Execution);

    /// <summary>A mismatch that reading an unknown block's hash could explain.</summary>
    public bool MayBeUnknownBlockHash => !IsMatch && UnknownBlockHashReads.Count > 0;
}

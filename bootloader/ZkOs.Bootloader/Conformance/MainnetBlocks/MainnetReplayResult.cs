// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>The replay of a whole block, transaction by transaction.</summary>
public sealed record MainnetReplayResult
{
    public required ulong BlockNumber { get; init; }

    /// <summary>In block order.</summary>
    public required IReadOnlyList<MainnetTransactionReplay> Transactions { get; init; }

    /// <summary>How the EIP-4788 beacon-roots system call at the start of the block was handled, and why.</summary>
    public required string BeaconRoot { get; init; }

    public int Matched => Transactions.Count(t => t.IsMatch);

    public int Mismatched => Transactions.Count - Matched;

    public bool AllMatch => Mismatched == 0;
}

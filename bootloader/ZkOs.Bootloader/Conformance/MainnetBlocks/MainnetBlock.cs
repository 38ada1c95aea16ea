// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>A block as <c>block.json</c> gives it: header, full transactions, withdrawals.</summary>
public sealed record MainnetBlock
{
    public required MainnetBlockHeader Header { get; init; }

    /// <summary>In block order (<see cref="MainnetTransaction.TransactionIndex"/> 0, 1, …).</summary>
    public required IReadOnlyList<MainnetTransaction> Transactions { get; init; }

    /// <summary>Empty before Shanghai.</summary>
    public required IReadOnlyList<MainnetWithdrawal> Withdrawals { get; init; }
}

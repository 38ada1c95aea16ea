// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Conformance.StateTests;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>
/// Everything a mainnet-block folder holds for a replay: the block, the state it starts from, and per
/// transaction what must come out. The per-transaction lists are in block order and checked to match
/// the block's transaction hashes.
/// </summary>
public sealed record MainnetBlockFixture
{
    /// <summary>The folder it was loaded from.</summary>
    public required string Directory { get; init; }

    public required MainnetBlock Block { get; init; }

    /// <summary>The prestate trace of each transaction.</summary>
    public required IReadOnlyList<MainnetTransactionPrestate> Prestates { get; init; }

    /// <summary>
    /// The state before the block, as far as the block touches it: the union of the prestates, the first
    /// occurrence of each account and of each slot winning (a later one may already show earlier
    /// transactions' writes). A nonce the trace leaves out is 0, code it leaves out is none.
    /// </summary>
    public required IReadOnlyDictionary<Address, PreAccount> PreState { get; init; }

    /// <summary>What each transaction changed.</summary>
    public required IReadOnlyList<MainnetStateDiff> Diffs { get; init; }

    public required IReadOnlyList<MainnetReceipt> Receipts { get; init; }
}

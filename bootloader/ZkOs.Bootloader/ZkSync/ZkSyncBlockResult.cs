// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync.Proving;
using ZkOs.Framework.Primitives;
using ZkOs.System.Oracle;
using ZkOs.System.ZkSync.Commitments;
using ZkOs.System.ZkSync.Pubdata;
using ZkOs.System.ZkSync.Storage;

namespace ZkOs.Bootloader.ZkSync;

/// <summary>
/// Everything a ZKsync block produced (reference §5.6): per-transaction results, the state diffs in
/// WarmStorageKey order, the tree writes they imply, the new preimages, the header and its hash, the
/// pubdata stream and what the public input binds (L1 transaction hashes, L2→L1 logs, upgrade hash).
/// A proving run keeps only what the public input needs: its transaction results, diffs, writes and
/// preimages are empty.
/// </summary>
public sealed record ZkSyncBlockResult
{
    public required BlockMetadata Metadata { get; init; }

    public required IReadOnlyList<ZkSyncTransactionResult> Transactions { get; init; }

    public required IReadOnlyList<StateDiff> StateDiffs { get; init; }

    /// <summary>Flat key → new value, in the order new leaves must be appended.</summary>
    public required IReadOnlyList<(Bytes32 FlatKey, Bytes32 Value)> TreeWrites { get; init; }

    /// <summary>New account-properties and bytecode preimages, each with its kind.</summary>
    public required IReadOnlyList<Preimage> Preimages { get; init; }

    public required BlockHeader Header { get; init; }

    public required Bytes32 BlockHash { get; init; }

    /// <summary>The pubdata stream, in the run's memory (the arena when proving: valid until the next run).</summary>
    public required ReadOnlyMemory<byte> Pubdata { get; init; }

    public required IReadOnlyList<L2ToL1Log> L2ToL1Logs { get; init; }

    public required IReadOnlyList<Bytes32> L1TransactionHashes { get; init; }

    public required Bytes32 UpgradeTransactionHash { get; init; }

    /// <summary>
    /// What a proving run proved: the commitments before and after and the public input. Null forward,
    /// where the state store, not the STF, applies the writes.
    /// </summary>
    public ProvenBlock? Proof { get; init; }

    /// <summary>The most memory the run's allocator had in use at once, in bytes.</summary>
    public long ArenaHighWaterMark { get; init; }
}

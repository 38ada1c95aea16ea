// SPDX-License-Identifier: MIT
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.ZkSync.Storage;

/// <summary>
/// The checks every store makes before it writes anything, so that a commit that would leave the
/// stored state unloadable fails while the store is still untouched.
/// </summary>
internal static class BlockCommitRules
{
    /// <exception cref="ArgumentException">The commit does not fit on <paramref name="head"/>; the message says why.</exception>
    public static void Validate(BlockCommit commit, ChainHead? head)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(commit.Leaves, nameof(commit));
        ValidateSequence(commit.BlockNumber, head);
        ValidateLeaves(commit, head);
        ValidatePreimages(commit.Preimages);
    }

    /// <summary>Block numbers run on from the head without gaps; the first block a store sees may have any number.</summary>
    /// <exception cref="ArgumentException"><paramref name="blockNumber"/> is not head + 1.</exception>
    public static void ValidateSequence(ulong blockNumber, ChainHead? head)
    {
        if (head is not null && (head.BlockNumber == ulong.MaxValue || blockNumber != head.BlockNumber + 1))
            throw new ArgumentException($"block {blockNumber} cannot follow the stored head, block {head.BlockNumber}", nameof(blockNumber));
    }

    /// <summary>Preimages are stored under their BLAKE2s hash, as the proof recomputes it (§6.5).</summary>
    /// <exception cref="ArgumentException">A preimage has an unknown kind or does not hash to its key.</exception>
    public static void ValidatePreimages(IReadOnlyList<Preimage> preimages)
    {
        ArgumentNullException.ThrowIfNull(preimages);
        foreach (var preimage in preimages)
        {
            if (!Enum.IsDefined(preimage.Kind))
                throw new ArgumentException($"preimage {preimage.Hash} has the unknown kind {(int)preimage.Kind}", nameof(preimages));
            if (!preimage.IsConsistent)
                throw new ArgumentException($"preimage bytes do not hash to {preimage.Hash}", nameof(preimages));
        }
    }

    private static void ValidateLeaves(BlockCommit commit, ChainHead? head)
    {
        // Leaves are allocated left to right and never freed, so the stored leaves stay a gap-free
        // prefix only if every index from the old next_free_slot up to the new one comes with this block
        // (for the first block: every leaf, guards included).
        ulong before = head?.Commitment.NextFreeSlot ?? 0;
        ulong after = commit.Commitment.NextFreeSlot;
        if (after < before || after < FlatStorageTree.FirstFreeSlot)
            throw new ArgumentException($"next_free_slot {after} cannot follow {before}", nameof(commit));

        var seen = new HashSet<ulong>(commit.Leaves.Count);
        ulong appended = 0;
        foreach (var (index, _) in commit.Leaves)
        {
            if (index >= after)
                throw new ArgumentException($"leaf {index} lies past next_free_slot {after}", nameof(commit));
            if (!seen.Add(index))
                throw new ArgumentException($"leaf {index} appears twice", nameof(commit));
            if (index >= before)
                appended++;
        }
        if (appended != after - before)
            throw new ArgumentException($"the block allocates leaves {before}..{after - 1} but brings only {appended} of them", nameof(commit));
    }
}

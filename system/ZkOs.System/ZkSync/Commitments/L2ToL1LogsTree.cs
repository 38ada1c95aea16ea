// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Commitments;

/// <summary>
/// The keccak Merkle tree over a batch's L2→L1 logs that the settlement layer opens messages
/// against (reference §7.5): height 14 (16,384 leaves), leaf = keccak(88-byte log), node =
/// keccak(left ‖ right), unused leaves = keccak(0^88), i.e. the hash of an all-zero log.
/// </summary>
public static class L2ToL1LogsTree
{
    /// <summary>Levels between the leaves and the root.</summary>
    public const int Height = 14;

    /// <summary>The number of leaves, 2^14; a batch cannot hold more logs.</summary>
    public const int Capacity = 1 << Height;

    // _emptySubtrees[i] is the root of an all-empty subtree of height i: [0] the empty leaf,
    // [14] the root of the empty tree.
    private static readonly Bytes32[] _emptySubtrees = BuildEmptySubtrees();

    /// <summary>keccak(0^88) = 0x72abee45…43ba.</summary>
    public static Bytes32 EmptyLeaf => _emptySubtrees[0];

    /// <summary>The root of the tree with no logs.</summary>
    public static Bytes32 EmptyRoot => _emptySubtrees[Height];

    /// <summary>The root of an all-empty subtree of height <paramref name="level"/> (0 is the empty leaf).</summary>
    public static Bytes32 EmptySubtreeRoot(int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, Height);
        return _emptySubtrees[level];
    }

    /// <summary>The Merkle root of <paramref name="logs"/>, in emission order, as the first leaves.</summary>
    /// <exception cref="ArgumentException">More than <see cref="Capacity"/> logs.</exception>
    public static Bytes32 MerkleRoot(IReadOnlyList<L2ToL1Log> logs)
    {
        var leaves = new Bytes32[logs.Count];
        for (int i = 0; i < leaves.Length; i++)
            leaves[i] = logs[i].Hash();
        return MerkleRootOfLeaves(leaves);
    }

    /// <summary>The Merkle root over already hashed leaves (keccak of each 88-byte log).</summary>
    /// <exception cref="ArgumentException">More than <see cref="Capacity"/> leaves.</exception>
    public static Bytes32 MerkleRootOfLeaves(ReadOnlySpan<Bytes32> leafHashes)
    {
        if (leafHashes.Length > Capacity)
            throw new ArgumentException($"The logs tree holds at most {Capacity} logs; got {leafHashes.Length}.", nameof(leafHashes));
        if (leafHashes.IsEmpty)
            return EmptyRoot;

        // Only the occupied prefix is hashed; a missing right sibling is the empty subtree of that
        // level, so 14 levels cost about n hashes rather than 2^14.
        var level = leafHashes.ToArray();
        int count = level.Length;
        Span<byte> pair = stackalloc byte[64];
        for (int height = 0; height < Height; height++)
        {
            int parents = (count + 1) / 2;
            for (int i = 0; i < parents; i++)
            {
                level[2 * i].WriteTo(pair);
                (2 * i + 1 < count ? level[2 * i + 1] : _emptySubtrees[height]).WriteTo(pair[32..]);
                level[i] = Keccak256.Hash(pair);
            }
            count = parents;
        }
        return level[0];
    }

    /// <summary>
    /// The batch's <c>l2_logs_tree_root</c>: keccak(merkle root ‖ 0^32), the zero being the
    /// aggregated root of chains settling on this one (none).
    /// </summary>
    public static Bytes32 BatchLogsRoot(Bytes32 merkleRoot)
    {
        Span<byte> buffer = stackalloc byte[64];
        merkleRoot.WriteTo(buffer);
        buffer[32..].Clear();
        return Keccak256.Hash(buffer);
    }

    /// <summary><see cref="BatchLogsRoot(Bytes32)"/> of the Merkle root of <paramref name="logs"/>.</summary>
    public static Bytes32 BatchLogsRoot(IReadOnlyList<L2ToL1Log> logs) => BatchLogsRoot(MerkleRoot(logs));

    private static Bytes32[] BuildEmptySubtrees()
    {
        var result = new Bytes32[Height + 1];
        result[0] = Keccak256.Hash(new byte[L2ToL1Log.EncodedSize]);
        Span<byte> pair = stackalloc byte[64];
        for (int i = 1; i <= Height; i++)
        {
            result[i - 1].WriteTo(pair);
            result[i - 1].WriteTo(pair[32..]);
            result[i] = Keccak256.Hash(pair);
        }
        return result;
    }
}

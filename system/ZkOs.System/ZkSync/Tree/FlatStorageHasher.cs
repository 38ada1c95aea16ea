// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Tree;

/// <summary>
/// The state tree's hashing (§7.1), shared by the forward tree and by whoever later checks its proofs:
/// BLAKE2s-256 of a leaf's encoding, BLAKE2s-256 of two concatenated children for a node, and the
/// hashes of all-empty subtrees per level.
/// </summary>
public static class FlatStorageHasher
{
    /// <summary>Levels between a leaf and the root; a proof carries this many sibling hashes.</summary>
    public const int Depth = 64;

    // Index l is the root of an all-empty subtree of height l: [0] the empty leaf, [Depth] the empty tree.
    private static readonly Bytes32[] _emptySubtrees = ComputeEmptySubtrees();

    /// <summary>blake2s(key ‖ value ‖ next as u64 little-endian).</summary>
    [SkipLocalsInit]
    public static Bytes32 HashLeaf(in FlatStorageLeaf leaf)
    {
        Span<byte> encoding = stackalloc byte[FlatStorageLeaf.EncodedSize];
        leaf.WriteTo(encoding);
        return Blake2s256.Hash(encoding);
    }

    /// <summary>blake2s(left ‖ right).</summary>
    [SkipLocalsInit]
    public static Bytes32 HashNode(in Bytes32 left, in Bytes32 right)
    {
        Span<byte> pair = stackalloc byte[2 * Bytes32.Size];
        left.WriteTo(pair);
        right.WriteTo(pair[Bytes32.Size..]);
        return Blake2s256.Hash(pair);
    }

    /// <summary>
    /// The root of a subtree of height <paramref name="level"/> whose leaves are all empty: level 0 is
    /// the hash of the all-zero leaf, level <see cref="Depth"/> the root of the empty tree (no guards).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="level"/> is outside 0..<see cref="Depth"/>.</exception>
    public static Bytes32 EmptySubtree(int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, Depth);
        return _emptySubtrees[level];
    }

    /// <summary>Unchecked <see cref="EmptySubtree"/> for the tree's inner loops.</summary>
    internal static ref readonly Bytes32 EmptySubtreeUnchecked(int level) => ref _emptySubtrees[level];

    /// <summary>
    /// The root implied by a leaf at <paramref name="index"/> and its bottom-up sibling path: at each
    /// level the index bit says whether the running hash is the left (0) or right (1) child.
    /// </summary>
    internal static Bytes32 FoldPath(ulong index, in FlatStorageLeaf leaf, ReadOnlySpan<Bytes32> path)
    {
        Bytes32 current = HashLeaf(leaf);
        for (int level = 0; level < path.Length; level++)
        {
            current = ((index >> level) & 1) == 0
                ? HashNode(current, path[level])
                : HashNode(path[level], current);
        }
        return current;
    }

    private static Bytes32[] ComputeEmptySubtrees()
    {
        var hashes = new Bytes32[Depth + 1];
        hashes[0] = HashLeaf(FlatStorageLeaf.Empty);
        for (int level = 1; level <= Depth; level++)
            hashes[level] = HashNode(hashes[level - 1], hashes[level - 1]);
        return hashes;
    }
}

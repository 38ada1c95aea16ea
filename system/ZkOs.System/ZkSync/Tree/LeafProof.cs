// SPDX-License-Identifier: MIT
using System.Collections.Immutable;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Tree;

/// <summary>
/// A Merkle proof for one leaf position (the oracle's ProofForIndex answer, §6.1): the index, the
/// leaf stored there (the empty leaf for an unused slot) and the 64 sibling hashes from the leaf's
/// sibling up to the root's child. Whoever holds a root checks it with
/// <see cref="FlatStorageTree.VerifyProof"/> or folds several proofs with <see cref="ComputeRoot"/>.
/// </summary>
public readonly struct LeafProof
{
    /// <exception cref="ArgumentException"><paramref name="path"/> does not hold exactly <see cref="FlatStorageHasher.Depth"/> hashes.</exception>
    public LeafProof(ulong index, FlatStorageLeaf leaf, ImmutableArray<Bytes32> path)
    {
        if (path.IsDefault || path.Length != FlatStorageHasher.Depth)
            throw new ArgumentException($"a leaf proof needs {FlatStorageHasher.Depth} sibling hashes, got {(path.IsDefault ? 0 : path.Length)}", nameof(path));
        Index = index;
        Leaf = leaf;
        Path = path;
    }

    /// <summary>The leaf's position (0 and 1 are the guards).</summary>
    public ulong Index { get; }

    public FlatStorageLeaf Leaf { get; }

    /// <summary>Sibling hashes bottom-up: <c>Path[0]</c> is the leaf's sibling, <c>Path[63]</c> the root's other child.</summary>
    public ImmutableArray<Bytes32> Path { get; }

    /// <summary>The root this proof implies for its leaf and index.</summary>
    /// <exception cref="InvalidOperationException">The proof is <c>default</c> (it has no path).</exception>
    public Bytes32 ComputeRoot()
    {
        if (Path.IsDefault)
            throw new InvalidOperationException("a default LeafProof has no path");
        return FlatStorageHasher.FoldPath(Index, Leaf, Path.AsSpan());
    }
}

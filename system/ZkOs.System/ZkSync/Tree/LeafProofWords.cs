// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using ZkOs.Framework.Primitives;
using ZkOs.System.Oracle;

namespace ZkOs.System.ZkSync.Tree;

/// <summary>
/// A <see cref="LeafProof"/> in the oracle's word layout (§6.1 ProofForIndex, §6.2): the fields in
/// declaration order, index (u64), leaf key, leaf value, leaf next (u64), then the 64 sibling hashes
/// bottom-up, which is <see cref="WordCount"/> 32-bit words. The forward oracle writes it and the
/// proving side reads it back.
/// </summary>
public static class LeafProofWords
{
    public const int WordCount =
        OracleWords.U64Words + 2 * OracleWords.Bytes32Words + OracleWords.U64Words + FlatStorageHasher.Depth * OracleWords.Bytes32Words;

    public static void Write(List<uint> words, in LeafProof proof)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (proof.Path.IsDefault)
            throw new ArgumentException("a default LeafProof has no path", nameof(proof));
        OracleWords.WriteU64(words, proof.Index);
        OracleWords.WriteBytes32(words, proof.Leaf.Key);
        OracleWords.WriteBytes32(words, proof.Leaf.Value);
        OracleWords.WriteU64(words, proof.Leaf.Next);
        foreach (var sibling in proof.Path)
            OracleWords.WriteBytes32(words, sibling);
    }

    /// <summary>Reads a proof at <paramref name="offset"/> and advances it by <see cref="WordCount"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than <see cref="WordCount"/> words remain.</exception>
    public static LeafProof Read(ReadOnlySpan<uint> words, ref int offset)
    {
        var path = new Bytes32[FlatStorageHasher.Depth];
        var leaf = Read(words, ref offset, path, out var index);
        return new LeafProof(index, leaf, ImmutableCollectionsMarshal.AsImmutableArray(path));
    }

    /// <summary>
    /// Reads a proof at <paramref name="offset"/> into <paramref name="path"/> (the caller's buffer of
    /// <see cref="FlatStorageHasher.Depth"/> hashes, so the proving run reads proofs without allocating).
    /// </summary>
    /// <returns>The proven leaf; its position is <paramref name="index"/>.</returns>
    /// <exception cref="ArgumentException">Fewer than <see cref="WordCount"/> words remain, or the path buffer is not <see cref="FlatStorageHasher.Depth"/> long.</exception>
    public static FlatStorageLeaf Read(ReadOnlySpan<uint> words, ref int offset, Span<Bytes32> path, out ulong index)
    {
        if (offset < 0 || words.Length - offset < WordCount)
            throw new ArgumentException($"a leaf proof needs {WordCount} words; {Math.Max(0, words.Length - offset)} remain", nameof(words));
        if (path.Length != FlatStorageHasher.Depth)
            throw new ArgumentException($"a leaf proof's path holds {FlatStorageHasher.Depth} hashes, not {path.Length}", nameof(path));
        index = OracleWords.ReadU64(words, ref offset);
        var key = OracleWords.ReadBytes32(words, ref offset);
        var value = OracleWords.ReadBytes32(words, ref offset);
        ulong next = OracleWords.ReadU64(words, ref offset);
        for (int level = 0; level < path.Length; level++)
            path[level] = OracleWords.ReadBytes32(words, ref offset);
        return new FlatStorageLeaf(key, value, next);
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.Oracle;

/// <summary>What a forward oracle reads the initial state from: the state tree and its preimages (reference §6.4).</summary>
public interface IOracleStateReader
{
    /// <summary>The commitment of the state the block starts from.</summary>
    FlatStorageCommitment Commitment { get; }

    /// <summary>The slot's value in the tree; false when the tree has no such key (a new slot).</summary>
    bool TryReadSlot(in Bytes32 flatKey, out Bytes32 value);

    /// <summary>The preimage of an account-properties or bytecode hash, or null when unknown.</summary>
    byte[]? GetPreimage(in Bytes32 hash);

    bool TryGetTreeIndex(in Bytes32 flatKey, out ulong index);

    /// <summary>The index of the greatest existing key below <paramref name="flatKey"/>.</summary>
    ulong PrevTreeIndex(in Bytes32 flatKey);

    /// <summary>Appends the proof of the leaf at <paramref name="index"/> in the oracle's word layout.</summary>
    void WriteProof(ulong index, List<uint> words);
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Tree;

/// <summary>
/// Where the batch verification gets its untrusted tree data (the oracle's tree queries, reference §6.1):
/// nothing it returns is believed until it hashes up to the old root.
/// </summary>
public interface IProofSource
{
    /// <summary>ExactIndex: the index the claimed tree holds <paramref name="flatKey"/> at.</summary>
    ulong ExactIndex(in Bytes32 flatKey);

    /// <summary>PrevIndex: the index of the greatest key below <paramref name="flatKey"/>.</summary>
    ulong PrevIndex(in Bytes32 flatKey);

    /// <summary>
    /// ProofForIndex: the leaf at <paramref name="index"/>, its 64 siblings written to <paramref name="path"/>
    /// (a buffer the verifier reuses), and the index the answer claims to prove.
    /// </summary>
    FlatStorageLeaf ProofForIndex(ulong index, Span<Bytes32> path, out ulong provenIndex);
}

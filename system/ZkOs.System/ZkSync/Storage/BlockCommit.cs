// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.ZkSync.Storage;

/// <summary>
/// Everything a state store persists for one block, applied all or nothing: the block's number and
/// hash, the tree commitment after it, every leaf whose content changed (every leaf, for the first
/// block a store sees) and the preimages the block published.
/// </summary>
public sealed record BlockCommit(
    ulong BlockNumber,
    Bytes32 BlockHash,
    FlatStorageCommitment Commitment,
    IReadOnlyList<IndexedLeaf> Leaves,
    IReadOnlyList<Preimage> Preimages);

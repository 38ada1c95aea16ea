// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Tree;

/// <summary>
/// The commitment to the state tree (§7.1): the Merkle root together with the next free leaf index,
/// which makes where the next new key lands part of the committed state.
/// </summary>
public readonly record struct FlatStorageCommitment(Bytes32 Root, ulong NextFreeSlot);

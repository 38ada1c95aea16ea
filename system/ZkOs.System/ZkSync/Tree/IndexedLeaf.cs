// SPDX-License-Identifier: MIT
namespace ZkOs.System.ZkSync.Tree;

/// <summary>A leaf with its position in the tree: the unit the state stores persist.</summary>
public readonly record struct IndexedLeaf(ulong Index, FlatStorageLeaf Leaf);

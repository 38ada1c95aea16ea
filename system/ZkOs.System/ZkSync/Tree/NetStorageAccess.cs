// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Tree;

/// <summary>
/// One slot the block touched, as the proving finish sees it (reference §7.2): its flat key, the value
/// the oracle claimed it held when the block began (and whether it claimed the key absent), and its
/// value at the end. A read is an access whose value did not change.
/// </summary>
public readonly record struct NetStorageAccess(Bytes32 FlatKey, Bytes32 Initial, Bytes32 Current, bool IsNew)
{
    public bool IsWrite => Initial != Current;
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Accounts;

namespace ZkOs.System.ZkSync;

/// <summary>
/// An account as the block first saw it: whether the tree had no properties slot for it, the hash that
/// slot held (zero for none) and the properties that hash stands for.
/// </summary>
public readonly record struct LoadedAccount(bool SlotIsNew, Bytes32 InitialHash, AccountProperties Initial);

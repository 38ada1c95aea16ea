// SPDX-License-Identifier: MIT
using ZkOs.System.ZkSync.Accounts;

namespace ZkOs.System.ZkSync;

/// <summary>An account as the block first saw it: its properties, and whether the tree had no properties slot for it.</summary>
public readonly record struct LoadedAccount(bool SlotIsNew, AccountProperties Initial);

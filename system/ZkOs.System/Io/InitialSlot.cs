// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;

namespace ZkOs.System.Io;

/// <summary>A slot as it stood when the block began, and whether the state had ever held it.</summary>
public readonly record struct InitialSlot(UInt256 Value, bool IsNew);

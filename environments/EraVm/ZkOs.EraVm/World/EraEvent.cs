// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.EraVm.World;

/// <summary>One <c>log.event</c> or <c>log.to_l1</c> query: key and value as the opcode wrote them.</summary>
public readonly record struct EraEvent(Address Address, UInt256 Key, UInt256 Value, bool IsFirst, bool IsL1Message, ushort TxNumber);

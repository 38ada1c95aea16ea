// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Io;

/// <summary>An event: the emitting account, up to four topics and the data.</summary>
public sealed record LogEntry(Address Address, UInt256[] Topics, byte[] Data);

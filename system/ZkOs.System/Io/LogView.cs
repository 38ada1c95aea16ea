// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Io;

/// <summary>
/// An event as the IO subsystem holds it, without copying: the topics and the data are views over its
/// log arena, valid until the next transaction begins on that subsystem (<see cref="ToEntry"/> copies).
/// </summary>
public readonly record struct LogView(Address Address, ReadOnlyMemory<UInt256> Topics, ReadOnlyMemory<byte> Data)
{
    /// <summary>A copy that outlives the transaction.</summary>
    public LogEntry ToEntry() => new(Address, Topics.ToArray(), Data.ToArray());
}

// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Samples.StackVm.Handlers;

/// <summary>Stack shuffling and immediates. PUSHn reads its n immediate bytes big-endian.</summary>
[OpcodeHandlers("stackvm")]
public static unsafe class StackHandlers
{
    /// <summary>Nothing to do: the loop drops the word.</summary>
    public static void Pop(UInt256* s)
    {
    }

    public static void Dup(UInt256* s) => s[1] = s[0];

    public static void Swap(UInt256* s) => (s[0], s[1]) = (s[1], s[0]);

    public static void Push1(UInt256* s, byte* immediate) => s[0] = new UInt256(immediate[0]);

    public static void Push2(UInt256* s, byte* immediate) =>
        s[0] = new UInt256(BinaryPrimitives.ReadUInt16BigEndian(new ReadOnlySpan<byte>(immediate, 2)));

    public static void Push4(UInt256* s, byte* immediate) =>
        s[0] = new UInt256(BinaryPrimitives.ReadUInt32BigEndian(new ReadOnlySpan<byte>(immediate, 4)));

    public static void Push8(UInt256* s, byte* immediate) =>
        s[0] = new UInt256(BinaryPrimitives.ReadUInt64BigEndian(new ReadOnlySpan<byte>(immediate, 8)));

    public static void Push32(UInt256* s, byte* immediate) =>
        s[0] = UInt256.ReadBigEndian(new ReadOnlySpan<byte>(immediate, 32));
}

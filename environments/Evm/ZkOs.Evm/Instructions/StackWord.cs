// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Instructions;

/// <summary>
/// Reads and writes of stack slots and big-endian memory words, limb by limb. A whole-struct
/// <c>UInt256</c> copy compiles to one 32-byte vector move that cannot be store-forwarded from the four
/// 8-byte stores that usually just wrote the slot (3x slower on DUP/ADD chains, reference/performance.md
/// rule 5), and <c>UInt256</c>'s fields are read-only, so writes go through a <c>ulong*</c>.
/// </summary>
internal static unsafe class StackWord
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(UInt256* slot, ulong u0, ulong u1, ulong u2, ulong u3)
    {
        var limbs = (ulong*)slot;
        limbs[0] = u0;
        limbs[1] = u1;
        limbs[2] = u2;
        limbs[3] = u3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(UInt256* slot, ulong value) => Set(slot, value, 0, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(UInt256* slot, in UInt256 value) => Set(slot, value.U0, value.U1, value.U2, value.U3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Set(UInt256* slot, bool value) => Set(slot, value ? 1UL : 0UL);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Copy(UInt256* destination, UInt256* source)
    {
        var from = (ulong*)source;
        var to = (ulong*)destination;
        ulong u0 = from[0], u1 = from[1], u2 = from[2], u3 = from[3];
        to[0] = u0;
        to[1] = u1;
        to[2] = u2;
        to[3] = u3;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap(UInt256* a, UInt256* b)
    {
        var x = (ulong*)a;
        var y = (ulong*)b;
        ulong x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3];
        ulong y0 = y[0], y1 = y[1], y2 = y[2], y3 = y[3];
        x[0] = y0;
        x[1] = y1;
        x[2] = y2;
        x[3] = y3;
        y[0] = x0;
        y[1] = x1;
        y[2] = x2;
        y[3] = x3;
    }

    /// <summary>Eight bytes at <paramref name="p"/> read big-endian (unaligned).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LoadBigEndian(byte* p)
    {
        var raw = Unsafe.ReadUnaligned<ulong>(p);
        return BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(raw) : raw;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreBigEndian(byte* p, ulong value) =>
        Unsafe.WriteUnaligned(p, BitConverter.IsLittleEndian ? BinaryPrimitives.ReverseEndianness(value) : value);

    /// <summary>The 32 bytes at <paramref name="p"/> as a big-endian word, into <paramref name="slot"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void LoadWord(UInt256* slot, byte* p) =>
        Set(slot, LoadBigEndian(p + 24), LoadBigEndian(p + 16), LoadBigEndian(p + 8), LoadBigEndian(p));

    /// <summary>Writes <paramref name="slot"/> as 32 big-endian bytes at <paramref name="p"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void StoreWord(byte* p, UInt256* slot)
    {
        var limbs = (ulong*)slot;
        StoreBigEndian(p, limbs[3]);
        StoreBigEndian(p + 8, limbs[2]);
        StoreBigEndian(p + 16, limbs[1]);
        StoreBigEndian(p + 24, limbs[0]);
    }
}

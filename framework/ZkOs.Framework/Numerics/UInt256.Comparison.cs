// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.CompilerServices;

namespace ZkOs.Framework.Numerics;

public readonly partial struct UInt256 : IComparable<UInt256>, IComparable
{
    private const ulong _signBit = 1UL << 63;

    /// <summary>Unsigned a &lt; b (EVM LT).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool LessThan(in UInt256 a, in UInt256 b) =>
        LessThan(a.U0, a.U1, a.U2, a.U3, b.U0, b.U1, b.U2, b.U3);

    /// <summary>Unsigned a &gt; b (EVM GT).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool GreaterThan(in UInt256 a, in UInt256 b) =>
        LessThan(b.U0, b.U1, b.U2, b.U3, a.U0, a.U1, a.U2, a.U3);

    /// <summary>Two's complement a &lt; b (EVM SLT).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SignedLessThan(in UInt256 a, in UInt256 b) =>
        // Flipping both sign bits maps [-2^255, 2^255) monotonically onto [0, 2^256).
        LessThan(a.U0, a.U1, a.U2, a.U3 ^ _signBit, b.U0, b.U1, b.U2, b.U3 ^ _signBit);

    /// <summary>Two's complement a &gt; b (EVM SGT).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool SignedGreaterThan(in UInt256 a, in UInt256 b) =>
        LessThan(b.U0, b.U1, b.U2, b.U3 ^ _signBit, a.U0, a.U1, a.U2, a.U3 ^ _signBit);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool LessThan(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3)
    {
        // The borrow chain of a - b, without branches: operand-dependent branches mispredict inside an
        // interpreter loop, and the non-short-circuit & and | keep this straight-line.
        bool less = a0 < b0;
        less = (a1 < b1) | ((a1 == b1) & less);
        less = (a2 < b2) | ((a2 == b2) & less);
        return (a3 < b3) | ((a3 == b3) & less);
    }

    /// <summary>-1, 0 or 1 as a is below, equal to or above b (unsigned).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Compare(in UInt256 a, in UInt256 b) =>
        Compare(a.U0, a.U1, a.U2, a.U3, b.U0, b.U1, b.U2, b.U3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Compare(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3)
    {
        if (a3 != b3)
        {
            return a3 < b3 ? -1 : 1;
        }

        if (a2 != b2)
        {
            return a2 < b2 ? -1 : 1;
        }

        if (a1 != b1)
        {
            return a1 < b1 ? -1 : 1;
        }

        return a0 == b0 ? 0 : a0 < b0 ? -1 : 1;
    }

    /// <summary>a == 0 (EVM ISZERO).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero(in UInt256 a) => (a.U0 | a.U1 | a.U2 | a.U3) == 0;

    /// <summary>Bit 255 is set: negative as a two's complement value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNegative(in UInt256 a) => (long)a.U3 < 0;

    /// <summary>a &lt; 2^64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool FitsInUlong(in UInt256 a) => (a.U1 | a.U2 | a.U3) == 0;

    /// <summary>Leading zero bits, 256 for zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int LeadingZeroCount(in UInt256 a)
    {
        if (a.U3 != 0)
        {
            return BitOperations.LeadingZeroCount(a.U3);
        }

        if (a.U2 != 0)
        {
            return 64 + BitOperations.LeadingZeroCount(a.U2);
        }

        if (a.U1 != 0)
        {
            return 128 + BitOperations.LeadingZeroCount(a.U1);
        }

        return 192 + BitOperations.LeadingZeroCount(a.U0);
    }

    /// <summary>Number of significant bits, 0 for zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int BitLength(in UInt256 a) => 256 - LeadingZeroCount(in a);

    /// <summary>Bytes of the minimal big-endian encoding, 0 for zero (EXP charges per exponent byte).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ByteLength(in UInt256 a) => (BitLength(in a) + 7) >> 3;

    public int CompareTo(UInt256 other) => Compare(in this, in other);

    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        UInt256 other => Compare(in this, in other),
        _ => throw new ArgumentException($"Object must be of type {nameof(UInt256)}.", nameof(obj)),
    };

    public static bool operator <(in UInt256 a, in UInt256 b) => LessThan(in a, in b);

    public static bool operator >(in UInt256 a, in UInt256 b) => LessThan(in b, in a);

    public static bool operator <=(in UInt256 a, in UInt256 b) => !LessThan(in b, in a);

    public static bool operator >=(in UInt256 a, in UInt256 b) => !LessThan(in a, in b);
}

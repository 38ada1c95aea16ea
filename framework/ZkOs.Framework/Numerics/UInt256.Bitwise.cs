// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOs.Framework.Numerics;

// Shift amounts follow the EVM: anything from 256 up shifts every bit out. The int overloads treat a
// negative amount as such a huge one rather than masking it as C#'s built-in shifts do.
public readonly partial struct UInt256
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void And(in UInt256 a, in UInt256 b, out UInt256 result) =>
        result = new UInt256(a.U0 & b.U0, a.U1 & b.U1, a.U2 & b.U2, a.U3 & b.U3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Or(in UInt256 a, in UInt256 b, out UInt256 result) =>
        result = new UInt256(a.U0 | b.U0, a.U1 | b.U1, a.U2 | b.U2, a.U3 | b.U3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Xor(in UInt256 a, in UInt256 b, out UInt256 result) =>
        result = new UInt256(a.U0 ^ b.U0, a.U1 ^ b.U1, a.U2 ^ b.U2, a.U3 ^ b.U3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Not(in UInt256 a, out UInt256 result) =>
        result = new UInt256(~a.U0, ~a.U1, ~a.U2, ~a.U3);

    /// <summary>a &lt;&lt; shift; 0 when shift &gt;= 256 (EVM SHL).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ShiftLeft(in UInt256 a, in UInt256 shift, out UInt256 result)
    {
        if ((shift.U1 | shift.U2 | shift.U3) != 0 || shift.U0 >= 256)
        {
            result = default;
            return;
        }

        ShiftLeft(in a, (int)shift.U0, out result);
    }

    /// <summary>a &gt;&gt; shift (logical); 0 when shift &gt;= 256 (EVM SHR).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ShiftRight(in UInt256 a, in UInt256 shift, out UInt256 result)
    {
        if ((shift.U1 | shift.U2 | shift.U3) != 0 || shift.U0 >= 256)
        {
            result = default;
            return;
        }

        ShiftRight(in a, (int)shift.U0, out result);
    }

    /// <summary>
    /// a &gt;&gt; shift with a's bit 255 copied in (EVM SAR); from 256 up the result is 0 or all ones
    /// by the sign.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ShiftRightArithmetic(in UInt256 a, in UInt256 shift, out UInt256 result)
    {
        int amount = (shift.U1 | shift.U2 | shift.U3) != 0 || shift.U0 >= 256 ? 256 : (int)shift.U0;
        ShiftRightArithmetic(in a, amount, out result);
    }

    /// <summary>a &lt;&lt; shift; 0 when shift is at least 256 or negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ShiftLeft(in UInt256 a, int shift, out UInt256 result)
    {
        if ((uint)shift >= 256)
        {
            result = default;
            return;
        }

        ulong a0 = a.U0, a1 = a.U1, a2 = a.U2, a3 = a.U3;
        int bits = shift & 63;

        // Whole-limb moves first, then the bit shift; SpillRight handles bits = 0.
        switch (shift >> 6)
        {
            case 0:
                result = new UInt256(
                    a0 << bits,
                    (a1 << bits) | SpillRight(a0, bits),
                    (a2 << bits) | SpillRight(a1, bits),
                    (a3 << bits) | SpillRight(a2, bits));
                return;
            case 1:
                result = new UInt256(
                    0,
                    a0 << bits,
                    (a1 << bits) | SpillRight(a0, bits),
                    (a2 << bits) | SpillRight(a1, bits));
                return;
            case 2:
                result = new UInt256(0, 0, a0 << bits, (a1 << bits) | SpillRight(a0, bits));
                return;
            default:
                result = new UInt256(0, 0, 0, a0 << bits);
                return;
        }
    }

    /// <summary>a &gt;&gt; shift (logical); 0 when shift is at least 256 or negative.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ShiftRight(in UInt256 a, int shift, out UInt256 result)
    {
        if ((uint)shift >= 256)
        {
            result = default;
            return;
        }

        ulong a0 = a.U0, a1 = a.U1, a2 = a.U2, a3 = a.U3;
        int bits = shift & 63;

        switch (shift >> 6)
        {
            case 0:
                result = new UInt256(
                    (a0 >> bits) | SpillLeft(a1, bits),
                    (a1 >> bits) | SpillLeft(a2, bits),
                    (a2 >> bits) | SpillLeft(a3, bits),
                    a3 >> bits);
                return;
            case 1:
                result = new UInt256(
                    (a1 >> bits) | SpillLeft(a2, bits),
                    (a2 >> bits) | SpillLeft(a3, bits),
                    a3 >> bits,
                    0);
                return;
            case 2:
                result = new UInt256((a2 >> bits) | SpillLeft(a3, bits), a3 >> bits, 0, 0);
                return;
            default:
                result = new UInt256(a3 >> bits, 0, 0, 0);
                return;
        }
    }

    /// <summary>
    /// Arithmetic right shift; a shift of at least 256 or a negative one gives 0 or all ones by the sign.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ShiftRightArithmetic(in UInt256 a, int shift, out UInt256 result)
    {
        // For a negative a, sar(a) = ~(~a >> shift): the logical shift of the complement brings in
        // zeros, which become the sign's ones after the second complement.
        ulong sign = (ulong)((long)a.U3 >> 63);
        UInt256 flipped = new(a.U0 ^ sign, a.U1 ^ sign, a.U2 ^ sign, a.U3 ^ sign);
        ShiftRight(in flipped, shift, out UInt256 shifted);
        result = new UInt256(shifted.U0 ^ sign, shifted.U1 ^ sign, shifted.U2 ^ sign, shifted.U3 ^ sign);
    }

    /// <summary>
    /// EVM BYTE: the index-th byte of x counting from the most significant (byte 0 is bits 248..255);
    /// 0 when index &gt;= 32.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Byte(in UInt256 index, in UInt256 x, out UInt256 result)
    {
        if ((index.U1 | index.U2 | index.U3) != 0 || index.U0 >= 32)
        {
            result = default;
            return;
        }

        int fromLeast = 31 - (int)index.U0;
        ulong limb = (fromLeast >> 3) switch { 0 => x.U0, 1 => x.U1, 2 => x.U2, _ => x.U3 };
        result = new UInt256((limb >> ((fromLeast & 7) * 8)) & 0xFF);
    }

    public static UInt256 operator &(in UInt256 a, in UInt256 b)
    {
        And(in a, in b, out UInt256 result);
        return result;
    }

    public static UInt256 operator |(in UInt256 a, in UInt256 b)
    {
        Or(in a, in b, out UInt256 result);
        return result;
    }

    public static UInt256 operator ^(in UInt256 a, in UInt256 b)
    {
        Xor(in a, in b, out UInt256 result);
        return result;
    }

    public static UInt256 operator ~(in UInt256 a)
    {
        Not(in a, out UInt256 result);
        return result;
    }

    /// <summary>Left shift with EVM semantics: 0 for a shift of at least 256 or a negative one.</summary>
    public static UInt256 operator <<(in UInt256 a, int shift)
    {
        ShiftLeft(in a, shift, out UInt256 result);
        return result;
    }

    /// <summary>Logical right shift with EVM semantics: 0 for a shift of at least 256 or a negative one.</summary>
    public static UInt256 operator >>(in UInt256 a, int shift)
    {
        ShiftRight(in a, shift, out UInt256 result);
        return result;
    }
}

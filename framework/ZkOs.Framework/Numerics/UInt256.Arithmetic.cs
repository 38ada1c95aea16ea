// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace ZkOs.Framework.Numerics;

// Every operation reads all input limbs into locals before it writes its result, so an `out` argument
// may alias an `in` argument (Add(in x, in y, out x) is fine).
public readonly partial struct UInt256
{
    /// <summary>The high 64 bits of <paramref name="a"/> * <paramref name="b"/>.</summary>
    /// <remarks>
    /// Callers take the low half with a plain <c>a * b</c>: MULX for the high half plus IMUL for the low
    /// one keeps both in registers, whereas <see cref="Math.BigMul(ulong, ulong, out ulong)"/> writes the
    /// low half through memory (measured, see performance.md).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MultiplyHigh(ulong a, ulong b)
    {
        if (Bmi2.X64.IsSupported)
        {
            return Bmi2.X64.MultiplyNoFlags(a, b);
        }

        return Math.BigMul(a, b, out _);
    }

    /// <summary>a * b + x + y as a 128-bit value (it cannot overflow: (2^64-1)^2 + 2(2^64-1) = 2^128-1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyAdd(ulong a, ulong b, ulong x, ulong y, out ulong high)
    {
        ulong hi = MultiplyHigh(a, b);
        ulong lo = a * b;
        lo += x;
        hi += lo < x ? 1UL : 0UL;
        lo += y;
        hi += lo < y ? 1UL : 0UL;
        high = hi;
        return lo;
    }

    /// <summary>Wrapping addition modulo 2^256.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in UInt256 a, in UInt256 b, out UInt256 result) => AddWithCarry(in a, in b, out result);

    /// <summary>Addition returning the carry out of bit 255 (0 or 1); ADDMOD needs the 257th bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AddWithCarry(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        ulong a0 = a.U0, a1 = a.U1, a2 = a.U2, a3 = a.U3;
        ulong b0 = b.U0, b1 = b.U1, b2 = b.U2, b3 = b.U3;

        ulong r0 = a0 + b0;
        ulong carry = r0 < a0 ? 1UL : 0UL;

        // At most one of the two additions of a limb can wrap, so OR-ing their carries is exact.
        ulong t = a1 + carry;
        ulong r1 = t + b1;
        carry = (t < carry ? 1UL : 0UL) | (r1 < b1 ? 1UL : 0UL);

        t = a2 + carry;
        ulong r2 = t + b2;
        carry = (t < carry ? 1UL : 0UL) | (r2 < b2 ? 1UL : 0UL);

        t = a3 + carry;
        ulong r3 = t + b3;
        carry = (t < carry ? 1UL : 0UL) | (r3 < b3 ? 1UL : 0UL);

        result = new UInt256(r0, r1, r2, r3);
        return carry;
    }

    /// <summary>Wrapping subtraction modulo 2^256.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Subtract(in UInt256 a, in UInt256 b, out UInt256 result) => SubtractWithBorrow(in a, in b, out result);

    /// <summary>Subtraction returning the borrow out of bit 255 (1 when a &lt; b).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong SubtractWithBorrow(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        ulong a0 = a.U0, a1 = a.U1, a2 = a.U2, a3 = a.U3;
        ulong b0 = b.U0, b1 = b.U1, b2 = b.U2, b3 = b.U3;

        ulong r0 = a0 - b0;
        ulong borrow = a0 < b0 ? 1UL : 0UL;

        ulong t = a1 - b1;
        ulong r1 = t - borrow;
        borrow = (a1 < b1 ? 1UL : 0UL) | (t < borrow ? 1UL : 0UL);

        t = a2 - b2;
        ulong r2 = t - borrow;
        borrow = (a2 < b2 ? 1UL : 0UL) | (t < borrow ? 1UL : 0UL);

        t = a3 - b3;
        ulong r3 = t - borrow;
        borrow = (a3 < b3 ? 1UL : 0UL) | (t < borrow ? 1UL : 0UL);

        result = new UInt256(r0, r1, r2, r3);
        return borrow;
    }

    /// <summary>Two's complement negation: 2^256 - a (0 stays 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(in UInt256 a, out UInt256 result)
    {
        UInt256 zero = default;
        SubtractWithBorrow(in zero, in a, out result);
    }

    /// <summary>The low 256 bits of a * b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Multiply(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        ulong a0 = a.U0, a1 = a.U1, a2 = a.U2, a3 = a.U3;
        ulong b0 = b.U0, b1 = b.U1, b2 = b.U2, b3 = b.U3;

        // Schoolbook by rows; products landing wholly above bit 255 are skipped and the ones straddling
        // it only need their low half.
        ulong r0 = MultiplyAdd(a0, b0, 0, 0, out ulong carry);
        ulong r1 = MultiplyAdd(a0, b1, carry, 0, out carry);
        ulong r2 = MultiplyAdd(a0, b2, carry, 0, out carry);
        ulong r3 = a0 * b3 + carry;

        r1 = MultiplyAdd(a1, b0, r1, 0, out carry);
        r2 = MultiplyAdd(a1, b1, r2, carry, out carry);
        r3 += a1 * b2 + carry;

        r2 = MultiplyAdd(a2, b0, r2, 0, out carry);
        r3 += a2 * b1 + carry;

        r3 += a3 * b0;

        result = new UInt256(r0, r1, r2, r3);
    }

    /// <summary>
    /// The low 256 bits of a * a: the cross products a_i * a_j (i != j) appear twice, so they are
    /// computed once and doubled, which takes ten multiplications instead of sixteen (EXP squares once
    /// per exponent bit).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Square(in UInt256 a, out UInt256 result)
    {
        ulong a0 = a.U0, a1 = a.U1, a2 = a.U2, a3 = a.U3;

        // Cross terms a0a1 * 2^64 + a0a2 * 2^128 + (a0a3 + a1a2) * 2^192, modulo 2^256.
        ulong c1 = MultiplyAdd(a0, a1, 0, 0, out ulong carry);
        ulong c2 = MultiplyAdd(a0, a2, carry, 0, out carry);
        ulong c3 = carry + a0 * a3 + a1 * a2;

        // Doubled.
        c3 = (c3 << 1) | (c2 >> 63);
        c2 = (c2 << 1) | (c1 >> 63);
        c1 <<= 1;

        // Plus the squares a0^2 + a1^2 * 2^128 (a2^2 and a3^2 lie wholly above bit 255).
        ulong r0 = MultiplyAdd(a0, a0, 0, 0, out ulong h0);
        ulong l1 = MultiplyAdd(a1, a1, 0, 0, out ulong h1);
        ulong r1 = h0 + c1;
        carry = r1 < c1 ? 1UL : 0UL;
        ulong r2 = l1 + c2;
        ulong carry2 = r2 < c2 ? 1UL : 0UL;
        r2 += carry;
        carry2 += r2 < carry ? 1UL : 0UL;
        ulong r3 = h1 + c3 + carry2;

        result = new UInt256(r0, r1, r2, r3);
    }

    /// <summary>The full 512-bit product a * b as two 256-bit halves.</summary>
    public static void MultiplyFull(in UInt256 a, in UInt256 b, out UInt256 low, out UInt256 high)
    {
        MultiplyFull(in a, in b, out ulong r0, out ulong r1, out ulong r2, out ulong r3,
            out ulong r4, out ulong r5, out ulong r6, out ulong r7);
        low = new UInt256(r0, r1, r2, r3);
        high = new UInt256(r4, r5, r6, r7);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyFull(in UInt256 a, in UInt256 b,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3,
        out ulong r4, out ulong r5, out ulong r6, out ulong r7)
    {
        ulong a0 = a.U0, a1 = a.U1, a2 = a.U2, a3 = a.U3;
        ulong b0 = b.U0, b1 = b.U1, b2 = b.U2, b3 = b.U3;

        r0 = MultiplyAdd(a0, b0, 0, 0, out ulong carry);
        r1 = MultiplyAdd(a0, b1, carry, 0, out carry);
        r2 = MultiplyAdd(a0, b2, carry, 0, out carry);
        r3 = MultiplyAdd(a0, b3, carry, 0, out r4);

        r1 = MultiplyAdd(a1, b0, r1, 0, out carry);
        r2 = MultiplyAdd(a1, b1, r2, carry, out carry);
        r3 = MultiplyAdd(a1, b2, r3, carry, out carry);
        r4 = MultiplyAdd(a1, b3, r4, carry, out r5);

        r2 = MultiplyAdd(a2, b0, r2, 0, out carry);
        r3 = MultiplyAdd(a2, b1, r3, carry, out carry);
        r4 = MultiplyAdd(a2, b2, r4, carry, out carry);
        r5 = MultiplyAdd(a2, b3, r5, carry, out r6);

        r3 = MultiplyAdd(a3, b0, r3, 0, out carry);
        r4 = MultiplyAdd(a3, b1, r4, carry, out carry);
        r5 = MultiplyAdd(a3, b2, r5, carry, out carry);
        r6 = MultiplyAdd(a3, b3, r6, carry, out r7);
    }

    /// <summary>
    /// a * m + addend with the carry out of bit 255 returned; parsing builds values digit chunk by digit
    /// chunk with it.
    /// </summary>
    internal static ulong MultiplyAdd(in UInt256 a, ulong m, ulong addend, out UInt256 result)
    {
        ulong r0 = MultiplyAdd(a.U0, m, addend, 0, out ulong carry);
        ulong r1 = MultiplyAdd(a.U1, m, carry, 0, out carry);
        ulong r2 = MultiplyAdd(a.U2, m, carry, 0, out carry);
        ulong r3 = MultiplyAdd(a.U3, m, carry, 0, out carry);
        result = new UInt256(r0, r1, r2, r3);
        return carry;
    }

    /// <summary>
    /// baseValue ^ exponent modulo 2^256 by right-to-left square-and-multiply (0^0 = 1, as in the EVM).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Exp(in UInt256 baseValue, in UInt256 exponent, out UInt256 result)
    {
        UInt256 b = baseValue;
        UInt256 e = exponent;

        if (IsZero(in e))
        {
            result = One;
            return;
        }

        if ((b.U1 | b.U2 | b.U3) == 0 && b.U0 <= 1)
        {
            // 0^e = 0 and 1^e = 1 for e > 0.
            result = b;
            return;
        }

        if (BitOperations.IsPow2(b.U0) && (b.U1 | b.U2 | b.U3) == 0)
        {
            // (2^k)^e = 2^(k*e): a shift, or 0 once k*e reaches 256. Common in contracts (2**n masks).
            int k = BitOperations.TrailingZeroCount(b.U0);
            if ((e.U1 | e.U2 | e.U3) != 0 || e.U0 >= 256)
            {
                result = default;
                return;
            }

            ulong bits = (ulong)k * e.U0;
            if (bits >= 256)
            {
                result = default;
                return;
            }

            UInt256 one = One;
            ShiftLeft(in one, (int)bits, out result);
            return;
        }

        UInt256 acc = One;
        int topLimb = e.U3 != 0 ? 3 : e.U2 != 0 ? 2 : e.U1 != 0 ? 1 : 0;
        for (int limbIndex = 0; limbIndex <= topLimb; limbIndex++)
        {
            ulong limb = limbIndex switch { 0 => e.U0, 1 => e.U1, 2 => e.U2, _ => e.U3 };
            bool lastLimb = limbIndex == topLimb;
            int bitCount = lastLimb ? 64 - BitOperations.LeadingZeroCount(limb) : 64;
            for (int bit = 0; bit < bitCount; bit++)
            {
                if ((limb & 1) != 0)
                {
                    Multiply(in acc, in b, out acc);
                }

                limb >>= 1;

                // The square after the exponent's top bit would be wasted work.
                if (!lastLimb || bit + 1 < bitCount)
                {
                    Square(in b, out b);
                }
            }
        }

        result = acc;
    }

    public static UInt256 operator +(in UInt256 a, in UInt256 b)
    {
        Add(in a, in b, out UInt256 result);
        return result;
    }

    public static UInt256 operator -(in UInt256 a, in UInt256 b)
    {
        Subtract(in a, in b, out UInt256 result);
        return result;
    }

    public static UInt256 operator -(in UInt256 a)
    {
        Negate(in a, out UInt256 result);
        return result;
    }

    public static UInt256 operator *(in UInt256 a, in UInt256 b)
    {
        Multiply(in a, in b, out UInt256 result);
        return result;
    }
}

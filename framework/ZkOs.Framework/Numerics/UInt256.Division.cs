// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace ZkOs.Framework.Numerics;

public readonly partial struct UInt256
{
    /// <summary>a / b rounded down; 0 when b is 0 (EVM DIV).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Divide(in UInt256 a, in UInt256 b, out UInt256 result) => DivRem(in a, in b, out result, out _);

    /// <summary>a mod b; 0 when b is 0 (EVM MOD).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Modulo(in UInt256 a, in UInt256 b, out UInt256 result) => DivRem(in a, in b, out _, out result);

    /// <summary>Quotient and remainder of a / b; both 0 when b is 0.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void DivRem(in UInt256 a, in UInt256 b, out UInt256 quotient, out UInt256 remainder)
    {
        ulong a0 = a.U0, a1 = a.U1, a2 = a.U2, a3 = a.U3;
        ulong b0 = b.U0, b1 = b.U1, b2 = b.U2, b3 = b.U3;

        if ((b1 | b2 | b3) == 0)
        {
            if (b0 == 0)
            {
                quotient = default;
                remainder = default;
                return;
            }

            if ((a1 | a2 | a3) == 0)
            {
                (ulong q, ulong r) = Math.DivRem(a0, b0);
                quotient = new UInt256(q);
                remainder = new UInt256(r);
                return;
            }

            UInt256 dividend = new(a0, a1, a2, a3);
            ulong rem = DivRemBy64(in dividend, b0, out quotient);
            remainder = new UInt256(rem);
            return;
        }

        int comparison = Compare(a0, a1, a2, a3, b0, b1, b2, b3);
        if (comparison <= 0)
        {
            // A dividend not above the divisor needs no division; with full-width operands on both
            // sides this is a common case.
            quotient = comparison == 0 ? One : default;
            remainder = comparison == 0 ? default : new UInt256(a0, a1, a2, a3);
            return;
        }

        if ((a2 | a3) == 0)
        {
            ulong q = DivRem128(a0, a1, b0, b1, out ulong r0, out ulong r1);
            quotient = new UInt256(q);
            remainder = new UInt256(r0, r1);
            return;
        }

        UInt256 dividend4 = new(a0, a1, a2, a3);
        if ((b2 | b3) == 0)
        {
            DivRemByTwoLimbs(in dividend4, b0, b1, out quotient, out remainder);
            return;
        }

        DivRemMultiLimb(in dividend4, new UInt256(b0, b1, b2, b3), out quotient, out remainder);
    }

    /// <summary>
    /// The 128-by-64 division (high:low) / divisor; the caller guarantees high &lt; divisor, so the
    /// quotient fits in 64 bits (the DIV instruction faults otherwise).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Quotient, ulong Remainder) DivRem128By64(ulong high, ulong low, ulong divisor)
    {
        // SYSLIB5004: X86Base.X64.DivRem is marked experimental only because its shape may still change;
        // it is the single DIV instruction, several times faster than the UInt128 path below (5.6 ns a
        // 256-by-64 division in the measurements of performance.md).
#pragma warning disable SYSLIB5004
        if (X86Base.X64.IsSupported)
        {
            return X86Base.X64.DivRem(low, high, divisor);
        }
#pragma warning restore SYSLIB5004

        (UInt128 q, UInt128 r) = UInt128.DivRem(new UInt128(high, low), divisor);
        return ((ulong)q, (ulong)r);
    }

    /// <summary>a / divisor for a nonzero 64-bit divisor, returning the remainder.</summary>
    internal static ulong DivRemBy64(in UInt256 a, ulong divisor, out UInt256 quotient)
    {
        ulong a0 = a.U0, a1 = a.U1, a2 = a.U2;
        (ulong q3, ulong r) = Math.DivRem(a.U3, divisor);
        (ulong q2, r) = DivRem128By64(r, a2, divisor);
        (ulong q1, r) = DivRem128By64(r, a1, divisor);
        (ulong q0, r) = DivRem128By64(r, a0, divisor);
        quotient = new UInt256(q0, q1, q2, q3);
        return r;
    }

    /// <summary>
    /// (a1:a0) / (b1:b0) for a dividend at least the divisor and b1 != 0: the quotient is one limb, so
    /// this is a single normalised Knuth step whose estimate refinement (on the whole second divisor
    /// limb) already makes it exact.
    /// </summary>
    private static ulong DivRem128(ulong a0, ulong a1, ulong b0, ulong b1, out ulong r0, out ulong r1)
    {
        int shift = BitOperations.LeadingZeroCount(b1);
        ulong v1 = (b1 << shift) | SpillRight(b0, shift);
        ulong v0 = b0 << shift;
        ulong u2 = SpillRight(a1, shift);
        ulong u1 = (a1 << shift) | SpillRight(a0, shift);
        ulong u0 = a0 << shift;

        // u2 < 2^shift <= v1, so the hardware division cannot overflow.
        (ulong qhat, ulong rhat) = DivRem128By64(u2, u1, v1);
        qhat = RefineEstimate(qhat, rhat, v1, v0, u0);

        // The exact remainder is below 2^128, so computing it modulo 2^128 loses nothing.
        ulong pLow = qhat * v0;
        ulong pHigh = MultiplyHigh(qhat, v0);
        ulong remLow = u0 - pLow;
        ulong remHigh = u1 - pHigh - qhat * v1 - (u0 < pLow ? 1UL : 0UL);

        r0 = (remLow >> shift) | SpillLeft(remHigh, shift);
        r1 = remHigh >> shift;
        return qhat;
    }

    /// <summary>
    /// Knuth's test: lowers the estimate while qhat * vNext &gt; rhat * 2^64 + uNext, i.e. while the
    /// top three dividend limbs are smaller than qhat times the top two divisor limbs. Afterwards the
    /// estimate is exact or one too big (Knuth 4.3.1, algorithm D step D3).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RefineEstimate(ulong qhat, ulong rhat, ulong vTop, ulong vNext, ulong uNext)
    {
        ulong pLow = qhat * vNext;
        ulong pHigh = MultiplyHigh(qhat, vNext);
        while (pHigh > rhat || (pHigh == rhat && pLow > uNext))
        {
            qhat--;
            rhat += vTop;
            if (rhat < vTop)
            {
                // rhat reached 2^64: the product can no longer exceed the three-limb dividend.
                break;
            }

            pHigh -= pLow < vNext ? 1UL : 0UL;
            pLow -= vNext;
        }

        return qhat;
    }

    /// <summary>x &gt;&gt; (64 - shift), also right for shift = 0 (C# masks a 64-bit shift count by 63).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SpillRight(ulong x, int shift) => x >> 1 >> (63 - shift);

    /// <summary>x &lt;&lt; (64 - shift), also right for shift = 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SpillLeft(ulong x, int shift) => x << 1 << (63 - shift);

    /// <summary>
    /// The reciprocal floor((2^128 - 1) / d) - 2^64 of a normalised d (top bit set): with it, dividing by
    /// d needs multiplications only (Möller and Granlund, "Improved division by invariant integers",
    /// 2011). ~d &lt; d, so the hardware division cannot overflow.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Reciprocal2By1(ulong d) => DivRem128By64(~d, ulong.MaxValue, d).Quotient;

    /// <summary>
    /// The reciprocal floor((2^192 - 1) / (d1:d0)) - 2^64 of a normalised two-limb divisor, derived from
    /// d1's (Möller and Granlund, algorithm 6).
    /// </summary>
    private static ulong Reciprocal3By2(ulong d1, ulong d0)
    {
        ulong v = Reciprocal2By1(d1);
        ulong p = d1 * v;
        p += d0;
        if (p < d0)
        {
            v--;
            if (p >= d1)
            {
                v--;
                p -= d1;
            }

            p -= d1;
        }

        ulong t1 = MultiplyHigh(v, d0);
        ulong t0 = v * d0;
        p += t1;
        if (p < t1)
        {
            v--;
            if (p > d1 || (p == d1 && t0 >= d0))
            {
                v--;
            }
        }

        return v;
    }

    /// <summary>
    /// (u2:u1:u0) / (d1:d0) for (u2:u1) &lt; (d1:d0) and a normalised d1, with v from
    /// <see cref="Reciprocal3By2"/> (Möller and Granlund, algorithm 5). The quotient and the remainder
    /// are exact; the one data-dependent correction is done with masks because it goes either way
    /// about equally often and would mispredict.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Divide3By2(ulong u2, ulong u1, ulong u0, ulong d1, ulong d0, ulong v, out ulong r1, out ulong r0)
    {
        // (q1:q0) = v * u2 + (u2:u1), modulo 2^128.
        ulong q0 = v * u2;
        ulong q1 = MultiplyHigh(v, u2);
        q0 += u1;
        q1 += u2 + (q0 < u1 ? 1UL : 0UL);

        // (rh:rl) = (u1 - q1 * d1 : u0) - q1 * d0 - (d1:d0), modulo 2^128.
        ulong rh = u1 - q1 * d1;
        ulong t0 = d0 * q1;
        ulong t1 = MultiplyHigh(d0, q1);
        ulong rl = u0 - t0;
        rh = rh - t1 - (u0 < t0 ? 1UL : 0UL);
        ulong borrow = rl < d0 ? 1UL : 0UL;
        rl -= d0;
        rh = rh - d1 - borrow;
        q1++;

        // If rh >= q0 the estimate q1 was one too big: undo it and add the divisor back.
        ulong mask = 0 - (rh >= q0 ? 1UL : 0UL);
        q1 += mask;
        ulong addLow = d0 & mask;
        rl += addLow;
        rh += (d1 & mask) + (rl < addLow ? 1UL : 0UL);

        // Rare: the estimate was one too small.
        if (rh > d1 || (rh == d1 && rl >= d0))
        {
            q1++;
            borrow = rl < d0 ? 1UL : 0UL;
            rl -= d0;
            rh = rh - d1 - borrow;
        }

        r1 = rh;
        r0 = rl;
        return q1;
    }

    /// <summary>
    /// A four-limb dividend over a two-limb divisor: three 3-by-2 steps in registers, each giving one
    /// quotient limb and the running remainder exactly.
    /// </summary>
    private static void DivRemByTwoLimbs(in UInt256 a, ulong b0, ulong b1, out UInt256 quotient, out UInt256 remainder)
    {
        int shift = BitOperations.LeadingZeroCount(b1);
        ulong d1 = (b1 << shift) | SpillRight(b0, shift);
        ulong d0 = b0 << shift;
        ulong a0 = a.U0, a1 = a.U1, a2 = a.U2, a3 = a.U3;
        ulong u4 = SpillRight(a3, shift);
        ulong u3 = (a3 << shift) | SpillRight(a2, shift);
        ulong u2 = (a2 << shift) | SpillRight(a1, shift);
        ulong u1 = (a1 << shift) | SpillRight(a0, shift);
        ulong u0 = a0 << shift;

        // u4 < 2^shift <= d1, which is the precondition of the first step; each step's remainder is
        // below the divisor, which is the precondition of the next.
        ulong v = Reciprocal3By2(d1, d0);
        ulong q2 = Divide3By2(u4, u3, u2, d1, d0, v, out ulong r1, out ulong r0);
        ulong q1 = Divide3By2(r1, r0, u1, d1, d0, v, out r1, out r0);
        ulong q0 = Divide3By2(r1, r0, u0, d1, d0, v, out r1, out r0);

        quotient = new UInt256(q0, q1, q2);
        remainder = new UInt256((r0 >> shift) | SpillLeft(r1, shift), r1 >> shift);
    }

    /// <summary>Division with a divisor of three or four limbs.</summary>
    [SkipLocalsInit]
    private static unsafe void DivRemMultiLimb(in UInt256 a, in UInt256 b, out UInt256 quotient, out UInt256 remainder)
    {
        ulong* u = stackalloc ulong[5];
        ulong* v = stackalloc ulong[5];
        ulong* q = stackalloc ulong[4];
        q[0] = q[1] = q[2] = q[3] = 0;

        int n = b.U3 != 0 ? 4 : 3;
        int m = a.U3 != 0 ? 4 : 3;
        int shift = BitOperations.LeadingZeroCount(n == 4 ? b.U3 : b.U2);

        ShiftLeftInto(in b, shift, v);
        ShiftLeftInto(in a, shift, u);
        DivideNormalized(u, m, v, n, q);

        quotient = new UInt256(q[0], q[1], q[2], q[3]);

        // Limbs n..4 of u are zero now (each step clears its top limb), so un-normalising all four
        // limbs is the remainder.
        remainder = new UInt256(
            (u[0] >> shift) | SpillLeft(u[1], shift),
            (u[1] >> shift) | SpillLeft(u[2], shift),
            (u[2] >> shift) | SpillLeft(u[3], shift),
            (u[3] >> shift) | SpillLeft(u[4], shift));
    }

    /// <summary>Writes x &lt;&lt; shift as five limbs (the fifth holds the bits shifted out).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void ShiftLeftInto(in UInt256 x, int shift, ulong* destination)
    {
        ulong x0 = x.U0, x1 = x.U1, x2 = x.U2, x3 = x.U3;
        destination[0] = x0 << shift;
        destination[1] = (x1 << shift) | SpillRight(x0, shift);
        destination[2] = (x2 << shift) | SpillRight(x1, shift);
        destination[3] = (x3 << shift) | SpillRight(x2, shift);
        destination[4] = SpillRight(x3, shift);
    }

    /// <summary>
    /// Knuth's algorithm D (TAOCP 4.3.1) on 64-bit limbs, with each quotient limb estimated by an exact
    /// 3-by-2 division through the divisor's reciprocal instead of Knuth's 2-by-1 estimate and its
    /// correction loop. u holds m + 1 limbs and d holds n &gt;= 2 limbs, both shifted so that d's top bit
    /// is set, with m &gt;= n and u[m] &lt; d[n-1]. On return u[0..n-1] is the normalised remainder, u[n..m]
    /// is zero and, unless q is null, q[0..m-n] is the quotient.
    /// </summary>
    private static unsafe void DivideNormalized(ulong* u, int m, ulong* d, int n, ulong* q)
    {
        ulong d1 = d[n - 1];
        ulong d0 = d[n - 2];

        if (m - n < 2)
        {
            // One or two quotient limbs: the reciprocal would cost a hardware division of its own, so
            // Knuth's plain estimate (one division and a refinement per limb) is cheaper here.
            for (int j = m - n; j >= 0; j--)
            {
                ulong estimate = DivideClassicStep(u + j, d, n, d1, d0);
                if (q != null)
                {
                    q[j] = estimate;
                }
            }

            return;
        }

        ulong v = Reciprocal3By2(d1, d0);

        for (int j = m - n; j >= 0; j--)
        {
            ulong* w = u + j;
            ulong u2 = w[n];
            ulong u1 = w[n - 1];
            ulong qhat;

            if (u2 == d1 && u1 == d0)
            {
                // The 3-by-2 step needs (u2:u1) < (d1:d0); at equality the quotient limb is exactly
                // 2^64 - 1 (the window is at least (2^64 - 1) * d and below 2^64 * d), and the
                // subtraction clears the window's top limb.
                qhat = ulong.MaxValue;
                SubtractMultiple(w, d, n, qhat);
                w[n] = 0;
            }
            else
            {
                qhat = Divide3By2(u2, u1, w[n - 2], d1, d0, v, out ulong r1, out ulong r0);

                // The top three limbs are done; subtract qhat times the divisor's remaining limbs and
                // carry the borrow into the 3-by-2 remainder.
                ulong carry = SubtractMultiple(w, d, n - 2, qhat);
                ulong borrow = r0 < carry ? 1UL : 0UL;
                r0 -= carry;
                ulong negative = r1 < borrow ? 1UL : 0UL;
                r1 -= borrow;
                w[n - 2] = r0;
                w[n - 1] = r1;
                w[n] = 0;

                if (negative != 0)
                {
                    // D6, add back: the 3-by-2 estimate is at most one too big, and only the lower
                    // divisor limbs can make it so.
                    qhat--;
                    AddBack(w, d, n);
                }
            }

            if (q != null)
            {
                q[j] = qhat;
            }
        }
    }

    /// <summary>
    /// One step of algorithm D for an (n + 1)-limb window w over an n-limb divisor whose top limbs are
    /// d1 and d0: Knuth's 2-by-1 estimate, refined on the second limb so that it is exact or one too
    /// big, then multiply-subtract and add back. Clears w[n].
    /// </summary>
    private static unsafe ulong DivideClassicStep(ulong* w, ulong* d, int n, ulong d1, ulong d0)
    {
        // The window is below d * 2^64, so w[n] <= d1; at equality the estimate would be 2^64 or more
        // (and the DIV instruction would fault), and Knuth clamps it to 2^64 - 1.
        ulong top = w[n];
        ulong qhat;
        if (top < d1)
        {
            (qhat, ulong rhat) = DivRem128By64(top, w[n - 1], d1);
            qhat = RefineEstimate(qhat, rhat, d1, d0, w[n - 2]);
        }
        else
        {
            qhat = ulong.MaxValue;
            ulong rhat = w[n - 1] + d1;
            if (rhat >= d1)
            {
                qhat = RefineEstimate(qhat, rhat, d1, d0, w[n - 2]);
            }
        }

        ulong carry = SubtractMultiple(w, d, n, qhat);
        w[n] = 0;
        if (top < carry)
        {
            // D6, add back: the estimate was one too big (probability about 2^-63 on random data).
            qhat--;
            AddBack(w, d, n);
        }

        return qhat;
    }

    /// <summary>
    /// w[0..n-1] += d[0..n-1] after a subtraction went negative; the carry out is dropped because it
    /// cancels the borrow.
    /// </summary>
    private static unsafe void AddBack(ulong* w, ulong* d, int n)
    {
        ulong carry = 0;
        for (int i = 0; i < n; i++)
        {
            ulong s = w[i] + carry;
            carry = s < carry ? 1UL : 0UL;
            s += d[i];
            carry |= s < d[i] ? 1UL : 0UL;
            w[i] = s;
        }
    }

    /// <summary>w[0..count-1] -= q * d[0..count-1], returning the limb still to subtract above them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe ulong SubtractMultiple(ulong* w, ulong* d, int count, ulong q)
    {
        ulong carry = 0;
        for (int i = 0; i < count; i++)
        {
            ulong pLow = MultiplyAdd(q, d[i], carry, 0, out ulong pHigh);
            ulong wi = w[i];
            w[i] = wi - pLow;

            // pHigh + borrow cannot wrap: pHigh = 2^64 - 1 only when pLow = 0.
            carry = pHigh + (wi < pLow ? 1UL : 0UL);
        }

        return carry;
    }

    /// <summary>
    /// x mod d for a little-endian limb array of up to 8 limbs (ADDMOD's 257-bit sum, MULMOD's 512-bit
    /// product) and a nonzero divisor.
    /// </summary>
    [SkipLocalsInit]
    private static unsafe void RemainderOfLimbs(ulong* x, int length, in UInt256 d, out UInt256 remainder)
    {
        ulong d0 = d.U0, d1 = d.U1, d2 = d.U2, d3 = d.U3;

        while (length > 0 && x[length - 1] == 0)
        {
            length--;
        }

        if ((d1 | d2 | d3) == 0)
        {
            ulong r = 0;
            for (int i = length - 1; i >= 0; i--)
            {
                (_, r) = DivRem128By64(r, x[i], d0);
            }

            remainder = new UInt256(r);
            return;
        }

        int n = d3 != 0 ? 4 : d2 != 0 ? 3 : 2;
        if (length < n)
        {
            remainder = new UInt256(
                length > 0 ? x[0] : 0,
                length > 1 ? x[1] : 0,
                length > 2 ? x[2] : 0);
            return;
        }

        ulong* u = stackalloc ulong[9];
        ulong* v = stackalloc ulong[5];
        int shift = BitOperations.LeadingZeroCount(n == 4 ? d3 : n == 3 ? d2 : d1);

        ShiftLeftInto(in d, shift, v);
        u[length] = SpillRight(x[length - 1], shift);
        for (int i = length - 1; i > 0; i--)
        {
            u[i] = (x[i] << shift) | SpillRight(x[i - 1], shift);
        }

        u[0] = x[0] << shift;

        DivideNormalized(u, length, v, n, null);

        ulong r0 = (u[0] >> shift) | SpillLeft(u[1], shift);
        ulong r1 = u[1] >> shift;
        ulong r2 = 0, r3 = 0;
        if (n > 2)
        {
            r1 |= SpillLeft(u[2], shift);
            r2 = u[2] >> shift;
        }

        if (n > 3)
        {
            r2 |= SpillLeft(u[3], shift);
            r3 = u[3] >> shift;
        }

        remainder = new UInt256(r0, r1, r2, r3);
    }

    public static UInt256 operator /(in UInt256 a, in UInt256 b)
    {
        DivRem(in a, in b, out UInt256 quotient, out _);
        return quotient;
    }

    public static UInt256 operator %(in UInt256 a, in UInt256 b)
    {
        DivRem(in a, in b, out _, out UInt256 remainder);
        return remainder;
    }
}

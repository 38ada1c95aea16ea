// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace ZkOs.System.Precompiles;

/// <summary>
/// Modular inversion by the binary extended Euclidean algorithm, for the two odd moduli of secp256k1
/// (the field prime p and the group order n). Variable time, which ecrecover's public inputs allow; about
/// three times faster than Fermat exponentiation (a^(m-2)), which needs some 300 modular products.
/// </summary>
/// <remarks>
/// Invariants: x1·a ≡ u and x2·a ≡ v (mod m), u and v odd between steps, x1 and x2 in [0, m). Each step
/// subtracts the smaller of u, v from the larger and strips the trailing zeros of the difference, dividing
/// its x by the same power of two at once with a Montgomery-style correction: adding q·m, where
/// q = -x·m⁻¹ mod 2^k, makes x divisible by 2^k, and (x + q·m) / 2^k stays below m.
/// </remarks>
internal static class Secp256k1Inverse
{
    /// <summary>a⁻¹ mod m for odd m, 0 &lt; a &lt; m; <paramref name="mNegInverse"/> is -m⁻¹ mod 2^64.</summary>
    public static void Invert(
        ulong a0, ulong a1, ulong a2, ulong a3,
        ulong m0, ulong m1, ulong m2, ulong m3, ulong mNegInverse,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3)
    {
        ulong u0 = a0, u1 = a1, u2 = a2, u3 = a3;
        ulong v0 = m0, v1 = m1, v2 = m2, v3 = m3;
        ulong x0 = 1, x1 = 0, x2 = 0, x3 = 0;
        ulong y0 = 0, y1 = 0, y2 = 0, y3 = 0;

        if ((u0 | u1 | u2 | u3) == 0)
        {
            r0 = r1 = r2 = r3 = 0;
            return;
        }
        StripTwos(ref u0, ref u1, ref u2, ref u3, ref x0, ref x1, ref x2, ref x3, m0, m1, m2, m3, mNegInverse);
        while (true)
        {
            if (u0 == 1 && (u1 | u2 | u3) == 0)
            {
                (r0, r1, r2, r3) = (x0, x1, x2, x3);
                return;
            }
            if (v0 == 1 && (v1 | v2 | v3) == 0)
            {
                (r0, r1, r2, r3) = (y0, y1, y2, y3);
                return;
            }
            if (!LessThan(u0, u1, u2, u3, v0, v1, v2, v3))
            {
                Subtract(ref u0, ref u1, ref u2, ref u3, v0, v1, v2, v3);
                if ((u0 | u1 | u2 | u3) == 0)
                    break; // u = v ≠ 1: a shares a factor with m (not for the prime moduli used here)
                SubtractMod(ref x0, ref x1, ref x2, ref x3, y0, y1, y2, y3, m0, m1, m2, m3);
                StripTwos(ref u0, ref u1, ref u2, ref u3, ref x0, ref x1, ref x2, ref x3, m0, m1, m2, m3, mNegInverse);
            }
            else
            {
                Subtract(ref v0, ref v1, ref v2, ref v3, u0, u1, u2, u3);
                if ((v0 | v1 | v2 | v3) == 0)
                    break;
                SubtractMod(ref y0, ref y1, ref y2, ref y3, x0, x1, x2, x3, m0, m1, m2, m3);
                StripTwos(ref v0, ref v1, ref v2, ref v3, ref y0, ref y1, ref y2, ref y3, m0, m1, m2, m3, mNegInverse);
            }
        }
        r0 = r1 = r2 = r3 = 0;
    }

    /// <summary>-m⁻¹ mod 2^64 for odd m, by Newton's iteration (each step doubles the correct low bits).</summary>
    public static ulong NegativeInverse64(ulong m0)
    {
        ulong inverse = m0; // correct to 3 bits for any odd m0
        for (int i = 0; i < 5; i++)
            inverse *= 2 - m0 * inverse;
        return 0 - inverse;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulHigh(ulong a, ulong b) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool LessThan(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3)
    {
        if (a3 != b3)
            return a3 < b3;
        if (a2 != b2)
            return a2 < b2;
        if (a1 != b1)
            return a1 < b1;
        return a0 < b0;
    }

    /// <summary>a -= b, with a ≥ b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Subtract(ref ulong a0, ref ulong a1, ref ulong a2, ref ulong a3, ulong b0, ulong b1, ulong b2, ulong b3)
    {
        ulong d0 = a0 - b0;
        ulong borrow = a0 < b0 ? 1UL : 0UL;
        ulong t = a1 - b1;
        ulong d1 = t - borrow;
        borrow = (a1 < b1 ? 1UL : 0UL) | (t < borrow ? 1UL : 0UL);
        t = a2 - b2;
        ulong d2 = t - borrow;
        borrow = (a2 < b2 ? 1UL : 0UL) | (t < borrow ? 1UL : 0UL);
        t = a3 - b3;
        ulong d3 = t - borrow;
        borrow = (a3 < b3 ? 1UL : 0UL) | (t < borrow ? 1UL : 0UL);
        (a0, a1, a2, a3) = (d0, d1, d2, d3);
        return borrow;
    }

    /// <summary>x = x - y mod m, both in [0, m).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubtractMod(
        ref ulong x0, ref ulong x1, ref ulong x2, ref ulong x3, ulong y0, ulong y1, ulong y2, ulong y3,
        ulong m0, ulong m1, ulong m2, ulong m3)
    {
        if (Subtract(ref x0, ref x1, ref x2, ref x3, y0, y1, y2, y3) != 0)
        {
            // The wrapped difference plus m is the true one; the carry out of the top cancels the wrap.
            ulong s0 = x0 + m0;
            ulong c = s0 < x0 ? 1UL : 0UL;
            ulong t = x1 + c;
            c = t < c ? 1UL : 0UL;
            ulong s1 = t + m1;
            c |= s1 < t ? 1UL : 0UL;
            t = x2 + c;
            c = t < c ? 1UL : 0UL;
            ulong s2 = t + m2;
            c |= s2 < t ? 1UL : 0UL;
            ulong s3 = x3 + c + m3;
            (x0, x1, x2, x3) = (s0, s1, s2, s3);
        }
    }

    /// <summary>Divides the even, non-zero w by its largest power-of-two factor 2^k, and x by 2^k modulo m.</summary>
    private static void StripTwos(
        ref ulong w0, ref ulong w1, ref ulong w2, ref ulong w3,
        ref ulong x0, ref ulong x1, ref ulong x2, ref ulong x3,
        ulong m0, ulong m1, ulong m2, ulong m3, ulong mNegInverse)
    {
        while ((w0 & 1) == 0)
        {
            // At most 63 bits per round: the correction q must fit one limb.
            int k = w0 == 0 ? 63 : Math.Min(BitOperations.TrailingZeroCount(w0), 63);
            w0 = (w0 >> k) | (w1 << (64 - k));
            w1 = (w1 >> k) | (w2 << (64 - k));
            w2 = (w2 >> k) | (w3 << (64 - k));
            w3 >>= k;

            ulong q = (x0 * mNegInverse) & ((1UL << k) - 1);
            // x + q·m, five limbs; its low k bits are zero by the choice of q.
            ulong lo = q * m0;
            ulong hi = MulHigh(q, m0);
            ulong s0 = x0 + lo;
            ulong c = hi + (s0 < lo ? 1UL : 0UL);
            lo = q * m1;
            hi = MulHigh(q, m1);
            ulong s1 = x1 + lo;
            hi += s1 < lo ? 1UL : 0UL;
            s1 += c;
            hi += s1 < c ? 1UL : 0UL;
            c = hi;
            lo = q * m2;
            hi = MulHigh(q, m2);
            ulong s2 = x2 + lo;
            hi += s2 < lo ? 1UL : 0UL;
            s2 += c;
            hi += s2 < c ? 1UL : 0UL;
            c = hi;
            lo = q * m3;
            hi = MulHigh(q, m3);
            ulong s3 = x3 + lo;
            hi += s3 < lo ? 1UL : 0UL;
            s3 += c;
            hi += s3 < c ? 1UL : 0UL;
            ulong s4 = hi;

            x0 = (s0 >> k) | (s1 << (64 - k));
            x1 = (s1 >> k) | (s2 << (64 - k));
            x2 = (s2 >> k) | (s3 << (64 - k));
            x3 = (s3 >> k) | (s4 << (64 - k));
        }
    }
}

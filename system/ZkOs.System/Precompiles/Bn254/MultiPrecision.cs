// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// The word operations of multi-limb integer arithmetic, shared by every Montgomery field
/// (<see cref="Fp256{TParams}"/> for BN254, <c>Fp384</c> for BLS12-381): a 64×64-bit multiply-accumulate
/// and the carry and borrow chains. All are inlined, so a field's unrolled loops compile to the same
/// code as if they were written out in place.
/// </summary>
internal static class MultiPrecision
{
    /// <summary>a·b + x + y as a 128-bit value (cannot overflow: (2^64-1)^2 + 2(2^64-1) = 2^128-1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong MultiplyAdd(ulong a, ulong b, ulong x, ulong y, out ulong low)
    {
        // MULX for the high half and a plain multiply for the low half keep both in registers;
        // Math.BigMul returns the low half through memory (reference/performance.md, rule 7).
        ulong hi = Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);
        ulong lo = a * b;

        // Written as conditional increments, which the JIT turns into lea/cmp/cmov: one instruction
        // fewer per carry than hi += (lo < x ? 1 : 0) (cmp/setb/movzx/add), about 8% off a pairing.
        lo += x;
        if (lo < x)
        {
            hi++;
        }

        lo += y;
        if (lo < y)
        {
            hi++;
        }

        low = lo;
        return hi;
    }

    /// <summary>
    /// The carry word of m·p0 + t in a Montgomery reduction step, where m = t·(-p^-1) mod 2^64 makes the low
    /// word vanish: lo(m·p0) = -t mod 2^64, so the low addition carries exactly when t is not zero. Saves the
    /// low multiplication and its addition of a general <see cref="MultiplyAdd"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong ReductionCarry(ulong m, ulong p0, ulong t)
    {
        ulong hi = Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(m, p0) : Math.BigMul(m, p0, out _);
        if (t != 0)
        {
            hi++;
        }

        return hi;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong AddWithCarry(ulong a, ulong b, ref ulong carry)
    {
        ulong t = a + carry;
        ulong sum = t + b;

        // At most one of the two additions can wrap.
        carry = (t < carry ? 1UL : 0UL) | (sum < b ? 1UL : 0UL);
        return sum;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SubtractWithBorrow(ulong a, ulong b, ref ulong borrow)
    {
        ulong difference = a - b - borrow;

        // Borrow out of a - b - borrow (Warren, "Hacker's Delight", §2-16).
        borrow = ((~a & b) | (~(a ^ b) & difference)) >> 63;
        return difference;
    }
}

// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOs.Framework.Numerics;

public readonly partial struct UInt256
{
    /// <summary>(a + b) mod m over the exact 257-bit sum; 0 when m is 0 (EVM ADDMOD).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    public static unsafe void AddMod(in UInt256 a, in UInt256 b, in UInt256 m, out UInt256 result)
    {
        UInt256 modulus = m;
        if (IsZero(in modulus))
        {
            result = default;
            return;
        }

        UInt256 x = a;
        UInt256 y = b;
        ulong carry = AddWithCarry(in x, in y, out UInt256 sum);

        if (LessThan(in x, in modulus) && LessThan(in y, in modulus))
        {
            // Reduced operands (the usual case: field arithmetic) give a sum below 2m, so one
            // conditional subtraction replaces the division; with a carry, the wrapped difference
            // is the true 2^256 + sum - m.
            if (carry != 0 || !LessThan(in sum, in modulus))
            {
                Subtract(in sum, in modulus, out sum);
            }

            result = sum;
            return;
        }

        if (carry == 0)
        {
            DivRem(in sum, in modulus, out _, out result);
            return;
        }

        ulong* limbs = stackalloc ulong[5];
        limbs[0] = sum.U0;
        limbs[1] = sum.U1;
        limbs[2] = sum.U2;
        limbs[3] = sum.U3;
        limbs[4] = 1;
        RemainderOfLimbs(limbs, 5, in modulus, out result);
    }

    /// <summary>(a * b) mod m over the exact 512-bit product; 0 when m is 0 (EVM MULMOD).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    [SkipLocalsInit]
    public static unsafe void MulMod(in UInt256 a, in UInt256 b, in UInt256 m, out UInt256 result)
    {
        UInt256 modulus = m;
        if (IsZero(in modulus))
        {
            result = default;
            return;
        }

        ulong* p = stackalloc ulong[8];
        MultiplyFull(in a, in b, out p[0], out p[1], out p[2], out p[3], out p[4], out p[5], out p[6], out p[7]);

        if ((p[4] | p[5] | p[6] | p[7]) == 0)
        {
            UInt256 low = new(p[0], p[1], p[2], p[3]);
            DivRem(in low, in modulus, out _, out result);
            return;
        }

        RemainderOfLimbs(p, 8, in modulus, out result);
    }
}

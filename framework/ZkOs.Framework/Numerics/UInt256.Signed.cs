// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOs.Framework.Numerics;

// Signed operations read the same bits as two's complement values in [-2^255, 2^255).
public readonly partial struct UInt256
{
    /// <summary>
    /// EVM SDIV: the quotient truncated toward zero; 0 when b is 0, and -2^255 / -1 wraps to -2^255.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void SignedDivide(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        UInt256 x = a;
        UInt256 y = b;
        bool xNegative = IsNegative(in x);
        bool yNegative = IsNegative(in y);

        // The magnitude of -2^255 is 2^255 read unsigned, so no case needs special handling: the
        // unsigned quotient 2^255 of -2^255 / -1 is -2^255 again.
        if (xNegative)
        {
            Negate(in x, out x);
        }

        if (yNegative)
        {
            Negate(in y, out y);
        }

        DivRem(in x, in y, out UInt256 quotient, out _);
        if (xNegative != yNegative)
        {
            Negate(in quotient, out quotient);
        }

        result = quotient;
    }

    /// <summary>EVM SMOD: the remainder takes the sign of the dividend; 0 when b is 0.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void SignedModulo(in UInt256 a, in UInt256 b, out UInt256 result)
    {
        UInt256 x = a;
        UInt256 y = b;
        bool xNegative = IsNegative(in x);

        if (xNegative)
        {
            Negate(in x, out x);
        }

        if (IsNegative(in y))
        {
            Negate(in y, out y);
        }

        DivRem(in x, in y, out _, out UInt256 remainder);
        if (xNegative)
        {
            Negate(in remainder, out remainder);
        }

        result = remainder;
    }

    /// <summary>
    /// EVM SIGNEXTEND: treats x as a (byteIndex + 1)-byte two's complement number and extends its sign
    /// bit (bit 8 * byteIndex + 7) through bit 255; x is unchanged when byteIndex &gt;= 31.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SignExtend(in UInt256 byteIndex, in UInt256 x, out UInt256 result)
    {
        ulong x0 = x.U0, x1 = x.U1, x2 = x.U2, x3 = x.U3;
        if ((byteIndex.U1 | byteIndex.U2 | byteIndex.U3) != 0 || byteIndex.U0 >= 31)
        {
            // Limb by limb rather than `result = x`: a whole-struct copy becomes one 32-byte vector
            // move, which stalls when the stack slot was just written as four 8-byte stores.
            result = new UInt256(x0, x1, x2, x3);
            return;
        }

        int signBit = (int)byteIndex.U0 * 8 + 7;
        int bit = signBit & 63;

        // 2 << 63 is 0, so keep is all ones when the sign bit is a limb's top bit.
        ulong keep = (2UL << bit) - 1;
        switch (signBit >> 6)
        {
            case 0:
            {
                ulong fill = 0 - ((x0 >> bit) & 1);
                result = new UInt256((x0 & keep) | (fill & ~keep), fill, fill, fill);
                return;
            }

            case 1:
            {
                ulong fill = 0 - ((x1 >> bit) & 1);
                result = new UInt256(x0, (x1 & keep) | (fill & ~keep), fill, fill);
                return;
            }

            case 2:
            {
                ulong fill = 0 - ((x2 >> bit) & 1);
                result = new UInt256(x0, x1, (x2 & keep) | (fill & ~keep), fill);
                return;
            }

            default:
            {
                ulong fill = 0 - ((x3 >> bit) & 1);
                result = new UInt256(x0, x1, x2, (x3 & keep) | (fill & ~keep));
                return;
            }
        }
    }
}

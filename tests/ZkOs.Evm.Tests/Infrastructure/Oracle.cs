// SPDX-License-Identifier: MIT
using System.Numerics;

namespace ZkOs.Evm.Tests.Infrastructure;

/// <summary>
/// The Yellow Paper's definitions of the arithmetic, comparison and bitwise opcodes over
/// <see cref="BigInteger"/>. Arguments are named as the EVM pops them: <c>a</c> is the top of the stack,
/// <c>b</c> the word below it, <c>n</c> the third. Results are reduced modulo 2^256.
/// </summary>
public static class Oracle
{
    private static BigInteger W(BigInteger v) => Words.Wrap(v);

    private static BigInteger S(BigInteger v) => Words.ToSigned(v);

    private static BigInteger Bool(bool value) => value ? BigInteger.One : BigInteger.Zero;

    public static BigInteger Add(BigInteger a, BigInteger b) => W(a + b);

    public static BigInteger Mul(BigInteger a, BigInteger b) => W(a * b);

    public static BigInteger Sub(BigInteger a, BigInteger b) => W(a - b);

    public static BigInteger Div(BigInteger a, BigInteger b) => b.IsZero ? 0 : a / b;

    /// <summary>Truncates toward zero (BigInteger division does); -2^255 / -1 wraps back to -2^255.</summary>
    public static BigInteger SDiv(BigInteger a, BigInteger b) => b.IsZero ? 0 : W(S(a) / S(b));

    public static BigInteger Mod(BigInteger a, BigInteger b) => b.IsZero ? 0 : a % b;

    /// <summary>The remainder takes the dividend's sign (BigInteger's % does).</summary>
    public static BigInteger SMod(BigInteger a, BigInteger b) => b.IsZero ? 0 : W(S(a) % S(b));

    public static BigInteger AddMod(BigInteger a, BigInteger b, BigInteger n) => n.IsZero ? 0 : (a + b) % n;

    public static BigInteger MulMod(BigInteger a, BigInteger b, BigInteger n) => n.IsZero ? 0 : a * b % n;

    public static BigInteger Exp(BigInteger a, BigInteger b) => BigInteger.ModPow(a, b, Words.Modulus);

    /// <summary>a is the byte index (from the least significant), b the value.</summary>
    public static BigInteger SignExtend(BigInteger a, BigInteger b)
    {
        if (a >= 31)
        {
            return b;
        }
        var bit = (int)a * 8 + 7;
        var low = (BigInteger.One << (bit + 1)) - 1;
        return (b >> bit).IsEven ? b & low : W(b | ~low);
    }

    public static BigInteger Lt(BigInteger a, BigInteger b) => Bool(a < b);

    public static BigInteger Gt(BigInteger a, BigInteger b) => Bool(a > b);

    public static BigInteger SLt(BigInteger a, BigInteger b) => Bool(S(a) < S(b));

    public static BigInteger SGt(BigInteger a, BigInteger b) => Bool(S(a) > S(b));

    public static BigInteger Eq(BigInteger a, BigInteger b) => Bool(a == b);

    public static BigInteger IsZero(BigInteger a) => Bool(a.IsZero);

    public static BigInteger And(BigInteger a, BigInteger b) => a & b;

    public static BigInteger Or(BigInteger a, BigInteger b) => a | b;

    public static BigInteger Xor(BigInteger a, BigInteger b) => a ^ b;

    public static BigInteger Not(BigInteger a) => Words.Modulus - 1 - a;

    /// <summary>a is the index (0 = most significant byte), b the value.</summary>
    public static BigInteger Byte(BigInteger a, BigInteger b) => a >= 32 ? 0 : (b >> (8 * (31 - (int)a))) & 0xFF;

    /// <summary>a is the shift, b the value.</summary>
    public static BigInteger Shl(BigInteger a, BigInteger b) => a >= 256 ? 0 : W(b << (int)a);

    public static BigInteger Shr(BigInteger a, BigInteger b) => a >= 256 ? 0 : b >> (int)a;

    /// <summary>BigInteger's &gt;&gt; rounds toward negative infinity, which is the arithmetic shift.</summary>
    public static BigInteger Sar(BigInteger a, BigInteger b) => W(S(b) >> (int)BigInteger.Min(a, 256));
}

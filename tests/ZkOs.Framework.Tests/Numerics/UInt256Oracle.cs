// SPDX-License-Identifier: MIT
using System.Globalization;
using System.Numerics;
using ZkOs.Framework.Numerics;

namespace ZkOs.Framework.Tests.Numerics;

/// <summary>
/// BigInteger models of the 256-bit values, built from the limbs directly so that the oracle does not
/// depend on the conversions under test.
/// </summary>
internal static class UInt256Oracle
{
    public static BigInteger Modulus { get; } = BigInteger.One << 256;

    public static BigInteger HalfModulus { get; } = BigInteger.One << 255;

    public static BigInteger ToBig(UInt256 value) =>
        new BigInteger(value.U0)
        + (new BigInteger(value.U1) << 64)
        + (new BigInteger(value.U2) << 128)
        + (new BigInteger(value.U3) << 192);

    /// <summary>The value reduced modulo 2^256 (two's complement for negatives).</summary>
    public static UInt256 FromBig(BigInteger value)
    {
        BigInteger reduced = BigInteger.Remainder(value, Modulus);
        if (reduced.Sign < 0)
        {
            reduced += Modulus;
        }

        BigInteger mask = ulong.MaxValue;
        return new UInt256(
            (ulong)(reduced & mask),
            (ulong)((reduced >> 64) & mask),
            (ulong)((reduced >> 128) & mask),
            (ulong)((reduced >> 192) & mask));
    }

    /// <summary>The two's complement reading of the value, in [-2^255, 2^255).</summary>
    public static BigInteger ToSigned(UInt256 value)
    {
        BigInteger unsigned = ToBig(value);
        return unsigned >= HalfModulus ? unsigned - Modulus : unsigned;
    }

    /// <summary>A test literal: "0x" hex or decimal, optionally with a leading '-' (reduced mod 2^256).</summary>
    public static UInt256 Literal(string text) => FromBig(ParseBig(text));

    public static BigInteger ParseBig(string text)
    {
        bool negative = text.StartsWith('-');
        string body = negative ? text[1..] : text;
        BigInteger magnitude = body.StartsWith("0x", StringComparison.Ordinal)
            ? BigInteger.Parse("0" + body[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : BigInteger.Parse(body, CultureInfo.InvariantCulture);
        return negative ? -magnitude : magnitude;
    }
}

// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Tests.Infrastructure;

/// <summary>
/// The test oracle's view of EVM words: <see cref="BigInteger"/> values reduced modulo 2^256, and their
/// two's complement reading, independent of <see cref="UInt256"/>'s own arithmetic.
/// </summary>
public static class Words
{
    public static readonly BigInteger Modulus = BigInteger.One << 256;

    public static readonly BigInteger SignBit = BigInteger.One << 255;

    public static BigInteger ToBig(UInt256 value) =>
        new BigInteger(value.U0) | (new BigInteger(value.U1) << 64) | (new BigInteger(value.U2) << 128) | (new BigInteger(value.U3) << 192);

    /// <summary>The value modulo 2^256 (negative values wrap, as two's complement).</summary>
    public static UInt256 FromBig(BigInteger value)
    {
        var v = Wrap(value);
        var mask = (BigInteger)ulong.MaxValue;
        return new UInt256((ulong)(v & mask), (ulong)((v >> 64) & mask), (ulong)((v >> 128) & mask), (ulong)((v >> 192) & mask));
    }

    public static BigInteger Wrap(BigInteger value)
    {
        var v = value % Modulus;
        return v.Sign < 0 ? v + Modulus : v;
    }

    public static BigInteger ToSigned(BigInteger value) => value >= SignBit ? value - Modulus : value;

    public static UInt256 Parse(string hex) => FromBig(BigInteger.Parse("0" + hex.Replace("0x", "", StringComparison.Ordinal), System.Globalization.NumberStyles.HexNumber));
}

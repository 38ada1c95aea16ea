// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOs.Framework.Numerics;
using static ZkOs.Framework.Tests.Numerics.UInt256Oracle;

namespace ZkOs.Framework.Tests.Numerics;

/// <summary>
/// Boundaries the generators reach rarely or never: EVM special cases, and division operands that drive
/// Knuth's algorithm D into its clamp (top limbs equal) and add-back (estimate one too big, about 2^-63
/// likely on random data) corrections. Literals are hex or decimal, with '-' meaning two's complement.
/// </summary>
public class UInt256EdgeCaseTests
{
    private const string _max = "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";
    private const string _minSigned = "0x8000000000000000000000000000000000000000000000000000000000000000";
    private const string _maxSigned = "0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";

    [Fact]
    public void Constants_Always_HaveTheirValues()
    {
        Assert.Equal(BigInteger.Zero, ToBig(UInt256.Zero));
        Assert.Equal(BigInteger.One, ToBig(UInt256.One));
        Assert.Equal(Modulus - 1, ToBig(UInt256.MaxValue));
        Assert.Equal(default, UInt256.Zero);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("1", "0")]
    [InlineData(_max, "0")]
    [InlineData(_minSigned, "0")]
    // Rare corrections, found by instrumenting the division on limbs from {0, 1, 2^63, 2^64 - 1, ...}:
    // 3-by-2 estimate one too big (add back, D6), one too small, top limbs equal to the divisor's,
    // and each branch of the reciprocal's adjustment.
    [InlineData("0x8050de2fe5b94fae0aef6794c06e7450a21901913c2ee6a9fffffffffffffffe", "0x1000000001a5e1ca504711db4")]
    [InlineData("0x80000000000000000000000000000001641fa5737f18b6400000000000000001", "0x80000000000000000000000000000001be47bf09d9abed29")]
    [InlineData("0x8000000000000001800000000000000000000001000000008000000000000001", "0x800000000000000180000000000000008000000000000001")]
    [InlineData("0x80000000000000007fffffffffffffff00000000000000000000000000000002", "0x800000000000000100000000000000000000000100000000")]
    [InlineData("0xfffffffffffffffe00000000000000007fffffffffffffff7fffffffffffffff", "0x7fffffffffffffff00000000000000007fffffffffffffff00000000ffffffff")]
    [InlineData("0xffffffff7fffffffffffffff00000000000000008000000000000001", "0xfffffffffffffffffffffffeffffffffffffffff")]
    [InlineData("0x87340e25dbf00509000000000000000100000000ffffffffffffffffffffffff", "0x100000000ffffffffffffffffffffffff01056193f83e4953")]
    [InlineData("0x73b3f0a812a0f808c044bb0a274b288c171d2c7be2665a078000000000000000", "0x25b75bfa3e0c03b87fffffffffffffffffffffffffffffff4ac289b9624f3d15")]
    // The same for a plain Knuth estimate (kept: they are hard cases for any long division).
    [InlineData("0x80000000000000007fffffffffffffff00000000000000000000000000000002", "0x10000000000000000ffffffffffffffffffffffff")]
    [InlineData("0xfffffffffffffffe00000000000000010000000100000000fffffffffffffffe", "0x7fffffffffffffff0000000000000000fffffffffffffffe8000000000000000")]
    [InlineData("0xfffffffffffffffe7fffffffffffffff00000000ffffffff0000000000000002", "0x2000000000000000100000000000000017fffffffffffffff")]
    [InlineData("0xffffffff000000000000000000000000000000010000000000000002", "0x2800000000000000000000000000000007fffffffffffffff")]
    [InlineData("0x8000000000000001800000000000000100000000000000010000000000000002", "0x800000000000000180000000000000010000000000000002")]
    // Clamp cases: the top dividend limb equals the top divisor limb.
    [InlineData("0x1000000007fffffffffffffff0000000100000000fffffffffffffffe", "0x1000000007fffffffffffffffffffffffffffffff")]
    [InlineData("0x100000000000000000000000180000000000000018000000000000001", "0x1000000000000000100000000ffffffffffffffff")]
    // One-limb, two-limb (128-bit path), three- and four-limb divisors around the limb boundaries.
    [InlineData(_max, "1")]
    [InlineData(_max, "0xffffffffffffffff")]
    [InlineData(_max, "0x10000000000000000")]
    [InlineData(_max, "0x1000000000000000000000000000000000000000000000000")]
    [InlineData(_max, _max)]
    [InlineData(_max, "0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe")]
    [InlineData("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe", _max)]
    // Both below 2^128: a single Knuth step whose estimate is lowered once, or stops when rhat overflows.
    [InlineData("0x2bfb8e67a1569ac0000000000000000", "0x20000000000000002")]
    [InlineData("0x8000000000000001ee530f0618d8d166", "0x1017b061c59550f0f")]
    [InlineData("0xe7d657d007a586b5773fc50cd629c858", "0x1a20eabf0379f99d7")]
    [InlineData("0xcd35343fd5059c1b3d132d26300e2475", "0x1ffffffffffffffff")]
    [InlineData("0xffffffffffffffffffffffffffffffff", "0x10000000000000001")]
    [InlineData("0xffffffffffffffffffffffffffffffff", "0xffffffffffffffffffffffffffffffff")]
    [InlineData("0x80000000000000000000000000000000", "0x7fffffffffffffffffffffffffffffff")]
    [InlineData("0x1ffffffffffffffff", "0x1ffffffffffffffff")]
    [InlineData("12345678901234567890", "0x100000000000000000000000000000000")]
    [InlineData(_minSigned, "0x8000000000000000000000000000000000000000000000000000000000000001")]
    public void DivRem_HardOperands_MatchesBigIntegerModel(string dividend, string divisor)
    {
        UInt256 a = Literal(dividend), b = Literal(divisor);
        BigInteger x = ToBig(a), y = ToBig(b);

        UInt256.DivRem(in a, in b, out UInt256 quotient, out UInt256 remainder);
        UInt256.Divide(in a, in b, out UInt256 divided);
        UInt256.Modulo(in a, in b, out UInt256 reduced);

        Assert.Equal(FromBig(y.IsZero ? 0 : x / y), quotient);
        Assert.Equal(FromBig(y.IsZero ? 0 : x % y), remainder);
        Assert.Equal(quotient, divided);
        Assert.Equal(remainder, reduced);
    }

    [Theory]
    [InlineData("1", "1", "0")]
    [InlineData(_max, _max, "0")]
    [InlineData(_max, _max, "1")]
    [InlineData(_max, _max, _max)]
    [InlineData(_max, _max, "0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe")]
    [InlineData(_max, _max, "12345")]
    [InlineData(_max, "1", "0x100000000000000000000000000000001")]
    [InlineData(_minSigned, _minSigned, "3")]
    [InlineData(_minSigned, _minSigned, "0x1000000000000000000000000000000000000000000000001")]
    // Rare corrections of the long division of the 512-bit product or 257-bit sum (see DivRem above).
    [InlineData("0xffffffff75c4d5d2c6bd7fa81a805a0010a653dd0000000100000000", "0x8b830aa1c393b26bca966bd449274f2873612f5d44442db6", "0x4345517eaa3dc4a6a1443875f4855e0e")]
    [InlineData("0xfffffffffffffffffffffffffffffffe8000000000000001fffffffffffffffe", "0x7ffffffffffffffffffffffffffffffe", "0xffffffffffffffffffffffffffffffff505a1491de320b0f")]
    [InlineData("0x8000000000000000fffffffffffffffe8000000000000001d234e2a5ed270698", "0xffffffffffffffff0000000000000000", "0x80000000000000018000000000000001735f0544d758d776")]
    [InlineData("0x7fffffffffffffffffffffffffffffff80000000000000010000000000000000", "0xfffffffffffffffffffffffffffffffe80000000000000017fffffffffffffff", "0x7ffffffffffffffffffffffffffffffefffffffffffffffeffffffffffffffff")]
    [InlineData("0xffffffff00000000ffffffff00000000ffffffff0000000000000000", "0x800000000000000100000001000000000000000000000000ffffffffffffffff", "0x8000000000000000000000000000000080000000000000007fffffffffffffff")]
    [InlineData("0x1fdefffd2434357c49c48bdd9549637d133c3338c2cc7299c", "0x1800000000000000100000000000000000000000000000002", "0x2dfc82e7a2bcd93efffffffffffffffecc718d43e80036760000000000000001")]
    [InlineData("0x7fffffffffffffff800000000000000100000000ffffffff00000000ffffffff", "0xfffffffffffffffffffffffffffffffe00000000000000020000000000000001", "0x17fffffffffffffff7fffffffffffffff7fffffffffffffff")]
    [InlineData("0x7fffffffffffffff000000000000000100000000000000008000000000000001", "0x800000000000000100000000ffffffff00000000000000020000000100000000", "0x1000000010000000000000000000000018000000000000000")]
    [InlineData("0x7ffffffffffffffffffffffffffffffe80000000000000000000000000000002", "0xfffffffffffffffeffffffffffffffff00000000000000018000000000000000", "0x8000000000000001000000000000000100000001000000007fffffffffffffff")]
    [InlineData("0x28000000000000000000000000000000200000000ffffffff", "0x7fffffffffffffff00000000000000027fffffffffffffff8000000000000000", "0x7fffffffffffffff0000000000000002ffffffffffffffff0000000000000000")]
    [InlineData("0x7fffffffffffffff80000000000000010000000000000002", "0x20000000000000002fffffffffffffffffffffffffffffffe", "0x20000000000000001000000000000000100000000ffffffff")]
    public void AddModAndMulMod_HardOperands_MatchBigIntegerModel(string first, string second, string modulus)
    {
        UInt256 a = Literal(first), b = Literal(second), m = Literal(modulus);
        BigInteger x = ToBig(a), y = ToBig(b), n = ToBig(m);

        UInt256.AddMod(in a, in b, in m, out UInt256 sum);
        UInt256.MulMod(in a, in b, in m, out UInt256 product);

        Assert.Equal(FromBig(n.IsZero ? 0 : (x + y) % n), sum);
        Assert.Equal(FromBig(n.IsZero ? 0 : x * y % n), product);
    }

    [Theory]
    [InlineData(_minSigned, "-1", _minSigned)]
    [InlineData(_minSigned, "1", _minSigned)]
    [InlineData(_maxSigned, "-1", "0x8000000000000000000000000000000000000000000000000000000000000001")]
    [InlineData("-7", "2", "-3")]
    [InlineData("7", "-2", "-3")]
    [InlineData("-7", "-2", "3")]
    [InlineData("7", "0", "0")]
    [InlineData("-7", "0", "0")]
    [InlineData("0", "-1", "0")]
    public void SignedDivide_EvmCases_TruncatesTowardZero(string dividend, string divisor, string expected)
    {
        UInt256 a = Literal(dividend), b = Literal(divisor);
        UInt256.SignedDivide(in a, in b, out UInt256 result);
        Assert.Equal(Literal(expected), result);
    }

    [Theory]
    [InlineData("-7", "3", "-1")]
    [InlineData("7", "-3", "1")]
    [InlineData("-7", "-3", "-1")]
    [InlineData(_minSigned, "-1", "0")]
    [InlineData(_minSigned, "3", "-2")]
    [InlineData("7", "0", "0")]
    [InlineData("-7", "0", "0")]
    public void SignedModulo_EvmCases_TakesTheDividendsSign(string dividend, string divisor, string expected)
    {
        UInt256 a = Literal(dividend), b = Literal(divisor);
        UInt256.SignedModulo(in a, in b, out UInt256 result);
        Assert.Equal(Literal(expected), result);
    }

    [Theory]
    [InlineData("0", "0xff", "-1")]
    [InlineData("0", "0x7f", "0x7f")]
    [InlineData("0", "0x17f", "0x7f")]
    [InlineData("1", "0x8000", "-0x8000")]
    [InlineData("7", "0x8000000000000000", "-0x8000000000000000")]
    [InlineData("7", "0x18000000000000000", "-0x8000000000000000")]
    [InlineData("7", "0x17fffffffffffffff", "0x7fffffffffffffff")]
    [InlineData("8", "0x800000000000000000", "-0x800000000000000000")]
    [InlineData("30", "0x0080000000000000000000000000000000000000000000000000000000000000", "0xff80000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("30", "0xff7f000000000000000000000000000000000000000000000000000000000000", "0x007f000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("31", "0xff7f000000000000000000000000000000000000000000000000000000000000", "0xff7f000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("32", "0xff", "0xff")]
    [InlineData("0x10000000000000000", "0xff", "0xff")]
    [InlineData(_max, "0x80", "0x80")]
    public void SignExtend_Boundaries_ExtendsTheSelectedSignBit(string byteIndex, string value, string expected)
    {
        UInt256 index = Literal(byteIndex), x = Literal(value);
        UInt256.SignExtend(in index, in x, out UInt256 result);
        Assert.Equal(Literal(expected), result);
    }

    [Theory]
    [InlineData("0", "0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", "0x01")]
    [InlineData("7", "0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", "0x08")]
    [InlineData("8", "0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", "0x09")]
    [InlineData("31", "0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", "0x20")]
    [InlineData("32", _max, "0")]
    [InlineData("255", _max, "0")]
    [InlineData("0x10000000000000000", _max, "0")]
    [InlineData(_max, _max, "0")]
    public void Byte_Boundaries_CountsFromTheMostSignificantByte(string byteIndex, string value, string expected)
    {
        UInt256 index = Literal(byteIndex), x = Literal(value);
        UInt256.Byte(in index, in x, out UInt256 result);
        Assert.Equal(Literal(expected), result);
    }

    [Theory]
    [InlineData("1", "0", "1", "1", "1")]
    [InlineData("1", "1", "2", "0", "0")]
    [InlineData("1", "63", "0x8000000000000000", "0", "0")]
    [InlineData("1", "64", "0x10000000000000000", "0", "0")]
    [InlineData("1", "255", _minSigned, "0", "0")]
    [InlineData("1", "256", "0", "0", "0")]
    [InlineData(_max, "0", _max, _max, _max)]
    [InlineData(_max, "1", "0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe", _maxSigned, _max)]
    [InlineData(_max, "255", _minSigned, "1", _max)]
    [InlineData(_max, "256", "0", "0", _max)]
    [InlineData(_minSigned, "64", "0", "0x800000000000000000000000000000000000000000000000", "0xffffffffffffffff800000000000000000000000000000000000000000000000")]
    [InlineData(_minSigned, "255", "0", "1", _max)]
    [InlineData(_minSigned, "256", "0", "0", _max)]
    [InlineData(_maxSigned, "256", "0", "0", "0")]
    [InlineData(_maxSigned, "254", "0xc000000000000000000000000000000000000000000000000000000000000000", "1", "1")]
    [InlineData(_minSigned, "0x10000000000000000", "0", "0", _max)]
    [InlineData(_maxSigned, _max, "0", "0", "0")]
    public void Shifts_Boundaries_FollowEvmSemantics(string value, string shift, string left, string right, string arithmetic)
    {
        UInt256 x = Literal(value), s = Literal(shift);
        UInt256.ShiftLeft(in x, in s, out UInt256 shiftedLeft);
        UInt256.ShiftRight(in x, in s, out UInt256 shiftedRight);
        UInt256.ShiftRightArithmetic(in x, in s, out UInt256 shiftedArithmetic);
        Assert.Equal(Literal(left), shiftedLeft);
        Assert.Equal(Literal(right), shiftedRight);
        Assert.Equal(Literal(arithmetic), shiftedArithmetic);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(256)]
    [InlineData(int.MaxValue)]
    public void IntShifts_OutOfRange_ShiftEverythingOut(int shift)
    {
        UInt256 x = UInt256.MaxValue;
        UInt256 negative = Literal(_minSigned);
        UInt256 positive = Literal(_maxSigned);
        UInt256.ShiftRightArithmetic(in negative, shift, out UInt256 negativeShifted);
        UInt256.ShiftRightArithmetic(in positive, shift, out UInt256 positiveShifted);

        Assert.Equal(UInt256.Zero, x << shift);
        Assert.Equal(UInt256.Zero, x >> shift);
        Assert.Equal(UInt256.MaxValue, negativeShifted);
        Assert.Equal(UInt256.Zero, positiveShifted);
    }

    [Theory]
    [InlineData("0", "0", "1")]
    [InlineData("0", "1", "0")]
    [InlineData("0", _max, "0")]
    [InlineData("1", _max, "1")]
    [InlineData("2", "255", _minSigned)]
    [InlineData("2", "256", "0")]
    [InlineData("2", _max, "0")]
    [InlineData("4", "127", "0x4000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("4", "128", "0")]
    [InlineData("0x100000000000000000000000000000000", "2", "0")]
    [InlineData(_max, "2", "1")]
    [InlineData(_max, "3", _max)]
    [InlineData("3", _max, "")]
    [InlineData("0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffd", _max, "")]
    [InlineData("10", "77", "")]
    [InlineData("10", "78", "")]
    public void Exp_Boundaries_MatchesModularPower(string baseValue, string exponent, string expected)
    {
        UInt256 b = Literal(baseValue), e = Literal(exponent);
        UInt256.Exp(in b, in e, out UInt256 result);
        UInt256 model = FromBig(BigInteger.ModPow(ToBig(b), ToBig(e), Modulus));
        Assert.Equal(model, result);
        if (expected.Length > 0)
        {
            Assert.Equal(Literal(expected), result);
        }
    }

    [Theory]
    [InlineData("0", 0, 0, 256)]
    [InlineData("1", 1, 1, 255)]
    [InlineData("0xff", 8, 1, 248)]
    [InlineData("0x100", 9, 2, 247)]
    [InlineData("0xffffffffffffffff", 64, 8, 192)]
    [InlineData("0x10000000000000000", 65, 9, 191)]
    [InlineData(_maxSigned, 255, 32, 1)]
    [InlineData(_minSigned, 256, 32, 0)]
    [InlineData(_max, 256, 32, 0)]
    public void Lengths_Boundaries_CountSignificantBitsAndBytes(string value, int bits, int bytes, int leadingZeros)
    {
        UInt256 x = Literal(value);
        Assert.Equal(bits, UInt256.BitLength(in x));
        Assert.Equal(bytes, UInt256.ByteLength(in x));
        Assert.Equal(leadingZeros, UInt256.LeadingZeroCount(in x));
    }

    [Theory]
    [InlineData(_minSigned, _maxSigned, true, false)]
    [InlineData("-1", "0", true, false)]
    [InlineData("-1", "1", true, false)]
    [InlineData("0", "-1", false, true)]
    [InlineData(_maxSigned, _minSigned, false, true)]
    [InlineData("-2", "-1", true, false)]
    [InlineData("5", "5", false, false)]
    public void SignedComparisons_SignBoundary_OrderAsTwosComplement(string first, string second, bool less, bool greater)
    {
        UInt256 a = Literal(first), b = Literal(second);
        Assert.Equal(less, UInt256.SignedLessThan(in a, in b));
        Assert.Equal(greater, UInt256.SignedGreaterThan(in a, in b));
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("1", _max)]
    [InlineData(_minSigned, _minSigned)]
    [InlineData(_max, "1")]
    public void Negate_Boundaries_IsTwosComplement(string value, string expected)
    {
        UInt256 x = Literal(value);
        UInt256.Negate(in x, out UInt256 result);
        Assert.Equal(Literal(expected), result);
        Assert.Equal(Literal(expected), -x);
    }

    [Theory]
    [InlineData("-1", _max)]
    [InlineData("-0x10000000000000000000000000000000000000000000000000000000000000000", "0")]
    [InlineData("-0x10000000000000000000000000000000000000000000000000000000000000001", _max)]
    [InlineData("0x10000000000000000000000000000000000000000000000000000000000000000", "0")]
    [InlineData("0x1000000000000000000000000000000000000000000000000000000000000000000000000000000000000005", "5")]
    [InlineData(_max, _max)]
    [InlineData("-0x8000000000000000000000000000000000000000000000000000000000000000", _minSigned)]
    public void FromBigInteger_OutOfRange_ReducesModulo2To256(string value, string expected)
    {
        Assert.Equal(Literal(expected), UInt256.FromBigInteger(ParseBig(value)));
    }

    [Fact]
    public void ReadBigEndian_ShortSource_IsTheLowOrderBytes()
    {
        Assert.Equal(new UInt256(0x0102), UInt256.ReadBigEndian([0x01, 0x02]));
        Assert.Equal(UInt256.Zero, UInt256.ReadBigEndian([]));
        Assert.Equal(new UInt256(0x0201), UInt256.ReadLittleEndian([0x01, 0x02]));
    }

    [Theory]
    [InlineData(33)]
    [InlineData(64)]
    public void ReadBigEndian_SourceLongerThan32Bytes_Throws(int length)
    {
        byte[] source = new byte[length];
        Assert.Throws<ArgumentException>(() => UInt256.ReadBigEndian(source));
        Assert.Throws<ArgumentException>(() => UInt256.ReadLittleEndian(source));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void WriteBigEndian_DestinationShorterThan32Bytes_Throws(int length)
    {
        byte[] destination = new byte[length];
        Assert.Throws<ArgumentException>(() => UInt256.MaxValue.WriteBigEndian(destination));
        Assert.Throws<ArgumentException>(() => UInt256.MaxValue.WriteLittleEndian(destination));
    }

    [Fact]
    public void ImplicitConversions_FromSmallerIntegers_KeepTheValue()
    {
        UInt256 fromUlong = ulong.MaxValue;
        UInt256 fromUint = uint.MaxValue;
        UInt256 fromUInt128 = UInt128.MaxValue;
        Assert.Equal(new UInt256(ulong.MaxValue), fromUlong);
        Assert.Equal(new UInt256(uint.MaxValue), fromUint);
        Assert.Equal(new UInt256(ulong.MaxValue, ulong.MaxValue), fromUInt128);
    }

    [Fact]
    public void CompareTo_NonGenericWithOtherType_Throws()
    {
        IComparable value = UInt256.One;
        Assert.Equal(1, value.CompareTo(null));
        Assert.Equal(0, value.CompareTo(UInt256.One));
        Assert.Throws<ArgumentException>(() => value.CompareTo(1));
    }
}

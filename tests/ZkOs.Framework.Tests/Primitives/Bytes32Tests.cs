// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Tests.Primitives;

public class Bytes32Tests
{
    private const string Sequential = "0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

    [Fact]
    public void Parse_SixtyFourDigits_RoundTripsThroughToString()
    {
        Assert.Equal(Sequential, Bytes32.Parse(Sequential).ToString());
        Assert.Equal(Sequential, Bytes32.Parse(Sequential[2..].ToUpperInvariant()).ToString());
    }

    [Theory]
    [InlineData("0x00", "expected 64 hex digits for a 32-byte value, got 2", 4)]
    [InlineData(Sequential + "00", "expected 64 hex digits for a 32-byte value, got 66", 66)]
    [InlineData("0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1-", "invalid hex digit '-' at index 65", 65)]
    public void Parse_BadText_ThrowsWithMessageAndPosition(string text, string message, int position)
    {
        var ex = Assert.Throws<HexFormatException>(() => Bytes32.Parse(text));
        Assert.Equal(message, ex.Message);
        Assert.Equal(position, ex.Position);
        Assert.False(Bytes32.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_ValidText_ReturnsValue()
    {
        Assert.True(Bytes32.TryParse(Sequential, out var value));
        Assert.Equal(Bytes32.Parse(Sequential), value);
    }

    [Fact]
    public void Constructor_WrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => new Bytes32(new byte[31]));

    [Fact]
    public void ToUInt256_SequentialBytes_IsBigEndian()
    {
        var value = Bytes32.Parse(Sequential).ToUInt256();
        Assert.Equal(0x18191A1B1C1D1E1FUL, value.U0);
        Assert.Equal(0x1011121314151617UL, value.U1);
        Assert.Equal(0x08090A0B0C0D0E0FUL, value.U2);
        Assert.Equal(0x0001020304050607UL, value.U3);
        Assert.Equal(Bytes32.Parse(Sequential), Bytes32.FromUInt256(value));
    }

    [Fact]
    public void FromUInt256_One_HasLastByteSet() =>
        Assert.Equal("0x" + new string('0', 62) + "01", Bytes32.FromUInt256(new UInt256(1)).ToString());

    [Fact]
    public void WriteTo_Bytes_RoundTripsThroughConstructor()
    {
        var bytes = Hex.Decode(Sequential);
        var written = new byte[40];
        new Bytes32(bytes).WriteTo(written);
        Assert.Equal(bytes, written[..32]);
        Assert.Equal(bytes, new Bytes32(bytes).ToArray());
        Assert.Throws<ArgumentException>(() => new Bytes32(bytes).WriteTo(new byte[31]));
    }

    [Fact]
    public void CompareAndEquality_RandomValues_MatchBytes()
    {
        var random = new Random(5);
        for (int i = 0; i < 500; i++)
        {
            var a = new byte[32];
            var b = new byte[32];
            random.NextBytes(a);
            random.NextBytes(b);
            a.AsSpan(0, random.Next(33)).CopyTo(b);
            int expected = Math.Sign(a.AsSpan().SequenceCompareTo(b));
            Assert.Equal(expected, Math.Sign(new Bytes32(a).CompareTo(new Bytes32(b))));
            Assert.Equal(expected == 0, new Bytes32(a) == new Bytes32(b));
            Assert.Equal(expected != 0, new Bytes32(a) != new Bytes32(b));
        }
        Assert.True(Bytes32.Zero.IsZero);
        Assert.Equal(Bytes32.Parse(Sequential).GetHashCode(), new Bytes32(Hex.Decode(Sequential)).GetHashCode());
    }
}

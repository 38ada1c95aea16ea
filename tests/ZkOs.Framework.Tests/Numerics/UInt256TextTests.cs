// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using static ZkOs.Framework.Tests.Numerics.UInt256Oracle;

namespace ZkOs.Framework.Tests.Numerics;

public class UInt256TextTests
{
    private const string _maxDecimal = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
    private const string _maxHex = "0xffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff";

    [Theory]
    [InlineData("0", "0", "0x0")]
    [InlineData("1", "1", "0x1")]
    [InlineData("0xf", "15", "0xf")]
    [InlineData("0xffffffffffffffff", "18446744073709551615", "0xffffffffffffffff")]
    [InlineData("0x10000000000000000", "18446744073709551616", "0x10000000000000000")]
    [InlineData("0x8ac7230489e80000", "10000000000000000000", "0x8ac7230489e80000")]
    [InlineData("0x8000000000000000000000000000000000000000000000000000000000000000", "57896044618658097711785492504343953926634992332820282019728792003956564819968", "0x8000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(_maxHex, _maxDecimal, _maxHex)]
    public void Formatting_KnownValues_ProducesDecimalAndHex(string literal, string expectedDecimal, string expectedHex)
    {
        UInt256 value = Literal(literal);

        Assert.Equal(expectedDecimal, value.ToString());
        Assert.Equal(expectedDecimal, value.ToString("D"));
        Assert.Equal(expectedDecimal, $"{value}");
        Assert.Equal(expectedHex, value.ToHexString());
        Assert.Equal(expectedHex[2..], value.ToString("x"));
        Assert.Equal(expectedHex[2..].ToUpperInvariant(), value.ToString("X"));
        Assert.Equal(value, UInt256.Parse(expectedDecimal));
        Assert.Equal(value, UInt256.Parse(expectedHex));
        Assert.Equal(value, UInt256.Parse(expectedHex.ToUpperInvariant()));
    }

    [Theory]
    [InlineData("007", "7")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000000000000000000000000001", "1")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000001", "1")]
    [InlineData("0XaBcDeF", "0xabcdef")]
    [InlineData("0x0", "0")]
    public void Parse_LeadingZerosAndMixedCase_AreAccepted(string text, string expected)
    {
        Assert.Equal(Literal(expected), UInt256.Parse(text));
        Assert.True(UInt256.TryParse(text, out UInt256 parsed));
        Assert.Equal(Literal(expected), parsed);
        Assert.True(UInt256.TryParse(text.AsSpan(), null, out parsed));
        Assert.Equal(Literal(expected), parsed);
    }

    [Theory]
    [InlineData("", "empty string")]
    [InlineData("0x", "no hexadecimal digits follow the '0x' prefix")]
    [InlineData("0X", "no hexadecimal digits follow the '0X' prefix")]
    [InlineData("12a4", "character 'a' (U+0061) at position 2 is not a decimal digit")]
    [InlineData("-1", "character '-' (U+002D) at position 0 is not a decimal digit")]
    [InlineData("+1", "character '+' (U+002B) at position 0 is not a decimal digit")]
    [InlineData(" 1", "character U+0020 at position 0 is not a decimal digit")]
    [InlineData("1 ", "character U+0020 at position 1 is not a decimal digit")]
    [InlineData("1_000", "character '_' (U+005F) at position 1 is not a decimal digit")]
    [InlineData("0x12g4", "character 'g' (U+0067) at position 4 is not a hexadecimal digit")]
    [InlineData("0x 1", "character U+0020 at position 2 is not a hexadecimal digit")]
    [InlineData("0x0x1", "character 'x' (U+0078) at position 3 is not a hexadecimal digit")]
    [InlineData("x12", "character 'x' (U+0078) at position 0 is not a decimal digit")]
    [InlineData("0x10000000000000000000000000000000000000000000000000000000000000000", "65 hexadecimal digits overflow 256 bits")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639936", "overflows 2^256 - 1 at the digit at position 77")]
    [InlineData("1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000", "overflows 2^256 - 1 at the digit at position 78")]
    [InlineData("00000000000000000000000000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000000000000000000000", "overflows 2^256 - 1 at the digit at position 160")]
    public void Parse_InvalidText_ThrowsFormatExceptionSayingWhy(string text, string expectedMessagePart)
    {
        FormatException exception = Assert.Throws<FormatException>(() => UInt256.Parse(text));
        Assert.Contains(expectedMessagePart, exception.Message, StringComparison.Ordinal);
        Assert.False(UInt256.TryParse(text, out UInt256 parsed));
        Assert.Equal(UInt256.Zero, parsed);
        Assert.False(UInt256.TryParse(text.AsSpan(), out _));
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => UInt256.Parse(null!));
        Assert.False(UInt256.TryParse((string?)null, out _));
    }

    [Theory]
    [InlineData("N")]
    [InlineData("x2")]
    [InlineData("0x")]
    public void ToString_UnsupportedFormat_ThrowsFormatException(string format)
    {
        Assert.Throws<FormatException>(() => UInt256.One.ToString(format));
    }

    [Theory]
    [InlineData("", 77, false)]
    [InlineData("", 78, true)]
    [InlineData("x", 63, false)]
    [InlineData("x", 64, true)]
    public void TryFormat_DestinationSize_SucceedsOnlyWhenItFits(string format, int size, bool fits)
    {
        Span<char> destination = stackalloc char[size];
        bool written = UInt256.MaxValue.TryFormat(destination, out int charsWritten, format, null);
        Assert.Equal(fits, written);
        Assert.Equal(fits ? size : 0, charsWritten);
    }
}

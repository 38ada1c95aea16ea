// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Tests.Primitives;

public class HexTests
{
    [Theory]
    [InlineData("", new byte[0])]
    [InlineData("0x", new byte[0])]
    [InlineData("0X", new byte[0])]
    [InlineData("00ff", new byte[] { 0x00, 0xFF })]
    [InlineData("0xDeadBEEF", new byte[] { 0xDE, 0xAD, 0xBE, 0xEF })]
    [InlineData("0Xab", new byte[] { 0xAB })]
    public void Decode_ValidText_ReturnsBytes(string text, byte[] expected) =>
        Assert.Equal(expected, Hex.Decode(text));

    [Theory]
    [InlineData("0x12g4", "invalid hex digit 'g' at index 4", 4)]
    [InlineData("12 4", "invalid hex digit ' ' at index 2", 2)]
    [InlineData("0xab\u00e9f", "invalid hex digit U+00E9 at index 4", 4)]
    [InlineData("0x0x", "invalid hex digit 'x' at index 3", 3)]
    [InlineData("0x123", "odd number of hex digits (3); the last digit, at index 4, has no pair", 4)]
    [InlineData("1", "odd number of hex digits (1); the last digit, at index 0, has no pair", 0)]
    public void Decode_InvalidText_ThrowsWithMessageAndPosition(string text, string message, int position)
    {
        var ex = Assert.Throws<HexFormatException>(() => Hex.Decode(text));
        Assert.Equal(message, ex.Message);
        Assert.Equal(position, ex.Position);
        Assert.IsAssignableFrom<FormatException>(ex);
    }

    [Fact]
    public void DecodeIntoSpan_DestinationTooSmall_ThrowsWithPosition()
    {
        var ex = Assert.Throws<HexFormatException>(() => Hex.Decode("0x010203", new byte[2]));
        Assert.Equal(
            "hex text of 3 bytes does not fit a destination of 2 bytes; the first digit that does not fit is at index 6",
            ex.Message);
        Assert.Equal(6, ex.Position);
    }

    [Theory]
    [InlineData("0x0102", 4, true, 2)]
    [InlineData("0102", 2, true, 2)]
    [InlineData("", 0, true, 0)]
    [InlineData("0x010203", 2, false, 0)]
    [InlineData("0x0g", 4, false, 0)]
    [InlineData("0x012", 4, false, 0)]
    public void TryDecode_Text_ReportsSuccessAndWritten(string text, int capacity, bool ok, int written)
    {
        Span<byte> buffer = stackalloc byte[capacity];
        Assert.Equal(ok, Hex.TryDecode(text, buffer, out int actual));
        Assert.Equal(written, actual);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("0x", 0)]
    [InlineData("0xabcd", 2)]
    [InlineData("abcdef", 3)]
    public void DecodedLength_EvenDigits_IsHalfTheDigits(string text, int expected) =>
        Assert.Equal(expected, Hex.DecodedLength(text));

    [Fact]
    public void DecodedLength_OddDigits_Throws() =>
        Assert.Throws<HexFormatException>(() => Hex.DecodedLength("0xabc"));

    [Theory]
    [InlineData(new byte[0], true, "0x")]
    [InlineData(new byte[0], false, "")]
    [InlineData(new byte[] { 0x00, 0xAB, 0xFF }, true, "0x00abff")]
    [InlineData(new byte[] { 0x00, 0xAB, 0xFF }, false, "00abff")]
    public void Encode_Bytes_IsLowercaseWithOptionalPrefix(byte[] bytes, bool prefix, string expected) =>
        Assert.Equal(expected, Hex.Encode(bytes, prefix));

    [Fact]
    public void EncodeThenDecode_RandomBytes_RoundTrips()
    {
        var random = new Random(7);
        for (int length = 0; length < 300; length++)
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            Assert.Equal(bytes, Hex.Decode(Hex.Encode(bytes)));
            Assert.Equal(bytes, Hex.Decode(Hex.Encode(bytes, prefix: false).ToUpperInvariant()));
        }
    }
}

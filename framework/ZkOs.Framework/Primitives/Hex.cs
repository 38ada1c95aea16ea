// SPDX-License-Identifier: MIT
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ZkOs.Framework.Primitives;

/// <summary>
/// Hexadecimal text with an optional "0x"/"0X" prefix. Decoding accepts both letter cases;
/// encoding always produces lowercase, which is what Ethereum tooling emits and compares against.
/// </summary>
public static class Hex
{
    /// <summary>Digit values for ASCII; 0xFF marks a character that is not a hex digit.</summary>
    private static ReadOnlySpan<byte> DigitValues =>
    [
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0x0A, 0x0B, 0x0C, 0x0D, 0x0E, 0x0F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    ];

    /// <summary>Number of bytes <paramref name="text"/> decodes to (its digits, without prefix, halved).</summary>
    /// <exception cref="HexFormatException">The number of digits is odd.</exception>
    public static int DecodedLength(ReadOnlySpan<char> text)
    {
        int prefix = PrefixLength(text);
        int digits = text.Length - prefix;
        if ((digits & 1) != 0)
            ThrowOddDigits(digits, text.Length - 1);
        return digits >> 1;
    }

    /// <summary>Decodes hex text (optional "0x" prefix; empty text gives an empty array).</summary>
    /// <exception cref="HexFormatException">Invalid digit or odd number of digits.</exception>
    public static byte[] Decode(ReadOnlySpan<char> text)
    {
        int length = DecodedLength(text);
        if (length == 0)
            return [];
        var result = new byte[length];
        var status = DecodeInto(text, result, out _, out int badIndex);
        if (status != Status.Ok)
            Throw(status, text, badIndex, result.Length);
        return result;
    }

    /// <summary>
    /// Decodes into <paramref name="destination"/> without allocating. Returns false (with
    /// <paramref name="written"/> = 0) on an invalid digit, an odd digit count or a destination too small.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        var status = DecodeInto(text, destination, out written, out _);
        return status == Status.Ok;
    }

    /// <summary>Decodes into <paramref name="destination"/>, returning the number of bytes written.</summary>
    /// <exception cref="HexFormatException">Invalid digit, odd digit count, or destination too small.</exception>
    public static int Decode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        var status = DecodeInto(text, destination, out int written, out int badIndex);
        if (status != Status.Ok)
            Throw(status, text, badIndex, destination.Length);
        return written;
    }

    /// <summary>Lowercase hex of <paramref name="bytes"/>, with a "0x" prefix unless <paramref name="prefix"/> is false.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes, bool prefix = true)
    {
        if (!prefix)
            return Convert.ToHexStringLower(bytes);
        return string.Create(2 + (bytes.Length * 2), bytes, static (chars, b) => EncodeTo(b, chars, prefix: true));
    }

    /// <summary>
    /// Writes the lowercase hex of <paramref name="bytes"/> to <paramref name="destination"/> and
    /// returns the number of characters written (2 per byte, plus 2 for the prefix).
    /// </summary>
    public static int EncodeTo(ReadOnlySpan<byte> bytes, Span<char> destination, bool prefix = true)
    {
        int start = prefix ? 2 : 0;
        int length = start + (bytes.Length * 2);
        if (destination.Length < length)
            ThrowEncodeDestinationTooSmall(length, destination.Length);
        if (prefix)
        {
            destination[0] = '0';
            destination[1] = 'x';
        }
        Convert.TryToHexStringLower(bytes, destination[start..], out _);
        return length;
    }

    /// <summary>
    /// Decodes text that must hold exactly <c>destination.Length</c> bytes, as fixed-size types
    /// (addresses, words) require. <paramref name="what"/> names the type in the error message.
    /// </summary>
    internal static void DecodeExact(ReadOnlySpan<char> text, Span<byte> destination, string what)
    {
        int prefix = PrefixLength(text);
        int digits = text.Length - prefix;
        int expected = destination.Length * 2;
        if (digits != expected)
            ThrowWrongLength(expected, digits, what, digits < expected ? text.Length : prefix + expected);
        var status = DecodeCore(text[prefix..], destination, out int badIndex);
        if (status != Status.Ok)
            Throw(status, text, prefix + badIndex, destination.Length);
    }

    /// <summary>Like <see cref="DecodeExact"/> but reports failure instead of throwing.</summary>
    internal static bool TryDecodeExact(ReadOnlySpan<char> text, Span<byte> destination)
    {
        int prefix = PrefixLength(text);
        if (text.Length - prefix != destination.Length * 2)
            return false;
        return DecodeCore(text[prefix..], destination, out _) == Status.Ok;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int PrefixLength(ReadOnlySpan<char> text) =>
        text.Length >= 2 && text[0] == '0' && (text[1] | 0x20) == 'x' ? 2 : 0;

    private static Status DecodeInto(ReadOnlySpan<char> text, Span<byte> destination, out int written, out int badIndex)
    {
        written = 0;
        int prefix = PrefixLength(text);
        int digits = text.Length - prefix;
        if ((digits & 1) != 0)
        {
            badIndex = text.Length - 1;
            return Status.OddDigits;
        }
        int length = digits >> 1;
        if (length > destination.Length)
        {
            badIndex = prefix + (destination.Length * 2);
            return Status.DestinationTooSmall;
        }
        var status = DecodeCore(text[prefix..], destination[..length], out badIndex);
        badIndex += prefix;
        if (status == Status.Ok)
            written = length;
        return status;
    }

    /// <summary>Decodes exactly <c>2 * destination.Length</c> digits (no prefix, caller checked the count).</summary>
    private static Status DecodeCore(ReadOnlySpan<char> digits, Span<byte> destination, out int badIndex)
    {
        var table = DigitValues;
        for (int i = 0; i < destination.Length; i++)
        {
            char hi = digits[2 * i];
            char lo = digits[(2 * i) + 1];
            // Non-ASCII characters index past the table: map them to an invalid value without a branch per digit.
            int h = hi < 128 ? table[hi] : 0xFF;
            int l = lo < 128 ? table[lo] : 0xFF;
            if ((h | l) > 0x0F)
            {
                badIndex = h > 0x0F ? 2 * i : (2 * i) + 1;
                return Status.InvalidDigit;
            }
            destination[i] = (byte)((h << 4) | l);
        }
        badIndex = -1;
        return Status.Ok;
    }

    private enum Status
    {
        Ok,
        InvalidDigit,
        OddDigits,
        DestinationTooSmall,
    }

    [DoesNotReturn]
    private static void Throw(Status status, ReadOnlySpan<char> text, int index, int destinationLength)
    {
        int prefix = PrefixLength(text);
        int digits = text.Length - prefix;
        throw status switch
        {
            Status.InvalidDigit => new HexFormatException(
                $"invalid hex digit {Describe(text[index])} at index {index}", index),
            Status.OddDigits => new HexFormatException(
                $"odd number of hex digits ({digits}); the last digit, at index {index}, has no pair", index),
            _ => new HexFormatException(
                $"hex text of {digits / 2} bytes does not fit a destination of {destinationLength} bytes; "
                + $"the first digit that does not fit is at index {index}", index),
        };
    }

    [DoesNotReturn]
    private static void ThrowOddDigits(int digits, int index) =>
        throw new HexFormatException(
            $"odd number of hex digits ({digits}); the last digit, at index {index}, has no pair", index);

    [DoesNotReturn]
    private static void ThrowWrongLength(int expected, int actual, string what, int index) =>
        throw new HexFormatException($"expected {expected} hex digits for {what}, got {actual}", index);

    [DoesNotReturn]
    private static void ThrowEncodeDestinationTooSmall(int needed, int actual) =>
        throw new ArgumentException(
            $"destination holds {actual} characters but the hex text needs {needed}", "destination");

    private static string Describe(char c) =>
        c is >= ' ' and <= '~' ? $"'{c}'" : $"U+{(int)c:X4}";
}

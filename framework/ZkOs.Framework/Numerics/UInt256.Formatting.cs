// SPDX-License-Identifier: MIT
using System.Diagnostics.CodeAnalysis;

namespace ZkOs.Framework.Numerics;

// Text forms: decimal, and hexadecimal with a 0x prefix as Ethereum tooling writes quantities. Parsing
// is strict (no whitespace, sign or digit separators) because a lenient parser turns typos in test
// vectors and configuration into silently wrong values.
public readonly partial struct UInt256 : ISpanFormattable, ISpanParsable<UInt256>
{
    /// <summary>2^256 - 1 has 78 decimal digits.</summary>
    private const int _maxDecimalDigits = 78;

    private const int _maxHexDigits = 64;

    /// <summary>The largest power of ten below 2^64: decimal conversion works in 19-digit chunks.</summary>
    private const ulong _decimalChunk = 10_000_000_000_000_000_000;

    private const int _decimalChunkDigits = 19;

    private enum ParseStatus
    {
        Ok,
        Empty,
        HexWithoutDigits,
        InvalidDecimalDigit,
        InvalidHexDigit,
        HexTooLong,
        DecimalOverflow,
    }

    /// <summary>Decimal.</summary>
    public override string ToString() => ToString(null, null);

    /// <summary>"D" (or "G", or none) for decimal, "x"/"X" for hexadecimal without prefix or leading zeros.</summary>
    public string ToString(string? format) => ToString(format, null);

    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[_maxDecimalDigits];
        TryFormat(buffer, out int written, format, formatProvider);
        return new string(buffer[..written]);
    }

    /// <summary>Lowercase hexadecimal with a 0x prefix and no leading zeros; zero is "0x0".</summary>
    public string ToHexString()
    {
        Span<char> buffer = stackalloc char[2 + _maxHexDigits];
        buffer[0] = '0';
        buffer[1] = 'x';
        int digits = FormatHex(buffer[2..], upperCase: false);
        return new string(buffer[..(2 + digits)]);
    }

    /// <inheritdoc cref="ToString(string?)"/>
    /// <exception cref="FormatException">The format is not D, G, x or X.</exception>
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format = default, IFormatProvider? provider = null)
    {
        char kind = format.Length switch
        {
            0 => 'D',
            1 => format[0],
            _ => '\0',
        };

        Span<char> buffer = stackalloc char[_maxDecimalDigits];
        int length;
        int start;
        switch (kind)
        {
            case 'D' or 'd' or 'G' or 'g':
                start = FormatDecimal(buffer);
                length = _maxDecimalDigits - start;
                break;
            case 'x' or 'X':
                start = 0;
                length = FormatHex(buffer, upperCase: kind == 'X');
                break;
            default:
                throw new FormatException($"Unsupported UInt256 format '{format}': use D (decimal), x or X (hexadecimal).");
        }

        if (length > destination.Length)
        {
            charsWritten = 0;
            return false;
        }

        buffer.Slice(start, length).CopyTo(destination);
        charsWritten = length;
        return true;
    }

    /// <summary>Writes the digits right-aligned in a 78-character buffer and returns where they start.</summary>
    private int FormatDecimal(Span<char> buffer)
    {
        UInt256 value = this;
        int position = _maxDecimalDigits;
        while (!FitsInUlong(in value))
        {
            ulong chunk = DivRemBy64(in value, _decimalChunk, out value);
            for (int i = 0; i < _decimalChunkDigits; i++)
            {
                (chunk, ulong digit) = Math.DivRem(chunk, 10);
                buffer[--position] = (char)('0' + digit);
            }
        }

        ulong low = value.U0;
        do
        {
            (low, ulong digit) = Math.DivRem(low, 10);
            buffer[--position] = (char)('0' + digit);
        }
        while (low != 0);

        return position;
    }

    /// <summary>Writes the hex digits (at least one) at the start of the buffer and returns their count.</summary>
    private int FormatHex(Span<char> buffer, bool upperCase)
    {
        int digits = Math.Max(1, (BitLength(in this) + 3) >> 2);
        int letterOffset = upperCase ? 'A' - 10 : 'a' - 10;
        for (int i = 0; i < digits; i++)
        {
            ulong limb = (i >> 4) switch { 0 => U0, 1 => U1, 2 => U2, _ => U3 };
            int nibble = (int)(limb >> ((i & 15) * 4)) & 0xF;
            buffer[digits - 1 - i] = (char)(nibble < 10 ? '0' + nibble : letterOffset + nibble);
        }

        return digits;
    }

    /// <summary>Parses a decimal number, or a hexadecimal one with a 0x or 0X prefix and 1..64 digits.</summary>
    /// <exception cref="FormatException">The text is not such a number; the message says what is wrong and where.</exception>
    public static UInt256 Parse(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return Parse(s.AsSpan());
    }

    /// <inheritdoc cref="Parse(string)"/>
    public static UInt256 Parse(ReadOnlySpan<char> s)
    {
        ParseStatus status = TryParseCore(s, out UInt256 result, out int position);
        if (status != ParseStatus.Ok)
        {
            throw new FormatException(DescribeParseError(status, s, position));
        }

        return result;
    }

    public static bool TryParse([NotNullWhen(true)] string? s, out UInt256 result)
    {
        if (s is null)
        {
            result = default;
            return false;
        }

        return TryParseCore(s, out result, out _) == ParseStatus.Ok;
    }

    public static bool TryParse(ReadOnlySpan<char> s, out UInt256 result) =>
        TryParseCore(s, out result, out _) == ParseStatus.Ok;

    /// <summary>The provider is ignored: the accepted forms are culture-invariant.</summary>
    public static UInt256 Parse(string s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out UInt256 result) =>
        TryParse(s, out result);

    public static UInt256 Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => Parse(s);

    public static bool TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out UInt256 result) =>
        TryParse(s, out result);

    private static ParseStatus TryParseCore(ReadOnlySpan<char> s, out UInt256 result, out int position)
    {
        result = default;
        position = 0;
        if (s.IsEmpty)
        {
            return ParseStatus.Empty;
        }

        if (s.Length >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        {
            return TryParseHex(s, out result, out position);
        }

        // Validate every character before accumulating, so an invalid one is reported even in a number
        // that would also overflow.
        for (int i = 0; i < s.Length; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                position = i;
                return ParseStatus.InvalidDecimalDigit;
            }
        }

        UInt256 value = default;
        int index = 0;
        while (index < s.Length)
        {
            int count = Math.Min(_decimalChunkDigits, s.Length - index);
            ulong chunk = 0;
            ulong scale = 1;
            for (int i = 0; i < count; i++)
            {
                chunk = chunk * 10 + (ulong)(s[index + i] - '0');
                scale *= 10;
            }

            UInt256 previous = value;
            if (MultiplyAdd(in previous, scale, chunk, out value) != 0)
            {
                // Redo the chunk digit by digit to name the digit that overflows.
                value = previous;
                for (int i = 0; i < count; i++)
                {
                    if (MultiplyAdd(in value, 10, (ulong)(s[index + i] - '0'), out value) != 0)
                    {
                        position = index + i;
                        break;
                    }
                }

                return ParseStatus.DecimalOverflow;
            }

            index += count;
        }

        result = value;
        return ParseStatus.Ok;
    }

    private static ParseStatus TryParseHex(ReadOnlySpan<char> s, out UInt256 result, out int position)
    {
        result = default;
        position = 2;
        ReadOnlySpan<char> digits = s[2..];
        if (digits.IsEmpty)
        {
            return ParseStatus.HexWithoutDigits;
        }

        ulong u0 = 0, u1 = 0, u2 = 0, u3 = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int nibble = HexValue(digits[i]);
            if (nibble < 0)
            {
                position = i + 2;
                return ParseStatus.InvalidHexDigit;
            }

            if (i >= _maxHexDigits)
            {
                continue;
            }

            // Shift the whole number left by one nibble; the top nibble falls out only when there are
            // more than 64 digits, which is rejected below.
            u3 = (u3 << 4) | (u2 >> 60);
            u2 = (u2 << 4) | (u1 >> 60);
            u1 = (u1 << 4) | (u0 >> 60);
            u0 = (u0 << 4) | (uint)nibble;
        }

        if (digits.Length > _maxHexDigits)
        {
            position = 2 + _maxHexDigits;
            return ParseStatus.HexTooLong;
        }

        result = new UInt256(u0, u1, u2, u3);
        return ParseStatus.Ok;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    private static string DescribeParseError(ParseStatus status, ReadOnlySpan<char> s, int position) => status switch
    {
        ParseStatus.Empty =>
            "Cannot parse an empty string as a UInt256: expected a decimal number or a 0x-prefixed hexadecimal one.",
        ParseStatus.HexWithoutDigits =>
            $"Cannot parse '{s}' as a UInt256: no hexadecimal digits follow the '{s[..2]}' prefix.",
        ParseStatus.InvalidDecimalDigit =>
            $"Cannot parse '{s}' as a UInt256: {DescribeChar(s[position])} at position {position} is not a decimal digit.",
        ParseStatus.InvalidHexDigit =>
            $"Cannot parse '{s}' as a UInt256: {DescribeChar(s[position])} at position {position} is not a hexadecimal digit.",
        ParseStatus.HexTooLong =>
            $"Cannot parse '{s}' as a UInt256: {s.Length - 2} hexadecimal digits overflow 256 bits (at most {_maxHexDigits}, so position {position} is one too many).",
        ParseStatus.DecimalOverflow =>
            $"Cannot parse '{s}' as a UInt256: the decimal number overflows 2^256 - 1 at the digit at position {position}.",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    private static string DescribeChar(char c) =>
        char.IsControl(c) || char.IsWhiteSpace(c) ? $"character U+{(int)c:X4}" : $"character '{c}' (U+{(int)c:X4})";
}

// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Numerics;

namespace ZkOs.Framework.Primitives;

/// <summary>
/// A 20-byte account address. Held as two 64-bit words and one 32-bit word, each the big-endian
/// reading of its bytes, so equality and hashing touch three integers, and comparing the words
/// numerically gives byte-wise (lexicographic) order.
/// </summary>
public readonly struct Address : IEquatable<Address>, IComparable<Address>
{
    /// <summary>Size in bytes.</summary>
    public const int Size = 20;

    private readonly ulong _hi;  // bytes 0..7
    private readonly ulong _mid; // bytes 8..15
    private readonly uint _lo;   // bytes 16..19

    /// <summary>Copies exactly 20 bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 20 bytes long.</exception>
    public Address(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            ThrowWrongLength(bytes.Length);
        _hi = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _mid = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _lo = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
    }

    private Address(ulong hi, ulong mid, uint lo)
    {
        _hi = hi;
        _mid = mid;
        _lo = lo;
    }

    /// <summary>0x0000000000000000000000000000000000000000.</summary>
    public static Address Zero => default;

    public bool IsZero => (_hi | _mid | _lo) == 0;

    /// <summary>
    /// The address whose 160-bit value is <paramref name="value"/>: system and precompile
    /// addresses such as 0x8001 or 0x01 are written this way.
    /// </summary>
    public static Address FromUInt64(ulong value) => new(0, value >> 32, (uint)value);

    /// <summary>The low 160 bits of <paramref name="value"/>, as the EVM truncates a word to an address.</summary>
    public static Address FromUInt256(in UInt256 value) =>
        new(
            ((ulong)(uint)value.U2 << 32) | (value.U1 >> 32),
            (value.U1 << 32) | (value.U0 >> 32),
            (uint)value.U0);

    /// <summary>The address as a number (zero-extended to 256 bits), as the EVM pushes it on the stack.</summary>
    public UInt256 ToUInt256() =>
        new((_mid << 32) | _lo, (_hi << 32) | (_mid >> 32), _hi >> 32, 0);

    /// <summary>Writes the 20 bytes to the start of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 20 bytes.</exception>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < Size)
            ThrowDestinationTooSmall(destination.Length);
        BinaryPrimitives.WriteUInt64BigEndian(destination, _hi);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _mid);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], _lo);
    }

    /// <summary>Same as <see cref="WriteTo"/>; the name the span APIs use.</summary>
    public void CopyTo(Span<byte> destination) => WriteTo(destination);

    public byte[] ToArray()
    {
        var result = new byte[Size];
        WriteTo(result);
        return result;
    }

    /// <summary>Parses exactly 40 hex digits, with an optional "0x" prefix; letter case (checksum) is not checked.</summary>
    /// <exception cref="HexFormatException">Wrong digit count or an invalid digit; the message says which.</exception>
    [SkipLocalsInit]
    public static Address Parse(ReadOnlySpan<char> text)
    {
        Span<byte> bytes = stackalloc byte[Size];
        Hex.DecodeExact(text, bytes, "an address");
        return new Address(bytes);
    }

    [SkipLocalsInit]
    public static bool TryParse(ReadOnlySpan<char> text, out Address address)
    {
        Span<byte> bytes = stackalloc byte[Size];
        if (!Hex.TryDecodeExact(text, bytes))
        {
            address = default;
            return false;
        }
        address = new Address(bytes);
        return true;
    }

    /// <summary>"0x" followed by 40 lowercase hex digits.</summary>
    [SkipLocalsInit]
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        WriteTo(bytes);
        return Hex.Encode(bytes);
    }

    /// <summary>
    /// The EIP-55 mixed-case form: each letter digit is uppercase when the matching nibble of
    /// keccak256(lowercase hex, no prefix) is 8 or more.
    /// </summary>
    [SkipLocalsInit]
    public string ToChecksumString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        WriteTo(bytes);
        Span<char> text = stackalloc char[2 + (2 * Size)];
        Hex.EncodeTo(bytes, text);
        Span<byte> ascii = stackalloc byte[2 * Size];
        for (int i = 0; i < ascii.Length; i++)
            ascii[i] = (byte)text[2 + i];
        Span<byte> hash = stackalloc byte[Keccak256.OutputSize];
        Keccak256.Hash(ascii, hash);
        for (int i = 0; i < ascii.Length; i++)
        {
            int nibble = (i & 1) == 0 ? hash[i >> 1] >> 4 : hash[i >> 1] & 0x0F;
            char c = text[2 + i];
            if (c >= 'a' && nibble >= 8)
                text[2 + i] = (char)(c - ('a' - 'A'));
        }
        return new string(text);
    }

    public bool Equals(Address other) => ((_hi ^ other._hi) | (_mid ^ other._mid) | (_lo ^ other._lo)) == 0;

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Address other && Equals(other);

    // Deterministic (no per-process seed) so behaviour does not vary between runs. System addresses
    // differ only in their low bytes, so the low word enters unrotated and the multiply spreads it.
    public override int GetHashCode() =>
        (int)(((_lo ^ ulong.RotateLeft(_mid, 23) ^ ulong.RotateLeft(_hi, 41)) * 0x9E3779B97F4A7C15UL) >> 32);

    public int CompareTo(Address other)
    {
        if (_hi != other._hi)
            return _hi < other._hi ? -1 : 1;
        if (_mid != other._mid)
            return _mid < other._mid ? -1 : 1;
        return _lo.CompareTo(other._lo);
    }

    public static bool operator ==(Address left, Address right) => left.Equals(right);

    public static bool operator !=(Address left, Address right) => !left.Equals(right);

    [DoesNotReturn]
    private static void ThrowWrongLength(int length) =>
        throw new ArgumentException($"an address needs exactly {Size} bytes, got {length}", "bytes");

    [DoesNotReturn]
    private static void ThrowDestinationTooSmall(int length) =>
        throw new ArgumentException($"an address writes {Size} bytes but the destination holds {length}", "destination");
}

// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using ZkOs.Framework.Numerics;

namespace ZkOs.Framework.Primitives;

/// <summary>
/// 32 raw bytes: a hash, a storage key or value, a 256-bit word seen as bytes. Held as four
/// 64-bit words, each the big-endian reading of 8 consecutive bytes, so equality is four compares,
/// numeric order of the words is byte-wise order, and the big-endian <see cref="UInt256"/> view is
/// a reordering of words with no byte swapping.
/// </summary>
public readonly struct Bytes32 : IEquatable<Bytes32>, IComparable<Bytes32>
{
    /// <summary>Size in bytes.</summary>
    public const int Size = 32;

    private readonly ulong _w0; // bytes 0..7 (most significant in the UInt256 view)
    private readonly ulong _w1; // bytes 8..15
    private readonly ulong _w2; // bytes 16..23
    private readonly ulong _w3; // bytes 24..31

    /// <summary>Copies exactly 32 bytes.</summary>
    /// <exception cref="ArgumentException"><paramref name="bytes"/> is not 32 bytes long.</exception>
    public Bytes32(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            ThrowWrongLength(bytes.Length);
        _w0 = BinaryPrimitives.ReadUInt64BigEndian(bytes);
        _w1 = BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]);
        _w2 = BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]);
        _w3 = BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]);
    }

    /// <summary>From the big-endian readings of bytes 0..7, 8..15, 16..23 and 24..31.</summary>
    internal Bytes32(ulong w0, ulong w1, ulong w2, ulong w3)
    {
        _w0 = w0;
        _w1 = w1;
        _w2 = w2;
        _w3 = w3;
    }

    /// <summary>All zero bytes.</summary>
    public static Bytes32 Zero => default;

    public bool IsZero => (_w0 | _w1 | _w2 | _w3) == 0;

    /// <summary>The big-endian bytes as a 256-bit number (byte 0 most significant), as the EVM reads words.</summary>
    public UInt256 ToUInt256() => new(_w3, _w2, _w1, _w0);

    /// <summary>The 32-byte big-endian encoding of <paramref name="value"/>.</summary>
    public static Bytes32 FromUInt256(in UInt256 value) => new(value.U3, value.U2, value.U1, value.U0);

    /// <summary>Writes the 32 bytes to the start of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 32 bytes.</exception>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < Size)
            ThrowDestinationTooSmall(destination.Length);
        BinaryPrimitives.WriteUInt64BigEndian(destination, _w0);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _w1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], _w2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], _w3);
    }

    /// <summary>Same as <see cref="WriteTo"/>; the name the span APIs use.</summary>
    public void CopyTo(Span<byte> destination) => WriteTo(destination);

    public byte[] ToArray()
    {
        var result = new byte[Size];
        WriteTo(result);
        return result;
    }

    /// <summary>Parses exactly 64 hex digits, with an optional "0x" prefix.</summary>
    /// <exception cref="HexFormatException">Wrong digit count or an invalid digit; the message says which.</exception>
    [SkipLocalsInit]
    public static Bytes32 Parse(ReadOnlySpan<char> text)
    {
        Span<byte> bytes = stackalloc byte[Size];
        Hex.DecodeExact(text, bytes, "a 32-byte value");
        return new Bytes32(bytes);
    }

    [SkipLocalsInit]
    public static bool TryParse(ReadOnlySpan<char> text, out Bytes32 value)
    {
        Span<byte> bytes = stackalloc byte[Size];
        if (!Hex.TryDecodeExact(text, bytes))
        {
            value = default;
            return false;
        }
        value = new Bytes32(bytes);
        return true;
    }

    /// <summary>"0x" followed by 64 lowercase hex digits.</summary>
    [SkipLocalsInit]
    public override string ToString()
    {
        Span<byte> bytes = stackalloc byte[Size];
        WriteTo(bytes);
        return Hex.Encode(bytes);
    }

    public bool Equals(Bytes32 other) =>
        ((_w0 ^ other._w0) | (_w1 ^ other._w1) | (_w2 ^ other._w2) | (_w3 ^ other._w3)) == 0;

    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Bytes32 other && Equals(other);

    // Deterministic (no per-process seed) so behaviour does not vary between runs; the words of
    // hashes are already uniformly distributed, and the multiply spreads structured values.
    public override int GetHashCode() =>
        (int)(((_w0 ^ ulong.RotateLeft(_w1, 17) ^ ulong.RotateLeft(_w2, 31) ^ ulong.RotateLeft(_w3, 47))
            * 0x9E3779B97F4A7C15UL) >> 32);

    public int CompareTo(Bytes32 other)
    {
        if (_w0 != other._w0)
            return _w0 < other._w0 ? -1 : 1;
        if (_w1 != other._w1)
            return _w1 < other._w1 ? -1 : 1;
        if (_w2 != other._w2)
            return _w2 < other._w2 ? -1 : 1;
        return _w3.CompareTo(other._w3);
    }

    public static bool operator ==(Bytes32 left, Bytes32 right) => left.Equals(right);

    public static bool operator !=(Bytes32 left, Bytes32 right) => !left.Equals(right);

    [DoesNotReturn]
    private static void ThrowWrongLength(int length) =>
        throw new ArgumentException($"a Bytes32 needs exactly {Size} bytes, got {length}", "bytes");

    [DoesNotReturn]
    private static void ThrowDestinationTooSmall(int length) =>
        throw new ArgumentException($"a Bytes32 writes {Size} bytes but the destination holds {length}", "destination");
}

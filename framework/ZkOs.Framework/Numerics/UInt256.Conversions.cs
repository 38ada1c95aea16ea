// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace ZkOs.Framework.Numerics;

public readonly partial struct UInt256
{
    public static implicit operator UInt256(ulong value) => new(value);

    public static implicit operator UInt256(uint value) => new(value);

    public static implicit operator UInt256(UInt128 value) => new((ulong)value, (ulong)(value >> 64));

    /// <summary>The low 64 bits (truncating, as C#'s own narrowing conversions do).</summary>
    public static explicit operator ulong(in UInt256 value) => value.U0;

    /// <summary>The low 128 bits (truncating).</summary>
    public static explicit operator UInt128(in UInt256 value) => new(value.U1, value.U0);

    /// <summary>The value as a ulong when it fits; false (and the low 64 bits) otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGetUlong(out ulong value)
    {
        value = U0;
        return (U1 | U2 | U3) == 0;
    }

    /// <summary>The value, or ulong.MaxValue when it does not fit (gas and memory offsets clamp this way).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ToUlongSaturated() => (U1 | U2 | U3) == 0 ? U0 : ulong.MaxValue;

    public BigInteger ToBigInteger()
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteLittleEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: false);
    }

    /// <summary>
    /// The value reduced modulo 2^256, so a negative value becomes its two's complement (-1 gives
    /// <see cref="MaxValue"/>): the EVM's own reading of signed numbers, and total, so callers never
    /// need a try/catch.
    /// </summary>
    public static UInt256 FromBigInteger(BigInteger value)
    {
        int byteCount = value.GetByteCount(isUnsigned: false);
        if (byteCount > 32)
        {
            // Only the low 32 bytes of the two's complement form survive the reduction.
            byte[] wide = value.ToByteArray(isUnsigned: false, isBigEndian: false);
            return ReadLittleEndian(wide.AsSpan(0, 32));
        }

        Span<byte> bytes = stackalloc byte[32];
        value.TryWriteBytes(bytes, out int written, isUnsigned: false, isBigEndian: false);
        bytes[written..].Fill(value.Sign < 0 ? (byte)0xFF : (byte)0);
        return ReadLittleEndian(bytes);
    }

    /// <summary>
    /// Reads 0..32 big-endian bytes; a shorter source is the low-order end of the value (left-padded
    /// with zeros), as PUSHn immediates and calldata words are.
    /// </summary>
    /// <exception cref="ArgumentException">The source is longer than 32 bytes.</exception>
    public static UInt256 ReadBigEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length == 32)
        {
            return new UInt256(
                BinaryPrimitives.ReadUInt64BigEndian(source[24..]),
                BinaryPrimitives.ReadUInt64BigEndian(source[16..]),
                BinaryPrimitives.ReadUInt64BigEndian(source[8..]),
                BinaryPrimitives.ReadUInt64BigEndian(source));
        }

        if (source.Length > 32)
        {
            throw new ArgumentException($"A UInt256 is at most 32 bytes; the source has {source.Length}.", nameof(source));
        }

        Span<byte> padded = stackalloc byte[32];
        padded.Clear();
        source.CopyTo(padded[(32 - source.Length)..]);
        return ReadBigEndian(padded);
    }

    /// <summary>Writes the value as 32 big-endian bytes at the start of the destination.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    public void WriteBigEndian(Span<byte> destination)
    {
        if (destination.Length < 32)
        {
            throw new ArgumentException($"A UInt256 needs 32 bytes; the destination has {destination.Length}.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt64BigEndian(destination, U3);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], U2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], U1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], U0);
    }

    /// <summary>Reads 0..32 little-endian bytes; a shorter source is the low-order end of the value.</summary>
    /// <exception cref="ArgumentException">The source is longer than 32 bytes.</exception>
    public static UInt256 ReadLittleEndian(ReadOnlySpan<byte> source)
    {
        if (source.Length == 32)
        {
            return new UInt256(
                BinaryPrimitives.ReadUInt64LittleEndian(source),
                BinaryPrimitives.ReadUInt64LittleEndian(source[8..]),
                BinaryPrimitives.ReadUInt64LittleEndian(source[16..]),
                BinaryPrimitives.ReadUInt64LittleEndian(source[24..]));
        }

        if (source.Length > 32)
        {
            throw new ArgumentException($"A UInt256 is at most 32 bytes; the source has {source.Length}.", nameof(source));
        }

        Span<byte> padded = stackalloc byte[32];
        padded.Clear();
        source.CopyTo(padded);
        return ReadLittleEndian(padded);
    }

    /// <summary>Writes the value as 32 little-endian bytes at the start of the destination.</summary>
    /// <exception cref="ArgumentException">The destination is shorter than 32 bytes.</exception>
    public void WriteLittleEndian(Span<byte> destination)
    {
        if (destination.Length < 32)
        {
            throw new ArgumentException($"A UInt256 needs 32 bytes; the destination has {destination.Length}.", nameof(destination));
        }

        BinaryPrimitives.WriteUInt64LittleEndian(destination, U0);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], U1);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[16..], U2);
        BinaryPrimitives.WriteUInt64LittleEndian(destination[24..], U3);
    }
}

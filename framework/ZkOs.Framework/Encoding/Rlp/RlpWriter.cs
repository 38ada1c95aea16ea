// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Encoding.Rlp;

/// <summary>
/// Writes canonical RLP into a caller-provided span. Lists are written header first, so the
/// caller computes the payload length up front with <see cref="RlpLength"/>; there is no
/// back-patching and no allocation.
/// </summary>
/// <remarks>Running out of room is a sizing bug in the caller and throws <see cref="ArgumentException"/>.</remarks>
public ref struct RlpWriter
{
    private readonly Span<byte> _buffer;
    private int _position;

    public RlpWriter(Span<byte> buffer)
    {
        _buffer = buffer;
        _position = 0;
    }

    /// <summary>Bytes written so far.</summary>
    public readonly int Position => _position;

    /// <summary>Space left in the buffer.</summary>
    public readonly int Remaining => _buffer.Length - _position;

    /// <summary>The encoding written so far.</summary>
    public readonly Span<byte> Written => _buffer[.._position];

    /// <summary>A byte string: a single byte below 0x80 stands for itself, anything else gets a header.</summary>
    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 1 && bytes[0] < 0x80)
        {
            Reserve(1)[0] = bytes[0];
            return;
        }
        WriteStringHeader(bytes.Length);
        bytes.CopyTo(Reserve(bytes.Length));
    }

    /// <summary>An integer: minimal big-endian bytes, zero as the empty string (0x80).</summary>
    [SkipLocalsInit]
    public void WriteUInt64(ulong value)
    {
        if (value < 0x80)
        {
            Reserve(1)[0] = value == 0 ? (byte)0x80 : (byte)value;
            return;
        }
        int n = RlpLength.ByteCount(value);
        Span<byte> target = Reserve(1 + n);
        target[0] = (byte)(0x80 + n);
        Span<byte> word = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(word, value);
        word[(8 - n)..].CopyTo(target[1..]);
    }

    /// <inheritdoc cref="WriteUInt64"/>
    [SkipLocalsInit]
    public void WriteUInt256(in UInt256 value)
    {
        if ((value.U1 | value.U2 | value.U3) == 0)
        {
            WriteUInt64(value.U0);
            return;
        }
        int n = RlpLength.ByteCount(in value);
        Span<byte> target = Reserve(1 + n);
        target[0] = (byte)(0x80 + n);
        Span<byte> word = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64BigEndian(word, value.U3);
        BinaryPrimitives.WriteUInt64BigEndian(word[8..], value.U2);
        BinaryPrimitives.WriteUInt64BigEndian(word[16..], value.U1);
        BinaryPrimitives.WriteUInt64BigEndian(word[24..], value.U0);
        word[(32 - n)..].CopyTo(target[1..]);
    }

    /// <summary>An address as a 20-byte string (0x94 followed by the bytes).</summary>
    public void WriteAddress(in Address address)
    {
        Span<byte> target = Reserve(RlpLength.OfAddress);
        target[0] = 0x80 + Address.Size;
        address.WriteTo(target[1..]);
    }

    /// <summary>A 32-byte string (0xa0 followed by the bytes), e.g. a hash or storage key.</summary>
    public void WriteBytes32(in Bytes32 value)
    {
        Span<byte> target = Reserve(RlpLength.OfBytes32);
        target[0] = 0x80 + Bytes32.Size;
        value.WriteTo(target[1..]);
    }

    /// <summary>The header of a list whose items, written next, take <paramref name="payloadLength"/> bytes.</summary>
    public void WriteListHeader(int payloadLength) => WriteHeader(0xC0, payloadLength);

    /// <summary>
    /// The header of a string whose <paramref name="length"/> bytes the caller writes next with
    /// <see cref="WriteRaw"/>. Not for a single byte below 0x80, which has no header
    /// (<see cref="WriteBytes"/> handles that case).
    /// </summary>
    public void WriteStringHeader(int length) => WriteHeader(0x80, length);

    /// <summary>Bytes copied as they are: an already encoded item, or a string payload after its header.</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes) => bytes.CopyTo(Reserve(bytes.Length));

    private void WriteHeader(byte offset, int payloadLength)
    {
        if ((uint)payloadLength < 56)
        {
            Reserve(1)[0] = (byte)(offset + payloadLength);
            return;
        }
        if (payloadLength < 0)
            ThrowNegativeLength(payloadLength);
        int n = RlpLength.ByteCount((ulong)payloadLength);
        Span<byte> target = Reserve(1 + n);
        target[0] = (byte)(offset + 55 + n);
        for (int i = n; i >= 1; i--)
        {
            target[i] = (byte)payloadLength;
            payloadLength >>= 8;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Span<byte> Reserve(int count)
    {
        if (count > _buffer.Length - _position)
            ThrowBufferTooSmall(count, _buffer.Length - _position);
        Span<byte> target = _buffer.Slice(_position, count);
        _position += count;
        return target;
    }

    [DoesNotReturn]
    private static void ThrowBufferTooSmall(int needed, int remaining) =>
        throw new ArgumentException(
            $"RLP writer needs {needed} more bytes but only {remaining} remain; size the buffer with RlpLength");

    [DoesNotReturn]
    private static void ThrowNegativeLength(int length) =>
        throw new ArgumentOutOfRangeException(nameof(length), length, "an RLP payload length cannot be negative");
}

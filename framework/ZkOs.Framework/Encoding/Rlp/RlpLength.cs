// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOs.Framework.Numerics;

namespace ZkOs.Framework.Encoding.Rlp;

/// <summary>
/// Encoded sizes, so callers can size a buffer (or a list header, which precedes its payload)
/// before writing with <see cref="RlpWriter"/>.
/// </summary>
public static class RlpLength
{
    /// <summary>An address: 0x94 and 20 bytes.</summary>
    public const int OfAddress = 21;

    /// <summary>A 32-byte word as a string: 0xa0 and 32 bytes.</summary>
    public const int OfBytes32 = 33;

    /// <summary>Header size for a payload of <paramref name="payloadLength"/> bytes (string or list).</summary>
    public static int OfHeader(int payloadLength) =>
        payloadLength < 56 ? 1 : 1 + ByteCount((ulong)payloadLength);

    /// <summary>The encoding of <paramref name="bytes"/> as a string item.</summary>
    public static int OfBytes(ReadOnlySpan<byte> bytes) =>
        bytes.Length == 1 && bytes[0] < 0x80 ? 1 : OfHeader(bytes.Length) + bytes.Length;

    /// <summary>A list whose items take <paramref name="payloadLength"/> bytes in total.</summary>
    public static int OfList(int payloadLength) => OfHeader(payloadLength) + payloadLength;

    /// <summary>An integer: minimal big-endian bytes, zero as the empty string.</summary>
    public static int OfUInt64(ulong value) => value < 0x80 ? 1 : 1 + ByteCount(value);

    /// <inheritdoc cref="OfUInt64"/>
    public static int OfUInt256(in UInt256 value)
    {
        int n = ByteCount(in value);
        return n == 1 && value.U0 < 0x80 ? 1 : 1 + n;
    }

    /// <summary>Minimal big-endian byte count of <paramref name="value"/> (0 for zero).</summary>
    internal static int ByteCount(ulong value) => (64 - BitOperations.LeadingZeroCount(value) + 7) >> 3;

    /// <inheritdoc cref="ByteCount(ulong)"/>
    internal static int ByteCount(in UInt256 value)
    {
        if (value.U3 != 0)
            return 24 + ByteCount(value.U3);
        if (value.U2 != 0)
            return 16 + ByteCount(value.U2);
        if (value.U1 != 0)
            return 8 + ByteCount(value.U1);
        return ByteCount(value.U0);
    }
}

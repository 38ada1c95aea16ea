// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Pubdata;

/// <summary>
/// The "Era VM" value-diff compression of a 32-byte value (reference §7.3), used for storage slots
/// and for the nonce and balance inside account diffs. A diff is one metadata byte
/// <c>(payloadLength &lt;&lt; 3) | kind</c> followed by the payload as minimal big-endian bytes.
/// </summary>
/// <remarks>
/// <para>Selection: Nothing (33 bytes) is always possible. Add, Sub and Transform are candidates
/// only when their operand does not underflow and its minimal length is below 32 bytes. The
/// shortest wins, and a later candidate replaces the current best only when strictly shorter, so
/// ties keep the earlier kind in the order Nothing, Add, Sub, Transform.</para>
/// <para>Nothing writes metadata 0x00 (no length bits) rather than <c>32 &lt;&lt; 3</c>, which would
/// not fit in five bits. A zero payload is legal: initial == final gives Add with length 0, the
/// single byte 0x01; this happens for the unchanged nonce or balance of a full account diff.</para>
/// </remarks>
public static class ValueDiffCompression
{
    /// <summary>The longest diff: Nothing's metadata byte and the full value.</summary>
    public const int MaxLength = 33;

    /// <summary>
    /// Picks the strategy for <paramref name="initial"/> → <paramref name="final"/> and returns its
    /// payload (the final value for Nothing, else a number below 2^248) and the payload length in
    /// bytes (0..31, or 32 for Nothing).
    /// </summary>
    public static ValueDiffKind Choose(in UInt256 initial, in UInt256 final, out UInt256 payload, out int payloadLength)
    {
        var kind = ValueDiffKind.Nothing;
        payload = final;
        payloadLength = 32; // Nothing: the whole word
        int best = MaxLength;

        if (final >= initial)
            Consider(ValueDiffKind.Add, final - initial, ref kind, ref payload, ref payloadLength, ref best);
        if (initial >= final)
            Consider(ValueDiffKind.Sub, initial - final, ref kind, ref payload, ref payloadLength, ref best);
        Consider(ValueDiffKind.Transform, final, ref kind, ref payload, ref payloadLength, ref best);
        return kind;
    }

    /// <inheritdoc cref="Choose(in UInt256, in UInt256, out UInt256, out int)"/>
    public static ValueDiffKind Choose(in UInt256 initial, in UInt256 final) => Choose(in initial, in final, out _, out _);

    /// <summary>The diff's size in bytes, metadata byte included (1..33).</summary>
    public static int Length(in UInt256 initial, in UInt256 final)
    {
        Choose(in initial, in final, out _, out int payloadLength);
        return 1 + payloadLength;
    }

    /// <summary>The diff's size for two storage values read as big-endian numbers.</summary>
    public static int Length(in Bytes32 initial, in Bytes32 final) => Length(initial.ToUInt256(), final.ToUInt256());

    /// <summary>
    /// Writes the diff to the start of <paramref name="destination"/> and returns its length
    /// (<see cref="Length(in UInt256, in UInt256)"/> bytes).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    public static int Write(in UInt256 initial, in UInt256 final, Span<byte> destination)
    {
        var kind = Choose(in initial, in final, out var payload, out int payloadLength);
        int length = 1 + payloadLength;
        if (destination.Length < length)
            throw new ArgumentException($"The value diff needs {length} bytes; the destination has {destination.Length}.", nameof(destination));

        destination[0] = kind == ValueDiffKind.Nothing ? (byte)0 : (byte)((payloadLength << 3) | (int)kind);
        Span<byte> word = stackalloc byte[32];
        payload.WriteBigEndian(word);
        word[(32 - payloadLength)..].CopyTo(destination[1..]);
        return length;
    }

    /// <inheritdoc cref="Write(in UInt256, in UInt256, Span{byte})"/>
    public static int Write(in Bytes32 initial, in Bytes32 final, Span<byte> destination) =>
        Write(initial.ToUInt256(), final.ToUInt256(), destination);

    /// <summary>The diff as a new array.</summary>
    public static byte[] Encode(in UInt256 initial, in UInt256 final)
    {
        Span<byte> buffer = stackalloc byte[MaxLength];
        int length = Write(in initial, in final, buffer);
        return buffer[..length].ToArray();
    }

    private static void Consider(
        ValueDiffKind candidate, in UInt256 operand, ref ValueDiffKind kind, ref UInt256 payload, ref int payloadLength, ref int best)
    {
        int bytes = UInt256.ByteLength(in operand);
        // A 32-byte operand is never a candidate: it would cost the same 33 bytes as Nothing, and
        // the five length bits of the metadata byte cannot say 32.
        if (bytes >= 32 || bytes + 1 >= best)
            return;
        kind = candidate;
        payload = operand;
        payloadLength = bytes;
        best = bytes + 1;
    }
}

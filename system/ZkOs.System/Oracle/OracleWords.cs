// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Oracle;

/// <summary>
/// The word layout of oracle data on the 32-bit RISC-V target (reference §6.2): u8, bool and u32 widen
/// to a u64; a u64 is its low then its high word; a U256 is eight words, least significant first; an
/// address is three u64 limbs (six words), least significant first; a Bytes32 is its raw bytes read as
/// eight little-endian words; byte strings are little-endian words, zero-padded.
/// </summary>
public static class OracleWords
{
    public const int U64Words = 2;
    public const int AddressWords = 6;
    public const int Bytes32Words = 8;
    public const int U256Words = 8;

    public static void WriteU64(List<uint> words, ulong value)
    {
        words.Add((uint)value);
        words.Add((uint)(value >> 32));
    }

    public static void WriteBool(List<uint> words, bool value) => WriteU64(words, value ? 1UL : 0UL);

    public static void WriteU256(List<uint> words, in UInt256 value)
    {
        WriteU64(words, value.U0);
        WriteU64(words, value.U1);
        WriteU64(words, value.U2);
        WriteU64(words, value.U3);
    }

    public static void WriteAddress(List<uint> words, in Address address)
    {
        var value = address.ToUInt256();
        WriteU64(words, value.U0);
        WriteU64(words, value.U1);
        WriteU64(words, value.U2);
    }

    public static void WriteBytes32(List<uint> words, in Bytes32 value)
    {
        Span<byte> bytes = stackalloc byte[32];
        value.WriteTo(bytes);
        WriteBytes(words, bytes);
    }

    /// <summary>Bytes as little-endian words; the last word is zero-padded.</summary>
    public static void WriteBytes(List<uint> words, ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        for (; i + 4 <= bytes.Length; i += 4)
        {
            words.Add(BinaryPrimitives.ReadUInt32LittleEndian(bytes[i..]));
        }
        if (i < bytes.Length)
        {
            Span<byte> last = stackalloc byte[4];
            last.Clear();
            bytes[i..].CopyTo(last);
            words.Add(BinaryPrimitives.ReadUInt32LittleEndian(last));
        }
    }

    public static int WordsForBytes(int length) => (length + 3) / 4;

    public static ulong ReadU64(ReadOnlySpan<uint> words, ref int offset)
    {
        var value = words[offset] | ((ulong)words[offset + 1] << 32);
        offset += 2;
        return value;
    }

    public static bool ReadBool(ReadOnlySpan<uint> words, ref int offset, uint queryId)
    {
        var value = ReadU64(words, ref offset);
        return value switch
        {
            0 => false,
            1 => true,
            _ => throw new OracleException(queryId, $"a bool word holds {value}"),
        };
    }

    public static UInt256 ReadU256(ReadOnlySpan<uint> words, ref int offset) =>
        new(ReadU64(words, ref offset), ReadU64(words, ref offset), ReadU64(words, ref offset), ReadU64(words, ref offset));

    public static Address ReadAddress(ReadOnlySpan<uint> words, ref int offset, uint queryId)
    {
        var value = new UInt256(ReadU64(words, ref offset), ReadU64(words, ref offset), ReadU64(words, ref offset));
        if (value.U2 >> 32 != 0)
        {
            throw new OracleException(queryId, "an address has bits above 160");
        }
        return Address.FromUInt256(value);
    }

    public static Bytes32 ReadBytes32(ReadOnlySpan<uint> words, ref int offset)
    {
        Span<byte> bytes = stackalloc byte[32];
        ReadBytes(words, ref offset, bytes);
        return new Bytes32(bytes);
    }

    /// <summary>
    /// Checks that the bytes past <paramref name="length"/> in the last word of a byte string are zero,
    /// so every bit of a tape is meaningful: a flipped padding bit is an error, not a silent no-op.
    /// </summary>
    public static void CheckPadding(ReadOnlySpan<uint> words, int length, uint queryId)
    {
        var tail = length % 4;
        if (tail != 0 && words[length / 4] >> (8 * tail) != 0)
        {
            throw new OracleException(queryId, $"the padding after byte {length} is not zero");
        }
    }

    public static void ReadBytes(ReadOnlySpan<uint> words, ref int offset, Span<byte> destination)
    {
        Span<byte> word = stackalloc byte[4];
        for (var i = 0; i < destination.Length; i += 4)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(word, words[offset++]);
            word[..Math.Min(4, destination.Length - i)].CopyTo(destination[i..]);
        }
    }
}

// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Bootloader.Conformance;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.ZkSync.Transactions;

/// <summary>
/// The contents of <c>reserved_dynamic</c>: <c>abi.encode(list)</c> with
/// <c>list : tuple(address, bytes32[])[][]</c> holding one element, the access list. Canonical layout
/// (offsets relative to the start of the enclosing dynamic value, as in any ABI encoding):
/// <code>
/// 0x00  0x20                     offset of the outer list
/// 0x20  1                        outer length
/// 0x40  0x20                     offset of element 0, from 0x40
/// 0x60  N                        entries
/// 0x80  N offsets, from 0x80     entry i at 32·N + Σ (96 + 32·k_j), j &lt; i
///       entry: address word, 0x40 (offset of keys), k, k keys
/// </code>
/// </summary>
/// <remarks>
/// The decoder accepts exactly this layout: the offsets the encoder writes, zero high bytes in
/// address words, no bytes left over. That is stricter than the snapshot, which follows whatever
/// in-bounds offsets it finds; strictness gives every accepted body exactly one record, so
/// encode(parse(body)) == body and the L1 hash of a re-encoded transaction is the original's.
/// </remarks>
internal static class ZkSyncAccessListCodec
{
    private const int Word = ZkSyncTransactionLayout.WordSize;
    private const int Prefix = 4 * Word;
    private const int EntryFixed = 3 * Word;

    /// <summary>Bytes of the encoding; 0 for a null list (empty <c>reserved_dynamic</c>).</summary>
    public static long EncodedLength(IReadOnlyList<AccessListEntry>? list)
    {
        if (list is null)
            return 0;
        long length = Prefix;
        // Indexed: a foreach over the interface would box its enumerator, and the parser calls this
        // for every transaction with an access list.
        for (int i = 0; i < list.Count; i++)
            length += Word + EntryFixed + ((long)list[i].StorageKeys.Count * Word);
        return length;
    }

    /// <summary>Writes the canonical encoding of a non-null list; <paramref name="destination"/> holds exactly <see cref="EncodedLength"/> bytes.</summary>
    public static void Encode(IReadOnlyList<AccessListEntry> list, Span<byte> destination)
    {
        destination.Clear();
        WriteU32(destination, 0x00, Word);
        WriteU32(destination, 0x20, 1);
        WriteU32(destination, 0x40, Word);
        WriteU32(destination, 0x60, (uint)list.Count);
        int heads = Prefix;
        int entry = list.Count * Word;
        for (int i = 0; i < list.Count; i++)
        {
            WriteU32(destination, heads + (i * Word), (uint)entry);
            int at = heads + entry;
            list[i].Address.WriteTo(destination[(at + 12)..]);
            WriteU32(destination, at + Word, 2 * Word);
            var keys = list[i].StorageKeys;
            WriteU32(destination, at + (2 * Word), (uint)keys.Count);
            for (int k = 0; k < keys.Count; k++)
                keys[k].WriteTo(destination[(at + EntryFixed + (k * Word))..]);
            entry += EntryFixed + (keys.Count * Word);
        }
    }

    /// <summary>
    /// Decodes <paramref name="encoded"/>, which sits at body offset <paramref name="baseOffset"/>
    /// (for error offsets). Returns null and sets <paramref name="error"/> when it is not the canonical layout.
    /// </summary>
    public static IReadOnlyList<AccessListEntry>? TryDecode(
        ReadOnlySpan<byte> encoded, long baseOffset, out (string Detail, long Offset)? error) =>
        TryDecode(encoded, baseOffset, reuse: null, out error);

    /// <summary><see cref="TryDecode(ReadOnlySpan{byte}, long, out ValueTuple{string, long}?)"/> into <paramref name="reuse"/>'s entries when given.</summary>
    internal static IReadOnlyList<AccessListEntry>? TryDecode(
        ReadOnlySpan<byte> encoded, long baseOffset, ZkSyncParseBuffers? reuse, out (string Detail, long Offset)? error)
    {
        error = null;
        if (encoded.Length < Prefix)
        {
            error = ($"{encoded.Length} bytes is too short for an encoded list (at least {Prefix})", baseOffset);
            return null;
        }
        if (!ExpectU32(encoded, 0x00, Word, "the outer list's offset", baseOffset, ref error)
            || !ExpectU32(encoded, 0x20, 1, "the outer list's length (one element: the access list)", baseOffset, ref error)
            || !ExpectU32(encoded, 0x40, Word, "the access list's offset", baseOffset, ref error))
        {
            return null;
        }
        if (!TryReadU32(encoded, 0x60, out uint count))
        {
            error = ("the access list's length has nonzero high bytes", baseOffset + 0x60);
            return null;
        }
        // Every entry takes at least four words, which bounds the count before anything is allocated.
        if (count > (encoded.Length - Prefix) / (Word + EntryFixed))
        {
            error = ($"{count} entries cannot fit in {encoded.Length - Prefix} bytes", baseOffset + 0x60);
            return null;
        }

        var entries = reuse is null ? new AccessListEntry[count] : null;
        reuse?.BeginAccessList();
        long expected = (long)count * Word;
        for (int i = 0; i < count; i++)
        {
            int head = Prefix + (i * Word);
            if (!ExpectU32(encoded, head, expected, "offset", baseOffset, ref error, entryIndex: i))
                return null;
            long at = Prefix + expected;
            if (at + EntryFixed > encoded.Length)
            {
                error = ($"entry {i} runs past the end", baseOffset + at);
                return null;
            }
            int entry = (int)at;
            if (encoded.Slice(entry, 12).ContainsAnyExcept((byte)0))
            {
                error = ($"entry {i}'s address word has nonzero high bytes", baseOffset + entry);
                return null;
            }
            var address = new Address(encoded.Slice(entry + 12, Address.Size));
            if (!ExpectU32(encoded, entry + Word, 2 * Word, "keys offset", baseOffset, ref error, entryIndex: i))
                return null;
            if (!TryReadU32(encoded, entry + (2 * Word), out uint keyCount))
            {
                error = ($"entry {i}'s key count has nonzero high bytes", baseOffset + entry + (2 * Word));
                return null;
            }
            if (keyCount > (encoded.Length - entry - EntryFixed) / Word)
            {
                error = ($"entry {i}'s {keyCount} keys run past the end", baseOffset + entry + (2 * Word));
                return null;
            }
            var keysAt = encoded.Slice(entry + EntryFixed, (int)keyCount * Word);
            if (reuse is null)
            {
                var keys = new Bytes32[keyCount];
                for (int k = 0; k < keys.Length; k++)
                    keys[k] = new Bytes32(keysAt.Slice(k * Word, Word));
                entries![i] = new AccessListEntry(address, keys);
            }
            else
            {
                var keys = reuse.KeysFor(i);
                for (int k = 0; k < keyCount; k++)
                    keys.Add(new Bytes32(keysAt.Slice(k * Word, Word)));
                reuse.AddEntry(i, address, keys);
            }
            expected += EntryFixed + ((long)keyCount * Word);
        }
        if (Prefix + expected != encoded.Length)
        {
            error = ($"{encoded.Length - Prefix - expected} bytes follow the last entry", baseOffset + Prefix + expected);
            return null;
        }
        return reuse?.AccessList ?? (IReadOnlyList<AccessListEntry>)entries!;
    }

    // `what` names the word; with an entry index it is that entry's, and the message says so. The
    // message is built only on a failure: the decoder allocates nothing for an access list it accepts.
    private static bool ExpectU32(
        ReadOnlySpan<byte> encoded, int at, long value, string what, long baseOffset, ref (string Detail, long Offset)? error, int entryIndex = -1)
    {
        if (at + Word > encoded.Length)
        {
            error = ($"{Name(what, entryIndex)} runs past the end", baseOffset + at);
            return false;
        }
        if (!TryReadU32(encoded, at, out uint actual) || actual != value)
        {
            error = ($"{Name(what, entryIndex)} must be {value} in the canonical layout", baseOffset + at);
            return false;
        }
        return true;
    }

    private static string Name(string what, int entryIndex) => entryIndex < 0 ? what : $"entry {entryIndex}'s {what}";

    private static bool TryReadU32(ReadOnlySpan<byte> encoded, int at, out uint value)
    {
        var word = encoded.Slice(at, Word);
        value = BinaryPrimitives.ReadUInt32BigEndian(word[28..]);
        return !word[..28].ContainsAnyExcept((byte)0);
    }

    private static void WriteU32(Span<byte> destination, int at, uint value) =>
        BinaryPrimitives.WriteUInt32BigEndian(destination[(at + 28)..], value);
}

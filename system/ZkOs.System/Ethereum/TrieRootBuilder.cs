// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Ethereum;

/// <summary>
/// Computes the root hash of an Ethereum Merkle Patricia trie (Yellow Paper, appendix D) from a full
/// set of key/value pairs: the entries are collected, sorted by key and the trie is encoded bottom-up
/// in one pass. Nothing is persisted and no node objects are built; node encodings are assembled in
/// one reusable scratch buffer, so a builder that is <see cref="Clear"/>ed and reused allocates only
/// when an input is larger than any before it.
/// </summary>
/// <remarks>
/// <para>
/// The entries form a map, matching a trie that is updated in order: when a key is added more than
/// once the last value wins, and an empty value means "absent" (a trie cannot hold an empty value;
/// adding one deletes the key, as an update with empty data does in clients). Keys are arbitrary byte
/// strings and may be prefixes of one another.
/// </para>
/// <para>
/// <see cref="AddSecure"/> stores under keccak256(key): the "secure" form used for the state and
/// storage tries. <see cref="Add"/> stores under the key itself: the form used for the transactions,
/// receipts and withdrawals tries (keyed by RLP(index), see <see cref="MerklePatriciaTrie.ComputeOrderedRoot"/>).
/// </para>
/// <para>Not thread-safe: use one builder per thread.</para>
/// </remarks>
public sealed partial class TrieRootBuilder
{
    // A list header before a payload takes at most 1 + 4 bytes (the length of an int payload).
    private const int MaxListHeader = 5;

    // A child is referenced by its hash (0xa0 + 32 bytes) unless its encoding is shorter than this,
    // in which case the encoding itself is embedded in the parent (Yellow Paper, the function c).
    private const int HashedNodeThreshold = 32;

    // Up to this many entries an insertion sort is used (see SortAndDeduplicate).
    private const int InsertionSortLimit = 16;

    // Keys and values, back to back; entries point into it.
    private byte[] _data;
    private int _dataLength;
    private Entry[] _entries;
    private int _count;

    // Encodings under construction, used as a stack: a node's children are encoded above it and
    // replaced by their references before the node's own header is written.
    private byte[] _scratch;
    private int _top;

    public TrieRootBuilder()
    {
        _data = new byte[1024];
        _entries = new Entry[32];
        _scratch = new byte[2048];
    }

    /// <summary>
    /// Entries held: those added since the last <see cref="Clear"/>, duplicates and empty values
    /// included until <see cref="ComputeRoot"/> drops them.
    /// </summary>
    public int Count => _count;

    /// <summary>Sets <paramref name="key"/> to <paramref name="value"/>; an empty value removes the key.</summary>
    public void Add(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        if (_count == _entries.Length)
            Array.Resize(ref _entries, _entries.Length * 2);
        int needed = _dataLength + key.Length + value.Length;
        if (needed > _data.Length)
            Array.Resize(ref _data, Math.Max(needed, _data.Length * 2));

        int keyStart = _dataLength;
        key.CopyTo(_data.AsSpan(keyStart));
        int valueStart = keyStart + key.Length;
        value.CopyTo(_data.AsSpan(valueStart));
        _dataLength = needed;
        _entries[_count] = new Entry(keyStart, key.Length, valueStart, value.Length, _count);
        _count++;
    }

    /// <summary>Sets keccak256(<paramref name="key"/>) to <paramref name="value"/>: the secure trie's form.</summary>
    [SkipLocalsInit]
    public void AddSecure(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        Span<byte> hashed = stackalloc byte[Keccak256.OutputSize];
        Keccak256.Hash(key, hashed);
        Add(hashed, value);
    }

    /// <summary>Forgets all entries but keeps the buffers, so the next trie reuses them.</summary>
    public void Clear()
    {
        _count = 0;
        _dataLength = 0;
    }

    /// <summary>
    /// The root hash of the trie holding the current entries: keccak256 of the root node's RLP, or
    /// <see cref="MerklePatriciaTrie.EmptyRoot"/> when no key has a non-empty value. The entries
    /// stay, so more may be added and the root computed again.
    /// </summary>
    public Bytes32 ComputeRoot()
    {
        int count = SortAndDeduplicate();
        if (count == 0)
            return MerklePatriciaTrie.EmptyRoot;

        _top = 0;
        // The root is always referenced by its hash, even when its encoding is short.
        var (start, length) = EncodeNode(0, count, 0);
        return Keccak256.Hash(_scratch.AsSpan(start, length));
    }

    /// <summary>
    /// Sorts the entries by key (insertion order among equal keys), keeps the last of each key and
    /// drops empty values; returns how many remain at the front of <see cref="_entries"/>.
    /// </summary>
    private int SortAndDeduplicate()
    {
        var entries = _entries.AsSpan(0, _count);
        var comparer = new EntryComparer(_data);
        if (entries.Length <= InsertionSortLimit)
        {
            // Most storage tries hold a handful of slots: sort them in place without the library
            // sort's boxed comparer and delegate.
            for (int i = 1; i < entries.Length; i++)
            {
                var entry = entries[i];
                int j = i - 1;
                for (; j >= 0 && comparer.Compare(entries[j], entry) > 0; j--)
                    entries[j + 1] = entries[j];
                entries[j + 1] = entry;
            }
        }
        else
        {
            entries.Sort(comparer);
        }

        int kept = 0;
        for (int i = 0; i < entries.Length; i++)
        {
            bool lastOfKey = i + 1 == entries.Length || !Key(in entries[i + 1]).SequenceEqual(Key(in entries[i]));
            if (lastOfKey && entries[i].ValueLength > 0)
                entries[kept++] = entries[i];
        }

        // Renumber the survivors below the next insertion number (the new count), so that a key
        // added after this computation still sorts after, and wins over, its earlier value.
        for (int i = 0; i < kept; i++)
            entries[i] = entries[i] with { Order = i };
        _count = kept;
        return kept;
    }

    /// <summary>
    /// Encodes the node for entries [<paramref name="lo"/>, <paramref name="hi"/>) (sorted, distinct,
    /// at least one), whose keys agree on their first <paramref name="depth"/> nibbles. The encoding
    /// is left at the top of the scratch stack; returns where it starts and its length.
    /// </summary>
    private (int Start, int Length) EncodeNode(int lo, int hi, int depth)
    {
        // Room for the list header, which is written last, right-aligned against the payload.
        Reserve(MaxListHeader);
        int payloadStart = _top;

        ref readonly Entry first = ref _entries[lo];
        if (hi - lo == 1)
        {
            // Leaf: the rest of the key and the value.
            WritePath(in first, depth, 2 * first.KeyLength, isLeaf: true);
            WriteString(Value(in first));
        }
        else
        {
            int shared = SharedNibbles(in first, in _entries[hi - 1], depth);
            if (shared > 0)
            {
                // Extension: the nibbles every key shares, then the branch where they part.
                WritePath(in first, depth, depth + shared, isLeaf: false);
                AppendReference(lo, hi, depth + shared);
            }
            else
            {
                EncodeBranch(lo, hi, depth);
            }
        }

        int payloadLength = _top - payloadStart;
        int headerLength = RlpLength.OfHeader(payloadLength);
        int start = payloadStart - headerLength;
        new RlpWriter(_scratch.AsSpan(start, headerLength)).WriteListHeader(payloadLength);
        return (start, _top - start);
    }

    /// <summary>The 17-item payload of a branch: one reference per next nibble, then the value of a key ending here.</summary>
    private void EncodeBranch(int lo, int hi, int depth)
    {
        // Sorted order puts a key that ends at this depth (a prefix of the others) first.
        int valueEntry = -1;
        if (2 * _entries[lo].KeyLength == depth)
            valueEntry = lo++;

        for (int nibble = 0; nibble < 16; nibble++)
        {
            int end = lo;
            while (end < hi && Nibble(in _entries[end], depth) == nibble)
                end++;
            if (end == lo)
                Reserve(1)[0] = 0x80; // empty string: no child
            else
                AppendReference(lo, end, depth + 1);
            lo = end;
        }

        if (valueEntry >= 0)
            WriteString(Value(in _entries[valueEntry]));
        else
            Reserve(1)[0] = 0x80;
    }

    /// <summary>
    /// Encodes the child node for entries [<paramref name="lo"/>, <paramref name="hi"/>) and leaves,
    /// at the current top, what its parent holds for it: the encoding itself when shorter than 32
    /// bytes, otherwise its hash as a 32-byte string.
    /// </summary>
    [SkipLocalsInit]
    private void AppendReference(int lo, int hi, int depth)
    {
        int at = _top;
        var (start, length) = EncodeNode(lo, hi, depth);
        if (length < HashedNodeThreshold)
        {
            // Overlapping move down over the reserved header room; CopyTo handles the overlap.
            _scratch.AsSpan(start, length).CopyTo(_scratch.AsSpan(at));
            _top = at + length;
            return;
        }

        // Hashed into a separate buffer first: the destination overlaps the encoding being hashed.
        Span<byte> hash = stackalloc byte[Keccak256.OutputSize];
        Keccak256.Hash(_scratch.AsSpan(start, length), hash);
        _scratch[at] = 0x80 + Keccak256.OutputSize;
        hash.CopyTo(_scratch.AsSpan(at + 1));
        _top = at + 1 + Keccak256.OutputSize;
    }

    /// <summary>
    /// Writes nibbles [<paramref name="from"/>, <paramref name="to"/>) of the entry's key in the
    /// hex-prefix encoding (Yellow Paper, appendix C), as an RLP string. The first nibble of the
    /// encoding flags a leaf (2) or an extension (0), plus 1 when the path has an odd length, in which
    /// case the path's first nibble shares that byte; an even path is preceded by a zero nibble.
    /// </summary>
    private void WritePath(in Entry entry, int from, int to, bool isLeaf)
    {
        int nibbles = to - from;
        int length = 1 + nibbles / 2;
        int flag = (isLeaf ? 2 : 0) + (nibbles & 1);

        // The flag byte alone is below 0x80, so a one-byte path is its own RLP encoding.
        Span<byte> target;
        if (length == 1)
        {
            target = Reserve(1);
        }
        else
        {
            int header = RlpLength.OfHeader(length);
            target = Reserve(header + length);
            new RlpWriter(target).WriteStringHeader(length);
            target = target[header..];
        }

        ReadOnlySpan<byte> key = Key(in entry);
        int position = from;
        if ((nibbles & 1) != 0)
        {
            target[0] = (byte)((flag << 4) | NibbleAt(key, position));
            position++;
        }
        else
        {
            target[0] = (byte)(flag << 4);
        }

        for (int i = 1; i < length; i++, position += 2)
            target[i] = (byte)((NibbleAt(key, position) << 4) | NibbleAt(key, position + 1));
    }

    private void WriteString(ReadOnlySpan<byte> bytes) =>
        new RlpWriter(Reserve(RlpLength.OfBytes(bytes))).WriteBytes(bytes);

    /// <summary>How many nibbles from <paramref name="depth"/> on the two keys have in common.</summary>
    private int SharedNibbles(in Entry a, in Entry b, int depth)
    {
        ReadOnlySpan<byte> keyA = Key(in a), keyB = Key(in b);
        int limit = 2 * Math.Min(keyA.Length, keyB.Length);
        int i = depth;
        while (i < limit && NibbleAt(keyA, i) == NibbleAt(keyB, i))
            i++;
        return i - depth;
    }

    /// <summary>Claims <paramref name="count"/> bytes at the top of the scratch stack, growing it if needed.</summary>
    private Span<byte> Reserve(int count)
    {
        int end = _top + count;
        if (end > _scratch.Length)
            Array.Resize(ref _scratch, Math.Max(end, _scratch.Length * 2));
        var target = _scratch.AsSpan(_top, count);
        _top = end;
        return target;
    }

    private int Nibble(in Entry entry, int index) => NibbleAt(Key(in entry), index);

    private static int NibbleAt(ReadOnlySpan<byte> key, int index)
    {
        byte b = key[index >> 1];
        return (index & 1) == 0 ? b >> 4 : b & 0x0F;
    }

    private ReadOnlySpan<byte> Key(in Entry entry) => _data.AsSpan(entry.KeyStart, entry.KeyLength);

    private ReadOnlySpan<byte> Value(in Entry entry) => _data.AsSpan(entry.ValueStart, entry.ValueLength);
}

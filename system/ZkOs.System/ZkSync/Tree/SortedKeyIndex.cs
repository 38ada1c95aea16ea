// SPDX-License-Identifier: MIT
using System.Diagnostics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Tree;

/// <summary>
/// The tree's keys in ascending byte order with their leaf indices, for the one query a hash map
/// cannot answer: the greatest key below a given one (PrevIndex, the start of a non-membership proof
/// and the predecessor a new leaf is linked after).
/// </summary>
/// <remarks>
/// A list of sorted chunks: the chunks partition the key range in order, so a lookup is a binary
/// search over chunk heads and one inside a chunk, and an insert shifts at most one chunk. Chunks
/// split in half when they outgrow <see cref="MaxChunkSize"/>, which keeps an insert into a
/// 100k-key index to a few kilobytes of copying (a single sorted array would move the whole index).
/// </remarks>
internal sealed class SortedKeyIndex
{
    private const int MaxChunkSize = 1024;

    private readonly List<List<(Bytes32 Key, ulong Index)>> _chunks = [];

    public int Count { get; private set; }

    /// <summary>Builds the index from entries already in strictly ascending key order.</summary>
    public static SortedKeyIndex FromSorted(ReadOnlySpan<(Bytes32 Key, ulong Index)> sorted)
    {
        var result = new SortedKeyIndex();
        const int fill = MaxChunkSize / 2; // half full, so the first inserts do not split at once
        for (int start = 0; start < sorted.Length; start += fill)
        {
            var slice = sorted.Slice(start, Math.Min(fill, sorted.Length - start));
            var chunk = new List<(Bytes32 Key, ulong Index)>(MaxChunkSize + 1);
            foreach (var entry in slice)
                chunk.Add(entry);
            result._chunks.Add(chunk);
        }
        result.Count = sorted.Length;
        return result;
    }

    /// <summary>Adds a key that is not yet present.</summary>
    public void Insert(in Bytes32 key, ulong index)
    {
        if (_chunks.Count == 0)
        {
            _chunks.Add(new List<(Bytes32 Key, ulong Index)>(MaxChunkSize + 1) { (key, index) });
            Count = 1;
            return;
        }

        // A key below every chunk head goes to the front of the first chunk.
        int chunkIndex = Math.Max(LastChunkStartingBelow(key), 0);
        var chunk = _chunks[chunkIndex];
        int position = FirstNotBelow(chunk, key);
        Debug.Assert(position == chunk.Count || chunk[position].Key != key, "the caller checks that the key is new");
        chunk.Insert(position, (key, index));
        Count++;

        if (chunk.Count > MaxChunkSize)
        {
            int half = chunk.Count / 2;
            var upper = new List<(Bytes32 Key, ulong Index)>(MaxChunkSize + 1);
            for (int i = half; i < chunk.Count; i++)
                upper.Add(chunk[i]);
            chunk.RemoveRange(half, chunk.Count - half);
            _chunks.Insert(chunkIndex + 1, upper);
        }
    }

    /// <summary>The index stored with the greatest key strictly below <paramref name="key"/>, if any.</summary>
    public bool TryFindPredecessor(in Bytes32 key, out ulong index)
    {
        int chunkIndex = LastChunkStartingBelow(key);
        if (chunkIndex < 0)
        {
            index = 0;
            return false;
        }
        var chunk = _chunks[chunkIndex];
        // The chunk head is below the key, so the entry before the first one not below it exists.
        index = chunk[FirstNotBelow(chunk, key) - 1].Index;
        return true;
    }

    /// <summary>All entries in ascending key order.</summary>
    public IEnumerable<(Bytes32 Key, ulong Index)> Enumerate()
    {
        foreach (var chunk in _chunks)
        {
            foreach (var entry in chunk)
                yield return entry;
        }
    }

    /// <summary>The last chunk whose first key is below <paramref name="key"/>, or -1.</summary>
    private int LastChunkStartingBelow(in Bytes32 key)
    {
        int low = 0, high = _chunks.Count - 1, found = -1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            if (_chunks[middle][0].Key.CompareTo(key) < 0)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }
        return found;
    }

    /// <summary>The position of the first entry of <paramref name="chunk"/> not below <paramref name="key"/> (its count if none).</summary>
    private static int FirstNotBelow(List<(Bytes32 Key, ulong Index)> chunk, in Bytes32 key)
    {
        int low = 0, high = chunk.Count;
        while (low < high)
        {
            int middle = low + ((high - low) >> 1);
            if (chunk[middle].Key.CompareTo(key) < 0)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }
}

// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using Org.BouncyCastle.Crypto.Digests;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Tests.ZkSync;

/// <summary>
/// An independent model of the §7.1 state tree for checking FlatStorageTree: keys and values in a
/// plain list by index, <c>next</c> derived afresh from a sort of the keys, and the root hashed from
/// scratch with BouncyCastle's BLAKE2s (not the framework's) over only the occupied paths, with the
/// empty subtrees precomputed per level. Slow and simple on purpose.
/// </summary>
internal sealed class NaiveStateTree
{
    public const int Depth = 64;

    private static readonly byte[][] _empty = ComputeEmpty();

    private readonly List<(byte[] Key, byte[] Value)> _slots =
    [
        (new byte[32], new byte[32]),
        (Enumerable.Repeat((byte)0xFF, 32).ToArray(), new byte[32]),
    ];

    public int Count => _slots.Count;

    /// <summary>The empty-subtree hash of a level (0 = the all-zero leaf).</summary>
    public static byte[] EmptySubtree(int level) => _empty[level];

    public static byte[] Blake2s(params byte[][] parts)
    {
        var digest = new Blake2sDigest(256);
        foreach (var part in parts)
            digest.BlockUpdate(part, 0, part.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return output;
    }

    public static byte[] LeafHash(byte[] key, byte[] value, ulong next)
    {
        var nextBytes = new byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(nextBytes, next);
        return Blake2s(key, value, nextBytes);
    }

    /// <summary>Sequential semantics: an existing key is overwritten, a new one appended.</summary>
    public void Apply(IEnumerable<(Bytes32 Key, Bytes32 Value)> writes)
    {
        foreach (var (key, value) in writes)
        {
            var keyBytes = key.ToArray();
            int existing = _slots.FindIndex(s => s.Key.AsSpan().SequenceEqual(keyBytes));
            if (existing >= 0)
                _slots[existing] = (keyBytes, value.ToArray());
            else
                _slots.Add((keyBytes, value.ToArray()));
        }
    }

    public (bool Exists, byte[] Value) Read(byte[] key)
    {
        int index = _slots.FindIndex(s => s.Key.AsSpan().SequenceEqual(key));
        return index >= 0 ? (true, _slots[index].Value) : (false, new byte[32]);
    }

    public byte[] KeyAt(int index) => _slots[index].Key;

    public byte[] ValueAt(int index) => _slots[index].Value;

    /// <summary>Indices in ascending key order (byte-wise).</summary>
    public int[] SortedIndices() =>
        Enumerable.Range(0, _slots.Count).OrderBy(i => _slots[i].Key, LexicographicOrder.Instance).ToArray();

    /// <summary>Each leaf's successor in key order; the max guard (last) points at itself.</summary>
    public ulong[] NextPointers()
    {
        var sorted = SortedIndices();
        var next = new ulong[_slots.Count];
        for (int i = 0; i + 1 < sorted.Length; i++)
            next[sorted[i]] = (ulong)sorted[i + 1];
        next[sorted[^1]] = (ulong)sorted[^1];
        return next;
    }

    /// <summary>The index of the greatest key strictly below <paramref name="key"/>.</summary>
    public ulong PrevIndex(byte[] key)
    {
        int best = -1;
        for (int i = 0; i < _slots.Count; i++)
        {
            if (LexicographicOrder.Instance.Compare(_slots[i].Key, key) < 0 && (best < 0 || LexicographicOrder.Instance.Compare(_slots[i].Key, _slots[best].Key) > 0))
                best = i;
        }
        return (ulong)best;
    }

    public byte[] Root()
    {
        var next = NextPointers();
        var level = new SortedDictionary<ulong, byte[]>();
        for (int i = 0; i < _slots.Count; i++)
            level[(ulong)i] = LeafHash(_slots[i].Key, _slots[i].Value, next[i]);

        for (int height = 0; height < Depth; height++)
        {
            var parents = new SortedDictionary<ulong, byte[]>();
            foreach (ulong index in level.Keys)
            {
                ulong parent = index >> 1;
                if (parents.ContainsKey(parent))
                    continue;
                var left = level.TryGetValue(parent * 2, out var l) ? l : _empty[height];
                var right = level.TryGetValue(parent * 2 + 1, out var r) ? r : _empty[height];
                parents[parent] = Blake2s(left, right);
            }
            level = parents;
        }
        return level[0];
    }

    private static byte[][] ComputeEmpty()
    {
        var result = new byte[Depth + 1][];
        result[0] = Blake2s(new byte[72]);
        for (int i = 1; i <= Depth; i++)
            result[i] = Blake2s(result[i - 1], result[i - 1]);
        return result;
    }
}

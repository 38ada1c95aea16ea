// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Primitives;
using ZkOs.System.Ethereum;

namespace ZkOs.System.Tests.Ethereum;

/// <summary>The builder's map semantics, reuse, and agreement with the plain oracle on random tries.</summary>
public class TrieRootBuilderTests
{
    [Fact]
    public void SameKeyTwice_LastValueWins()
    {
        var builder = new TrieRootBuilder();
        builder.Add("key"u8, "first"u8);
        builder.Add("other"u8, "x"u8);
        builder.Add("key"u8, "second"u8);
        var expected = ReferenceTrie.Root([new("key"u8.ToArray(), "second"u8.ToArray()), new("other"u8.ToArray(), "x"u8.ToArray())]);
        Assert.Equal(expected, builder.ComputeRoot());
    }

    [Fact]
    public void EmptyValue_RemovesTheKey()
    {
        var builder = new TrieRootBuilder();
        builder.Add("key"u8, "value"u8);
        builder.Add("gone"u8, "soon"u8);
        builder.Add("gone"u8, default);
        builder.Add("never"u8, default);
        Assert.Equal(MerklePatriciaTrie.ComputeRoot([new("key"u8.ToArray(), "value"u8.ToArray())]), builder.ComputeRoot());

        builder.Add("key"u8, default);
        Assert.Equal(MerklePatriciaTrie.EmptyRoot, builder.ComputeRoot());
    }

    [Fact]
    public void AddingAfterComputing_StillOverwrites()
    {
        // Computing compacts and reorders the entries; a later addition must still win.
        var builder = new TrieRootBuilder();
        for (int i = 0; i < 10; i++)
            builder.Add([(byte)i], [(byte)(i + 1)]);
        builder.Add([3], [0x33]);
        _ = builder.ComputeRoot();
        builder.Add([7], [0x77]);
        builder.Add([3], [0x99]);

        var expected = Enumerable.Range(0, 10).Select(i => new KeyValuePair<byte[], byte[]>(
            [(byte)i], [i == 3 ? (byte)0x99 : i == 7 ? (byte)0x77 : (byte)(i + 1)]));
        Assert.Equal(ReferenceTrie.Root(expected), builder.ComputeRoot());
    }

    [Fact]
    public void Clear_StartsAnEmptyTrie()
    {
        var builder = new TrieRootBuilder();
        builder.Add("a"u8, "b"u8);
        _ = builder.ComputeRoot();
        builder.Clear();
        Assert.Equal(0, builder.Count);
        Assert.Equal(MerklePatriciaTrie.EmptyRoot, builder.ComputeRoot());
        builder.Add("c"u8, "d"u8);
        Assert.Equal(MerklePatriciaTrie.ComputeRoot([new("c"u8.ToArray(), "d"u8.ToArray())]), builder.ComputeRoot());
    }

    [Fact]
    public void RandomTries_MatchTheReference()
    {
        // Short keys over a small alphabet, so that keys share prefixes, end inside other keys and
        // repeat; values from 1 to 70 bytes, so that nodes are both embedded and hashed and long
        // RLP headers occur. One builder serves every trial, exercising reuse.
        var random = new Random(7);
        var builder = new TrieRootBuilder();
        for (int trial = 0; trial < 400; trial++)
        {
            builder.Clear();
            var map = new Dictionary<string, KeyValuePair<byte[], byte[]>>();
            int count = random.Next(0, 40);
            for (int i = 0; i < count; i++)
            {
                var key = new byte[random.Next(0, 5)];
                for (int j = 0; j < key.Length; j++)
                    key[j] = (byte)(random.Next(3) * 0x11 + random.Next(2));
                var value = new byte[random.Next(8) == 0 ? 0 : random.Next(1, 71)];
                random.NextBytes(value);
                builder.Add(key, value);
                if (value.Length == 0)
                    map.Remove(Hex.Encode(key));
                else
                    map[Hex.Encode(key)] = new(key, value);
            }
            Assert.Equal(ReferenceTrie.Root(map.Values), builder.ComputeRoot());
        }
    }

    [Fact]
    public void LargeSecureTrie_MatchesTheReference()
    {
        var random = new Random(11);
        var builder = new TrieRootBuilder();
        var hashed = new List<KeyValuePair<byte[], byte[]>>();
        for (int i = 0; i < 1500; i++)
        {
            var key = new byte[20];
            random.NextBytes(key);
            var value = Rlp.EncodeUInt64((ulong)random.NextInt64());
            builder.AddSecure(key, value);
            hashed.Add(new(Keccak256.Hash(key).ToArray(), value));
        }
        Assert.Equal(ReferenceTrie.Root(hashed), builder.ComputeRoot());
    }

    [Fact]
    public void OrderedRoot_KeysItemsByRlpOfTheirIndex()
    {
        // 200 items, so that indexes 0 (key 0x80), 1..127 (one byte) and 128+ (0x81 xx) all occur.
        var items = Enumerable.Range(0, 200).Select(i => Rlp.EncodeBytes(new byte[i % 50 + 1])).ToList();
        var expected = ReferenceTrie.Root(items.Select((item, i) => new KeyValuePair<byte[], byte[]>(Rlp.EncodeUInt64((ulong)i), item)));
        Assert.Equal(expected, MerklePatriciaTrie.ComputeOrderedRoot(items));
    }

    [Fact]
    public void ReusedBuilder_AllocatesAlmostNothing()
    {
        var random = new Random(3);
        var keys = Enumerable.Range(0, 300).Select(_ => { var k = new byte[32]; random.NextBytes(k); return k; }).ToArray();
        var value = new byte[70];
        var builder = new TrieRootBuilder();

        Bytes32 Run()
        {
            builder.Clear();
            foreach (var key in keys)
                builder.Add(key, value);
            return builder.ComputeRoot();
        }

        var first = Run(); // grows the buffers, JIT
        long before = GC.GetAllocatedBytesForCurrentThread();
        var second = Run();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(first, second);
        // The sort may box its comparer once; nothing proportional to the trie is allocated.
        Assert.True(allocated < 256, $"allocated {allocated} bytes");
    }
}

// SPDX-License-Identifier: MIT
using System.Text;
using System.Text.Json;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;
using ZkOs.System.Ethereum;

namespace ZkOs.System.Tests.Ethereum;

/// <summary>Trie roots against published vectors and encodings worked out by hand.</summary>
public class TrieVectorTests
{
    public static TheoryData<string, string> PublishedCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var file in new[] { "trietest", "trietest_secureTrie", "trieanyorder", "trieanyorder_secureTrie", "hex_encoded_securetrie_test" })
        {
            using var document = JsonDocument.Parse(Vectors(file).Json);
            foreach (var test in document.RootElement.EnumerateObject())
                cases.Add(file, test.Name);
        }
        return cases;
    }

    [Theory]
    [MemberData(nameof(PublishedCases))]
    public void PublishedVector_RootMatches(string file, string name)
    {
        var (json, secure) = Vectors(file);
        using var document = JsonDocument.Parse(json);
        var test = document.RootElement.GetProperty(name);
        var expected = Bytes32.Parse(test.GetProperty("root").GetString());
        var pairs = Pairs(test.GetProperty("in"));

        // In the order given: later pairs overwrite, null (empty) deletes.
        var builder = new TrieRootBuilder();
        foreach (var (key, value) in pairs)
        {
            if (secure)
                builder.AddSecure(key, value);
            else
                builder.Add(key, value);
        }
        Assert.Equal(expected, builder.ComputeRoot());

        // The final map, in other orders, through the one-call API.
        var map = new Dictionary<string, KeyValuePair<byte[], byte[]>>();
        foreach (var (key, value) in pairs)
        {
            if (value.Length == 0)
                map.Remove(Hex.Encode(key));
            else
                map[Hex.Encode(key)] = new(key, value);
        }
        var random = new Random(name.Length);
        for (int round = 0; round < 4; round++)
        {
            var shuffled = map.Values.OrderBy(_ => random.Next()).ToList();
            var root = secure ? MerklePatriciaTrie.ComputeSecureRoot(shuffled) : MerklePatriciaTrie.ComputeRoot(shuffled);
            Assert.Equal(expected, root);
        }
    }

    [Fact]
    public void EmptyRoot_IsKeccakOfEmptyString()
    {
        Assert.Equal(Bytes32.Parse("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"), MerklePatriciaTrie.EmptyRoot);
        Assert.Equal(Keccak256.Hash([0x80]), MerklePatriciaTrie.EmptyRoot);
        Assert.Equal(MerklePatriciaTrie.EmptyRoot, new TrieRootBuilder().ComputeRoot());
        Assert.Equal(MerklePatriciaTrie.EmptyRoot, MerklePatriciaTrie.ComputeRoot([]));
        Assert.Equal(MerklePatriciaTrie.EmptyRoot, MerklePatriciaTrie.ComputeSecureRoot([]));
        Assert.Equal(MerklePatriciaTrie.EmptyRoot, MerklePatriciaTrie.ComputeOrderedRoot([]));
    }

    [Fact]
    public void WikiExample_DoeDogDogglesworth()
    {
        var root = MerklePatriciaTrie.ComputeRoot([Pair("doe", "reindeer"), Pair("dog", "puppy"), Pair("dogglesworth", "cat")]);
        Assert.Equal(Bytes32.Parse("0x8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3"), root);
    }

    [Fact]
    public void SingleShortLeaf_RootIsHashedEvenThoughUnder32Bytes()
    {
        // Key "A" = nibbles 4,1 (even): hex prefix 0x20 0x41. Leaf = RLP([0x2041, "a"]).
        var root = MerklePatriciaTrie.ComputeRoot([Pair("A", "a")]);
        Assert.Equal(Keccak256.Hash([0xc4, 0x82, 0x20, 0x41, 0x61]), root);
    }

    [Fact]
    public void EmptyKey_IsALeafWithAnEmptyPath()
    {
        // Hex prefix of the empty leaf path is the single byte 0x20, its own RLP.
        var root = MerklePatriciaTrie.ComputeRoot([new([], [0x05])]);
        Assert.Equal(Keccak256.Hash([0xc2, 0x20, 0x05]), root);
    }

    [Fact]
    public void ShortNodes_AreEmbeddedInTheirParent()
    {
        // Keys 0x01 and 0x02 share nibble 0: an extension (odd path: 0x10) to a branch whose slots
        // 1 and 2 hold leaves with empty paths. Each leaf (3 bytes) and the branch (22 bytes) are
        // under 32 bytes, so they appear inline rather than as hashes.
        var root = MerklePatriciaTrie.ComputeRoot([new([0x01], "x"u8.ToArray()), new([0x02], "y"u8.ToArray())]);

        var branch = new List<byte> { 0xd5, 0x80, 0xc2, 0x20, 0x78, 0xc2, 0x20, 0x79 };
        branch.AddRange(Enumerable.Repeat((byte)0x80, 14)); // slots 3..15 and the value slot
        Assert.Equal(22, branch.Count);
        var extension = new List<byte> { 0xd7, 0x10 };
        extension.AddRange(branch);
        Assert.Equal(Keccak256.Hash(extension.ToArray()), root);
    }

    [Fact]
    public void LongNodes_AreReferencedByHash()
    {
        // Two 40-byte values under keys 0x10 and 0x20: each leaf exceeds 32 bytes, so the root
        // branch holds their hashes.
        var v1 = Enumerable.Repeat((byte)0xaa, 40).ToArray();
        var v2 = Enumerable.Repeat((byte)0xbb, 40).ToArray();
        var root = MerklePatriciaTrie.ComputeRoot([new([0x10], v1), new([0x20], v2)]);

        static byte[] Leaf(byte[] value) => [0xea, 0x30, 0xa8, .. value]; // [odd leaf path "0", value]
        var branch = new List<byte> { 0xf8, 0x51, 0x80 };
        branch.Add(0xa0);
        branch.AddRange(Keccak256.Hash(Leaf(v1)).ToArray());
        branch.Add(0xa0);
        branch.AddRange(Keccak256.Hash(Leaf(v2)).ToArray());
        branch.AddRange(Enumerable.Repeat((byte)0x80, 14));
        Assert.Equal(2 + 0x51, branch.Count);
        Assert.Equal(Keccak256.Hash(branch.ToArray()), root);
    }

    [Fact]
    public void KeyThatPrefixesAnother_SitsInTheBranchValueSlot()
    {
        // "do" ends where "dog" continues: extension "do", then a branch with "verb" in slot 16.
        var expected = ReferenceTrie.Root([Pair("do", "verb"), Pair("dog", "puppy")]);
        Assert.Equal(expected, MerklePatriciaTrie.ComputeRoot([Pair("dog", "puppy"), Pair("do", "verb")]));
        Assert.Equal(
            Bytes32.Parse("0x8452568af70d8d140f58d941338542f645fcca50094b20f3c3d8c3df49337928"),
            MerklePatriciaTrie.ComputeRoot([Pair("test", "test"), Pair("te", "testy")]));
    }

    private static (string Json, bool Secure) Vectors(string file) => file switch
    {
        "trietest" => (TrieTestVectors.TrieTest, false),
        "trietest_secureTrie" => (TrieTestVectors.TrieTestSecure, true),
        "trieanyorder" => (TrieTestVectors.TrieAnyOrder, false),
        "trieanyorder_secureTrie" => (TrieTestVectors.TrieAnyOrderSecure, true),
        "hex_encoded_securetrie_test" => (TrieTestVectors.HexEncodedSecure, true),
        _ => throw new ArgumentOutOfRangeException(nameof(file), file, null),
    };

    /// <summary>The "in" of a vector: a list of [key, value|null] pairs, or an object of key: value.</summary>
    private static List<(byte[] Key, byte[] Value)> Pairs(JsonElement input)
    {
        var pairs = new List<(byte[], byte[])>();
        if (input.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in input.EnumerateObject())
                pairs.Add((Bytes(property.Name), Bytes(property.Value.GetString())));
        }
        else
        {
            foreach (var pair in input.EnumerateArray())
                pairs.Add((Bytes(pair[0].GetString()), Bytes(pair[1].GetString())));
        }
        return pairs;
    }

    private static byte[] Bytes(string? text) =>
        text is null ? [] : text.StartsWith("0x", StringComparison.Ordinal) ? Hex.Decode(text) : Encoding.UTF8.GetBytes(text);

    private static KeyValuePair<byte[], byte[]> Pair(string key, string value) =>
        new(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(value));
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Tests.Crypto;

public class Keccak256Tests
{
    // Published Keccak-256 digests (the original padding, as Ethereum uses; not SHA3-256).
    [Theory]
    [InlineData("", "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470")]
    [InlineData("abc", "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45")]
    [InlineData("The quick brown fox jumps over the lazy dog", "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "45d3b367a6904e6e8d502ee04999a7c27647f91fa845d456525fd352ae3d7371")]
    [InlineData(
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
        "f519747ed599024f3882238e5ab43960132572b7345fbeb9a90769dafd21ad67")]
    public void Hash_PublishedVector_Matches(string message, string digest)
    {
        var input = Oracles.Ascii(message);
        var output = new byte[32];
        Keccak256.Hash(input, output);
        Assert.Equal(digest, Hex.Encode(output, prefix: false));
        Assert.Equal(Bytes32.Parse(digest), Keccak256.Hash(input));
    }

    [Fact]
    public void Hash_OneMillionA_MatchesPublishedVector()
    {
        var input = new byte[1_000_000];
        input.AsSpan().Fill((byte)'a');
        Assert.Equal(
            Bytes32.Parse("fadae6b49f129bbb812be8407b7b2894f34aecf6dbd1f9b0f0c7e9853098fc96"),
            Keccak256.Hash(input));
    }

    [Fact]
    public void Hash_RandomInputsOfEveryLengthUpTo600_MatchesBouncyCastle()
    {
        var random = new Random(1);
        var output = new byte[32];
        foreach (int length in Oracles.Lengths)
        {
            var input = Oracles.RandomBytes(random, length);
            Keccak256.Hash(input, output);
            Assert.True(Oracles.Keccak256(input).AsSpan().SequenceEqual(output), $"length {length}");
        }
    }

    [Fact]
    public void Hasher_RandomChunks_EqualsOneShot()
    {
        var random = new Random(2);
        for (int trial = 0; trial < 300; trial++)
        {
            var input = Oracles.RandomBytes(random, random.Next(0, 1200));
            var hasher = new Keccak256.Hasher();
            int offset = 0;
            while (offset < input.Length)
            {
                int chunk = Math.Min(input.Length - offset, random.Next(0, 300));
                hasher.Update(input.AsSpan(offset, chunk));
                offset += chunk;
            }
            var output = new byte[32];
            hasher.Finish(output);
            Assert.Equal(Keccak256.Hash(input), hasher.Finish());
            Assert.Equal(Keccak256.Hash(input).ToArray(), output);
        }
    }

    [Fact]
    public void Hasher_FinishThenUpdate_ContinuesTheSameMessage()
    {
        var hasher = default(Keccak256.Hasher);
        hasher.Update(Oracles.Ascii("ab"));
        Assert.Equal(Keccak256.Hash(Oracles.Ascii("ab")), hasher.Finish());
        hasher.Update(Oracles.Ascii("c"));
        Assert.Equal(Keccak256.Hash(Oracles.Ascii("abc")), hasher.Finish());
        hasher.Reset();
        Assert.Equal(Keccak256.Hash([]), hasher.Finish());
    }

    [Fact]
    public void Instance_ThroughInterface_MatchesStatic()
    {
        IHashFunction hash = Keccak256.Instance;
        var output = new byte[40];
        hash.Hash(Oracles.Ascii("abc"), output);
        Assert.Equal("keccak256", hash.Name);
        Assert.Equal(32, hash.OutputSize);
        Assert.Equal(Keccak256.Hash(Oracles.Ascii("abc")).ToArray(), output[..32]);
        Assert.All(output[32..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void Hash_OutputTooSmall_Throws() =>
        Assert.Throws<ArgumentException>(() => Keccak256.Hash([1, 2, 3], new byte[31]));
}

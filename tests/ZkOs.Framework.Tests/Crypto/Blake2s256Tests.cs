// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Tests.Crypto;

public class Blake2s256Tests
{
    // RFC 7693 appendix B ("abc") and the reference implementation's empty-input digest.
    [Theory]
    [InlineData("", "69217a3079908094e11121d042354a7c1f55b6482ca1a51e1b250dfd1ed0eef9")]
    [InlineData("abc", "508c5e8c327c14e2e1a72ba34eeb452f37458b209ed63a294d999b4c86675982")]
    public void Hash_PublishedVector_Matches(string message, string digest)
    {
        var input = Oracles.Ascii(message);
        var output = new byte[32];
        Blake2s256.Hash(input, output);
        Assert.Equal(digest, Hex.Encode(output, prefix: false));
        Assert.Equal(Bytes32.Parse(digest), Blake2s256.Hash(input));
    }

    [Fact]
    public void Hash_RandomInputsOfEveryLengthUpTo600_MatchesBouncyCastle()
    {
        var random = new Random(3);
        var output = new byte[32];
        foreach (int length in Oracles.Lengths)
        {
            var input = Oracles.RandomBytes(random, length);
            Blake2s256.Hash(input, output);
            Assert.True(Oracles.Blake2s256(input).AsSpan().SequenceEqual(output), $"length {length}");
        }
    }

    [Fact]
    public void Hash_LongInput_MatchesBouncyCastle()
    {
        var input = Oracles.RandomBytes(new Random(4), 1_000_003);
        Assert.Equal(Oracles.Blake2s256(input), Blake2s256.Hash(input).ToArray());
    }

    [Fact]
    public void Hasher_RandomChunks_EqualsOneShot()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 300; trial++)
        {
            var input = Oracles.RandomBytes(random, random.Next(0, 700));
            var hasher = new Blake2s256.Hasher();
            int offset = 0;
            while (offset < input.Length)
            {
                int chunk = Math.Min(input.Length - offset, random.Next(0, 150));
                hasher.Update(input.AsSpan(offset, chunk));
                offset += chunk;
            }
            var output = new byte[32];
            hasher.Finish(output);
            Assert.Equal(Blake2s256.Hash(input), hasher.Finish());
            Assert.Equal(Blake2s256.Hash(input).ToArray(), output);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(128)]
    public void Hasher_DefaultStruct_IsAFreshHasher(int length)
    {
        var input = Oracles.RandomBytes(new Random(length), length);
        Blake2s256.Hasher hasher = default;
        hasher.Update(input);
        Assert.Equal(Blake2s256.Hash(input), hasher.Finish());
        hasher.Update(input);
        Assert.Equal(Blake2s256.Hash([.. input, .. input]), hasher.Finish());
        hasher.Reset();
        Assert.Equal(Blake2s256.Hash([]), hasher.Finish());
    }

    [Fact]
    public void Instance_ThroughInterface_MatchesStatic()
    {
        IHashFunction hash = Blake2s256.Instance;
        var output = new byte[32];
        hash.Hash(Oracles.Ascii("abc"), output);
        Assert.Equal("blake2s256", hash.Name);
        Assert.Equal(32, hash.OutputSize);
        Assert.Equal(Blake2s256.Hash(Oracles.Ascii("abc")).ToArray(), output);
    }

    [Fact]
    public void Hash_OutputTooSmall_Throws() =>
        Assert.Throws<ArgumentException>(() => Blake2s256.Hash([1, 2, 3], new byte[31]));
}

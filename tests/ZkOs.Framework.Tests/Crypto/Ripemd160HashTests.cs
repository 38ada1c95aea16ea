// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Tests.Crypto;

public class Ripemd160HashTests
{
    // Vectors from the RIPEMD-160 authors' page.
    [Theory]
    [InlineData("", "9c1185a5c5e9fc54612808977ee8f548b2258d31")]
    [InlineData("abc", "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc")]
    [InlineData("message digest", "5d0689ef49d2fae572b881b123a85ffa21595f36")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "12a053384a9c0c88e405a06c27dcf49ada62eb2b")]
    public void Hash_PublishedVector_Matches(string message, string digest)
    {
        var output = new byte[20];
        Ripemd160Hash.Hash(Oracles.Ascii(message), output);
        Assert.Equal(digest, Hex.Encode(output, prefix: false));
    }

    [Theory]
    [InlineData("1234567890", 8, "9b752e45573d4b39f4dbd3323cab82bf63326bfb")]
    [InlineData("a", 1_000_000, "52783243c1697bdbe16d37f97f68f08325dc1528")]
    public void Hash_RepeatedText_MatchesPublishedVector(string unit, int count, string digest)
    {
        // The million-byte vector is fed through many internal chunks.
        var input = Oracles.Ascii(string.Concat(Enumerable.Repeat(unit, count)));
        var output = new byte[20];
        ((IHashFunction)Ripemd160Hash.Instance).Hash(input, output);
        Assert.Equal(digest, Hex.Encode(output, prefix: false));
    }

    [Fact]
    public void Instance_Metadata_IsRipemd160()
    {
        IHashFunction hash = Ripemd160Hash.Instance;
        Assert.Equal("ripemd160", hash.Name);
        Assert.Equal(20, hash.OutputSize);
    }
}

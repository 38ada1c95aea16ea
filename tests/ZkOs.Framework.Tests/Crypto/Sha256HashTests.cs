// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Tests.Crypto;

public class Sha256HashTests
{
    // FIPS 180-4 examples.
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void Hash_PublishedVector_Matches(string message, string digest)
    {
        var input = Oracles.Ascii(message);
        var output = new byte[32];
        IHashFunction hash = Sha256Hash.Instance;
        hash.Hash(input, output);
        Assert.Equal(digest, Hex.Encode(output, prefix: false));
        Assert.Equal(Bytes32.Parse(digest), Sha256Hash.Hash(input));
        Assert.Equal("sha256", hash.Name);
        Assert.Equal(32, hash.OutputSize);
    }

    [Fact]
    public void Hash_OutputTooSmall_Throws() =>
        Assert.Throws<ArgumentException>(() => Sha256Hash.Hash([1], new byte[31]));
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Tests.Primitives;

public class AddressTests
{
    private const string Sample = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";

    // Every example listed in EIP-55.
    [Theory]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7")]
    [InlineData("0x8617E340B3D01FA5F11F306F4090FD50E238070D")]
    [InlineData("0xde709f2102306220921060314715629080e2fb77")]
    [InlineData("0x27b1fdb04752bbc536007a920d24acb045561c26")]
    [InlineData("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")]
    [InlineData("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359")]
    [InlineData("0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB")]
    [InlineData("0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")]
    public void ToChecksumString_Eip55Example_MatchesTheEip(string checksummed)
    {
        var address = Address.Parse(checksummed.ToLowerInvariant());
        Assert.Equal(checksummed, address.ToChecksumString());
    }

    [Theory]
    [InlineData(Sample)]
    [InlineData("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")]
    [InlineData("0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED")]
    public void Parse_FortyDigits_AcceptsAnyCaseAndPrefix(string text) =>
        Assert.Equal(Sample, Address.Parse(text).ToString());

    [Theory]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea", "expected 40 hex digits for an address, got 38", 40)]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed00", "expected 40 hex digits for an address, got 42", 42)]
    [InlineData("", "expected 40 hex digits for an address, got 0", 0)]
    [InlineData("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaez", "invalid hex digit 'z' at index 41", 41)]
    public void Parse_BadText_ThrowsWithMessageAndPosition(string text, string message, int position)
    {
        var ex = Assert.Throws<HexFormatException>(() => Address.Parse(text));
        Assert.Equal(message, ex.Message);
        Assert.Equal(position, ex.Position);
        Assert.False(Address.TryParse(text, out var parsed));
        Assert.Equal(Address.Zero, parsed);
    }

    [Fact]
    public void TryParse_ValidText_ReturnsAddress()
    {
        Assert.True(Address.TryParse(Sample, out var address));
        Assert.Equal(Address.Parse(Sample), address);
    }

    [Fact]
    public void Constructor_WrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => new Address(new byte[19]));

    [Fact]
    public void WriteTo_Bytes_RoundTripsThroughConstructor()
    {
        var bytes = Hex.Decode(Sample);
        var address = new Address(bytes);
        var written = new byte[Address.Size];
        address.WriteTo(written);
        Assert.Equal(bytes, written);
        Assert.Equal(bytes, address.ToArray());
    }

    [Fact]
    public void FromUInt64_SystemAddress_HasValueInLowBytes()
    {
        Assert.Equal("0x0000000000000000000000000000000000008001", Address.FromUInt64(0x8001).ToString());
        Assert.Equal(new UInt256(0x8001), Address.FromUInt64(0x8001).ToUInt256());
        Assert.Equal("0x0000000000000000000000000102030405060708", Address.FromUInt64(0x0102030405060708).ToString());
    }

    [Fact]
    public void FromUInt256_WideValue_KeepsLow160Bits()
    {
        // Word bytes 0x00..0x1f big-endian: the address is bytes 12..31.
        var word = new UInt256(0x18191A1B1C1D1E1F, 0x1011121314151617, 0x08090A0B0C0D0E0F, 0x0001020304050607);
        var address = Address.FromUInt256(word);
        Assert.Equal("0x0c0d0e0f101112131415161718191a1b1c1d1e1f", address.ToString());
        Assert.Equal(new UInt256(0x18191A1B1C1D1E1F, 0x1011121314151617, 0x0C0D0E0F), address.ToUInt256());
    }

    [Fact]
    public void CompareTo_RandomAddresses_MatchesByteWiseOrder()
    {
        var random = new Random(11);
        for (int i = 0; i < 500; i++)
        {
            var a = new byte[Address.Size];
            var b = new byte[Address.Size];
            random.NextBytes(a);
            random.NextBytes(b);
            // Share a random-length prefix so later words decide too.
            a.AsSpan(0, random.Next(Address.Size + 1)).CopyTo(b);
            int expected = Math.Sign(a.AsSpan().SequenceCompareTo(b));
            Assert.Equal(expected, Math.Sign(new Address(a).CompareTo(new Address(b))));
            Assert.Equal(expected == 0, new Address(a) == new Address(b));
        }
    }

    [Fact]
    public void Equality_SameBytes_EqualWithEqualHash()
    {
        var a = Address.Parse(Sample);
        var b = new Address(Hex.Decode(Sample));
        Assert.True(a == b);
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Address.Zero);
        Assert.True(Address.Zero.IsZero);
    }

    [Fact]
    public void GetHashCode_SystemAddressRange_HasFewCollisions()
    {
        var hashes = new HashSet<int>();
        for (ulong i = 0; i < 4096; i++)
            hashes.Add(Address.FromUInt64(0x8000 + i).GetHashCode());
        Assert.True(hashes.Count > 4000, $"{hashes.Count} distinct hashes");
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Tests.Encoding;

/// <summary>The examples of the Ethereum RLP specification (ethereum.org, "Recursive-length prefix").</summary>
public class RlpSpecExampleTests
{
    private const string Lorem = "Lorem ipsum dolor sit amet, consectetur adipisicing elit";

    [Theory]
    [InlineData("dog", "83646f67")]
    [InlineData("", "80")]
    [InlineData("\u0000", "00")]
    [InlineData("\u000f", "0f")]
    [InlineData("\u0080", "8180")]
    [InlineData(Lorem, "b838" + "4c6f72656d20697073756d20646f6c6f722073697420616d65742c20636f6e7365637465747572206164697069736963696e6720656c6974")]
    public void EncodeBytes_SpecString_MatchesSpec(string text, string encoding)
    {
        var bytes = RlpTestData.Latin1(text);
        Assert.Equal(encoding, Hex.Encode(Rlp.EncodeBytes(bytes), prefix: false));
        Assert.Equal(encoding.Length / 2, RlpLength.OfBytes(bytes));

        var reader = new RlpReader(Hex.Decode(encoding));
        Assert.Equal(RlpKind.String, reader.PeekKind());
        Assert.Equal(bytes, reader.ReadBytes().ToArray());
        reader.RequireEnd();
    }

    [Theory]
    [InlineData(55, "b7")]
    [InlineData(56, "b838")]
    [InlineData(255, "b8ff")]
    [InlineData(256, "b90100")]
    [InlineData(65535, "b9ffff")]
    [InlineData(65536, "ba010000")]
    public void EncodeBytes_LengthBoundary_UsesMinimalLengthBytes(int length, string header)
    {
        var bytes = new byte[length];
        bytes.AsSpan().Fill(0xAB);
        var encoded = Rlp.EncodeBytes(bytes);
        Assert.Equal(header, Hex.Encode(encoded.AsSpan(0, header.Length / 2), prefix: false));
        Assert.Equal(header.Length / 2, RlpLength.OfHeader(length));
        Assert.Equal(encoded.Length, RlpLength.OfBytes(bytes));

        var reader = new RlpReader(encoded);
        Assert.Equal(length, reader.ReadBytes().Length);
        reader.RequireEnd();
    }

    [Theory]
    [InlineData(0UL, "80")]
    [InlineData(15UL, "0f")]
    [InlineData(127UL, "7f")]
    [InlineData(128UL, "8180")]
    [InlineData(1024UL, "820400")]
    [InlineData(ulong.MaxValue, "88ffffffffffffffff")]
    public void EncodeUInt64_SpecInteger_MatchesSpec(ulong value, string encoding)
    {
        Assert.Equal(encoding, Hex.Encode(Rlp.EncodeUInt64(value), prefix: false));
        Assert.Equal(encoding, Hex.Encode(Rlp.EncodeUInt256(new UInt256(value)), prefix: false));
        Assert.Equal(encoding.Length / 2, RlpLength.OfUInt64(value));

        var reader = new RlpReader(Hex.Decode(encoding));
        Assert.Equal(value, reader.ReadUInt64());
        reader.RequireEnd();
        reader = new RlpReader(Hex.Decode(encoding));
        Assert.Equal(new UInt256(value), reader.ReadUInt256());
    }

    [Fact]
    public void EncodeList_CatDog_MatchesSpec()
    {
        var encoded = Rlp.EncodeList(Rlp.EncodeBytes("cat"u8), Rlp.EncodeBytes("dog"u8));
        Assert.Equal("c88363617483646f67", Hex.Encode(encoded, prefix: false));

        var reader = new RlpReader(encoded);
        Assert.Equal(RlpKind.List, reader.PeekKind());
        var list = reader.EnterList();
        reader.RequireEnd();
        Assert.Equal("cat"u8.ToArray(), list.ReadBytes().ToArray());
        Assert.Equal("dog"u8.ToArray(), list.ReadBytes().ToArray());
        Assert.True(list.IsEnd);
        list.RequireEnd();
    }

    [Fact]
    public void EncodeList_Empty_IsC0()
    {
        Assert.Equal([0xC0], Rlp.EncodeList());
        var reader = new RlpReader([0xC0]);
        Assert.True(reader.EnterList().IsEnd);
        reader.RequireEnd();
    }

    [Fact]
    public void EncodeList_SetTheoreticThree_MatchesSpec()
    {
        // [ [], [[]], [ [], [[]] ] ]
        byte[] empty = Rlp.EncodeList();
        byte[] one = Rlp.EncodeList(empty);
        byte[] two = Rlp.EncodeList(empty, one);
        byte[] three = Rlp.EncodeList(empty, one, two);
        Assert.Equal("c7c0c1c0c3c0c1c0", Hex.Encode(three, prefix: false));
        Assert.Equal(three, RlpTestData.Encode(RlpTestData.Decode(three)));
    }

    [Fact]
    public void EncodeList_LongPayload_UsesLongForm()
    {
        // 60 one-byte items: a 60-byte payload needs the 0xf8 form.
        var items = Enumerable.Repeat(Rlp.EncodeUInt64(1), 60).ToArray();
        var encoded = Rlp.EncodeList(items);
        Assert.Equal([0xF8, 60], encoded[..2]);
        Assert.Equal(62, RlpLength.OfList(60));
        var list = new RlpReader(encoded).EnterList();
        for (int i = 0; i < 60; i++)
            Assert.Equal(1UL, list.ReadUInt64());
        list.RequireEnd();
    }

    [Fact]
    public void Writer_MixedItems_MatchesConvenienceEncoders()
    {
        var address = Address.Parse("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed");
        var word = Bytes32.Parse("0x000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        var big = new UInt256(1, 2, 3, 4);
        int payload = RlpLength.OfAddress + RlpLength.OfBytes32 + RlpLength.OfUInt256(big) + RlpLength.OfUInt64(1000);
        var buffer = new byte[RlpLength.OfList(payload)];
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(payload);
        writer.WriteAddress(address);
        writer.WriteBytes32(word);
        writer.WriteUInt256(big);
        writer.WriteUInt64(1000);
        Assert.Equal(buffer.Length, writer.Position);
        Assert.Equal(0, writer.Remaining);

        var expected = Rlp.EncodeList(
            Rlp.EncodeAddress(address), Rlp.EncodeBytes32(word), Rlp.EncodeUInt256(big), Rlp.EncodeUInt64(1000));
        Assert.Equal(expected, buffer);

        var list = new RlpReader(buffer).EnterList();
        Assert.Equal(address, list.ReadAddress());
        Assert.Equal(word, list.ReadBytes32());
        Assert.Equal(big, list.ReadUInt256());
        Assert.Equal(1000UL, list.ReadUInt64());
        list.RequireEnd();
    }

    [Fact]
    public void ReadAddressOrEmpty_EmptyString_ReturnsFalse()
    {
        var address = Address.FromUInt64(0x8001);
        var reader = new RlpReader(Rlp.EncodeList(Rlp.EncodeBytes([]), Rlp.EncodeAddress(address))).EnterList();
        Assert.False(reader.ReadAddressOrEmpty(out var none));
        Assert.Equal(Address.Zero, none);
        Assert.True(reader.ReadAddressOrEmpty(out var some));
        Assert.Equal(address, some);
    }

    [Fact]
    public void ReadEncodedItemAndSkip_List_ReturnWholeItems()
    {
        var inner = Rlp.EncodeList(Rlp.EncodeBytes("cat"u8));
        var encoded = Rlp.EncodeList(inner, Rlp.EncodeUInt64(7), Rlp.EncodeBytes("dog"u8));
        var list = new RlpReader(encoded).EnterList();
        Assert.Equal(inner, list.ReadEncodedItem().ToArray());
        list.SkipItem();
        Assert.Equal(7, list.Position);
        Assert.Equal(4, list.Remaining);
        Assert.Equal("dog"u8.ToArray(), list.ReadBytes().ToArray());
        list.RequireEnd();
    }

    [Fact]
    public void Writer_BufferTooSmall_Throws()
    {
        var buffer = new byte[3];
        Assert.Throws<ArgumentException>(() => new RlpWriter(buffer).WriteBytes("dog"u8));
    }
}

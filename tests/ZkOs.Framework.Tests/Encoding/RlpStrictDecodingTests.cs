// SPDX-License-Identifier: MIT
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Tests.Encoding;

public class RlpStrictDecodingTests
{
    /// <summary>What the reader is asked to do with the input.</summary>
    public enum Action
    {
        Bytes,
        UInt64,
        UInt256,
        Address,
        AddressOrEmpty,
        Bytes32,
        List,
        StringInList,
        UInt64InList,
        OneItemThenEnd,
        Tree,
    }

    // One or more rows per RlpError kind; offsets count from the start of the whole input.
    [Theory]
    [InlineData("", Action.Bytes, RlpError.UnexpectedEnd, 0)]
    [InlineData("c0", Action.StringInList, RlpError.UnexpectedEnd, 1)]
    [InlineData("83646f", Action.Bytes, RlpError.LengthBeyondInput, 0)]
    [InlineData("b8", Action.Bytes, RlpError.LengthBeyondInput, 0)]
    [InlineData("b9ff", Action.Bytes, RlpError.LengthBeyondInput, 0)]
    [InlineData("b83a00", Action.Bytes, RlpError.LengthBeyondInput, 0)]
    [InlineData("c383646f", Action.StringInList, RlpError.LengthBeyondInput, 1)]
    [InlineData("c2c3808080", Action.Tree, RlpError.LengthBeyondInput, 1)]
    [InlineData("bfffffffffffffffff", Action.Bytes, RlpError.LengthBeyondInput, 0)]
    [InlineData("8105", Action.Bytes, RlpError.NonCanonicalSingleByte, 0)]
    [InlineData("817f", Action.UInt64, RlpError.NonCanonicalSingleByte, 0)]
    [InlineData("b80161", Action.Bytes, RlpError.NonCanonicalLongLength, 0)]
    [InlineData("f80180", Action.List, RlpError.NonCanonicalLongLength, 0)]
    [InlineData("b90038", Action.Bytes, RlpError.LengthLeadingZero, 0)]
    [InlineData("f9003880", Action.List, RlpError.LengthLeadingZero, 0)]
    [InlineData("8080", Action.OneItemThenEnd, RlpError.TrailingBytes, 1)]
    [InlineData("c0c0", Action.OneItemThenEnd, RlpError.TrailingBytes, 1)]
    [InlineData("00", Action.UInt64, RlpError.ScalarLeadingZero, 0)]
    [InlineData("820001", Action.UInt64, RlpError.ScalarLeadingZero, 0)]
    [InlineData("c3820001", Action.UInt64InList, RlpError.ScalarLeadingZero, 1)]
    [InlineData("a000ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", Action.UInt256, RlpError.ScalarLeadingZero, 0)]
    [InlineData("89010000000000000000", Action.UInt64, RlpError.ScalarTooLong, 0)]
    [InlineData("a1010000000000000000000000000000000000000000000000000000000000000000", Action.UInt256, RlpError.ScalarTooLong, 0)]
    [InlineData("c0", Action.Bytes, RlpError.ExpectedString, 0)]
    [InlineData("c0", Action.UInt64, RlpError.ExpectedString, 0)]
    [InlineData("80", Action.List, RlpError.ExpectedList, 0)]
    [InlineData("05", Action.List, RlpError.ExpectedList, 0)]
    [InlineData("930102030405060708090a0b0c0d0e0f10111213", Action.Address, RlpError.WrongLength, 0)]
    [InlineData("820102", Action.AddressOrEmpty, RlpError.WrongLength, 0)]
    [InlineData("80", Action.Address, RlpError.WrongLength, 0)]
    [InlineData("9f0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", Action.Bytes32, RlpError.WrongLength, 0)]
    public void Reader_MalformedInput_ThrowsTheMatchingError(string hex, Action action, RlpError error, int offset)
    {
        var input = Hex.Decode(hex);
        var ex = Assert.Throws<RlpException>(() => Run(action, input));
        Assert.Equal(error, ex.Error);
        Assert.Equal(offset, ex.Offset);
        Assert.StartsWith($"invalid RLP at offset {offset}: ", ex.Message);
    }

    [Fact]
    public void Reader_EveryErrorKind_HasARow()
    {
        var covered = typeof(RlpStrictDecodingTests)
            .GetMethod(nameof(Reader_MalformedInput_ThrowsTheMatchingError))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false)
            .Cast<InlineDataAttribute>()
            .Select(row => (RlpError)row.GetData(null!).Single()[2])
            .ToHashSet();
        Assert.Equal(Enum.GetValues<RlpError>().ToHashSet(), covered);
    }

    [Theory]
    [InlineData("8105", "byte 0x05 is wrapped as a one-byte string; it must be encoded as itself")]
    [InlineData("b80161", "the long length form is used for a payload of 1 bytes; below 56 the short form is required")]
    [InlineData("83646f", "the header declares 3 payload bytes but only 2 remain")]
    [InlineData("8080", "1 unexpected bytes after the last expected item")]
    public void Reader_MalformedInput_MessageSaysWhat(string hex, string detail)
    {
        var ex = Assert.Throws<RlpException>(() => Run(Action.OneItemThenEnd, Hex.Decode(hex)));
        Assert.EndsWith(detail, ex.Message);
    }

    [Fact]
    public void PeekKind_AtEnd_ThrowsUnexpectedEnd()
    {
        var ex = Assert.Throws<RlpException>(() => new RlpReader([]).PeekKind());
        Assert.Equal(RlpError.UnexpectedEnd, ex.Error);
    }

    private static void Run(Action action, byte[] input)
    {
        var reader = new RlpReader(input);
        switch (action)
        {
            case Action.Bytes:
                reader.ReadBytes();
                break;
            case Action.UInt64:
                reader.ReadUInt64();
                break;
            case Action.UInt256:
                reader.ReadUInt256();
                break;
            case Action.Address:
                reader.ReadAddress();
                break;
            case Action.AddressOrEmpty:
                reader.ReadAddressOrEmpty(out _);
                break;
            case Action.Bytes32:
                reader.ReadBytes32();
                break;
            case Action.List:
                reader.EnterList();
                break;
            case Action.StringInList:
                reader.EnterList().ReadBytes();
                break;
            case Action.UInt64InList:
                reader.EnterList().ReadUInt64();
                break;
            case Action.OneItemThenEnd:
                reader.SkipItem();
                reader.RequireEnd();
                break;
            case Action.Tree:
                RlpTestData.Decode(input);
                break;
        }
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.System.Io;

namespace ZkOs.System.Tests.Io;

/// <summary>BLOCKHASH's window, and the record of reads in it the block context could not answer.</summary>
public sealed class IoSubsystemBlockHashTests
{
    private static readonly UInt256 _parentHash = UInt256.Parse("0x1234");

    private static IoSubsystem WithParentHashOnly()
    {
        var io = new IoSubsystem(IoRules.Ethereum);
        io.BeginBlock(new BlockContext { Number = 1000 }, [_parentHash]);
        io.BeginTransaction(default);
        return io;
    }

    [Fact]
    public void GetBlockHash_SuppliedHash_IsAnsweredAndNotRecorded()
    {
        var io = WithParentHashOnly();

        Assert.Equal(_parentHash, io.GetBlockHash(999));
        Assert.Empty(io.UnknownBlockHashReads);
    }

    [Fact]
    public void GetBlockHash_InTheWindowButNotSupplied_AnswersZeroAndIsRecorded()
    {
        var io = WithParentHashOnly();

        Assert.Equal(UInt256.Zero, io.GetBlockHash(998));
        Assert.Equal(UInt256.Zero, io.GetBlockHash(744));
        Assert.Equal(UInt256.Zero, io.GetBlockHash(998));

        Assert.Equal([744UL, 998UL], io.UnknownBlockHashReads.Order());
    }

    [Theory]
    [InlineData(1000UL)] // the current block
    [InlineData(1001UL)] // a future block
    [InlineData(743UL)]  // 257 back: outside the window, zero by the rules
    public void GetBlockHash_OutsideTheWindow_IsZeroByTheRulesAndNotRecorded(ulong number)
    {
        var io = WithParentHashOnly();

        Assert.Equal(UInt256.Zero, io.GetBlockHash(number));
        Assert.Empty(io.UnknownBlockHashReads);
    }

    [Fact]
    public void BeginTransaction_ForgetsThePreviousTransactionsReads()
    {
        var io = WithParentHashOnly();
        io.GetBlockHash(900);

        io.BeginTransaction(default);

        Assert.Empty(io.UnknownBlockHashReads);
    }
}

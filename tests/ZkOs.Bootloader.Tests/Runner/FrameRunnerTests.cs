// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Runner;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.Samples.StackVm;
using ZkOs.System.Io;
using ZkOs.System.Precompiles;

namespace ZkOs.Bootloader.Tests.Runner;

/// <summary>
/// The runner with the sample VM as the code EE: nested calls, rollback of reverted frames, the depth
/// limit on an explicit stack, and out-of-native ending everything. StackVm programs are hex; see
/// samples/StackVm/Tables/stackvm.opcodes.csv.
/// </summary>
public class FrameRunnerTests
{
    private static readonly Address Sender = Address.FromUInt64(0xA11CE);
    private static readonly Address ContractA = Address.FromUInt64(0xAAAA);
    private static readonly Address ContractB = Address.FromUInt64(0xBBBB);

    // CALL pops ergs, callee, argument (argument on top) and pushes the callee's first return word and a success flag.
    private const string PushMaxErgs = "23ffffffffffffffff";

    [Fact]
    public void Call_NestedFrame_ReturnsTheCalleesWord()
    {
        // A: call B with argument 5, return B's word. B: return ARG * 3.
        var (runner, _) = Setup(
            (ContractA, PushMaxErgs + "21bbbb" + "2005" + "60" + "10" + "f0"),
            (ContractB, "43" + "2003" + "03" + "f0"));

        var outcome = runner.Call(Sender, ContractA, UInt256.Zero, ReadOnlyMemory<byte>.Empty, Budget);

        Assert.True(outcome.IsSuccess);
        Assert.Equal(new UInt256(15), UInt256.ReadBigEndian(outcome.ReturnData.Span));
    }

    [Fact]
    public void Call_CalleeReverts_ItsWritesRollBackAndTheCallersStay()
    {
        // A: slot 1 = 7, call B, return the flag. B: slot 2 = 9, then REVERT.
        var (runner, io) = Setup(
            (ContractA, "2007" + "2001" + "51" + PushMaxErgs + "21bbbb" + "2000" + "60" + "f0"),
            (ContractB, "2009" + "2002" + "51" + "2000" + "f1"));

        var outcome = runner.Call(Sender, ContractA, UInt256.Zero, ReadOnlyMemory<byte>.Empty, Budget);

        Assert.True(outcome.IsSuccess);
        Assert.Equal(UInt256.Zero, UInt256.ReadBigEndian(outcome.ReturnData.Span));
        Assert.Equal(new UInt256(7), io.CurrentSlot(ContractA, UInt256.One));
        Assert.Equal(UInt256.Zero, io.CurrentSlot(ContractB, new UInt256(2)));
    }

    [Fact]
    public void Call_EntryFrameReverts_EverythingRollsBack()
    {
        // A: slot 1 = 7, call B (which writes slot 2), then REVERT.
        var (runner, io) = Setup(
            (ContractA, "2007" + "2001" + "51" + PushMaxErgs + "21bbbb" + "2000" + "60" + "f1"),
            (ContractB, "2009" + "2002" + "51" + "00"));
        var snapshot = io.Snapshot();

        var outcome = runner.Call(Sender, ContractA, UInt256.Zero, ReadOnlyMemory<byte>.Empty, Budget);
        io.Rollback(snapshot);

        Assert.Equal(FrameStatus.Reverted, outcome.Status);
        Assert.Equal(UInt256.Zero, io.CurrentSlot(ContractA, UInt256.One));
        Assert.Equal(UInt256.Zero, io.CurrentSlot(ContractB, new UInt256(2)));
    }

    [Fact]
    public void Call_RecursionToTheLimit_StopsAtDepth1024WithoutRecursingInTheHost()
    {
        // Each frame calls itself with ARG + 1 and returns the callee's word, or its own ARG when the
        // call fails: the deepest frame that ran reports its depth.
        const string recurse = PushMaxErgs + "41" + "43" + "2001" + "01" + "60" + "2015" + "31" + "10" + "43" + "f0" + "f0";
        var (runner, _) = Setup((ContractA, recurse));

        var outcome = runner.Call(Sender, ContractA, UInt256.Zero, ReadOnlyMemory<byte>.Empty, new Resources(100_000_000, 100_000_000));

        Assert.True(outcome.IsSuccess);
        Assert.Equal(new UInt256(FrameRunner.MaxDepth), UInt256.ReadBigEndian(outcome.ReturnData.Span));
    }

    [Fact]
    public void Call_OutOfNativeInACallee_IsFatalAndRollsBackEveryFrame()
    {
        // A writes slot 1, then calls B, which loops until native runs out.
        var (runner, io) = Setup(
            (ContractA, "2007" + "2001" + "51" + PushMaxErgs + "21bbbb" + "2000" + "60" + "f0"),
            (ContractB, "2000" + "30"));
        var snapshot = io.Snapshot();

        var outcome = runner.Call(Sender, ContractA, UInt256.Zero, ReadOnlyMemory<byte>.Empty, new Resources(ulong.MaxValue / 2, 500_000));

        Assert.True(outcome.OutOfNative);
        Assert.Equal(ExecutionError.OutOfNative, outcome.Error);
        Assert.Equal(Resources.Empty, outcome.Remaining);
        Assert.Equal(UInt256.Zero, io.CurrentSlot(ContractA, UInt256.One));
        io.Rollback(snapshot);
    }

    [Fact]
    public void Call_AccountWithoutCode_SucceedsWithEmptyOutputAndSpendsNothing()
    {
        var (runner, _) = Setup();
        var account = Address.FromUInt64(0xC0DE);

        var outcome = runner.Call(Sender, account, UInt256.Zero, ReadOnlyMemory<byte>.Empty, Budget);

        Assert.True(outcome.IsSuccess);
        Assert.True(outcome.ReturnData.IsEmpty);
        Assert.Equal(Budget, outcome.Remaining);
    }

    [Fact]
    public void Call_CodeOfAnUnconfiguredEe_FailsTheCallAndNamesIt()
    {
        var (runner, io) = Setup((ContractA, PushMaxErgs + "21bbbb" + "2005" + "60" + "f0"));
        io.SeedAccount(ContractB, 1, UInt256.Zero, [0x00], [], eeType: 42);

        var outcome = runner.Call(Sender, ContractA, UInt256.Zero, ReadOnlyMemory<byte>.Empty, Budget);

        Assert.True(outcome.IsSuccess);
        Assert.Equal(UInt256.Zero, UInt256.ReadBigEndian(outcome.ReturnData.Span));
        Assert.Equal("execution environment type 42 is not configured", outcome.Unsupported);
    }

    [Fact]
    public void Call_RepeatedRuns_ReuseFramesAndGiveTheSameResult()
    {
        var (runner, _) = Setup(
            (ContractA, PushMaxErgs + "21bbbb" + "2005" + "60" + "10" + "f0"),
            (ContractB, "43" + "2003" + "03" + "f0"));

        // The output is the runner's buffer, reused by the next run: the first is copied to be kept.
        var first = runner.Call(Sender, ContractA, UInt256.Zero, ReadOnlyMemory<byte>.Empty, Budget);
        var firstOutput = first.ReturnData.ToArray();
        var second = runner.Call(Sender, ContractA, UInt256.Zero, ReadOnlyMemory<byte>.Empty, Budget);

        Assert.Equal(firstOutput, second.ReturnData.ToArray());
        Assert.Equal(first.Remaining, second.Remaining);
    }

    private static readonly Resources Budget = new(10_000_000, 10_000_000);

    private static (FrameRunner Runner, IoSubsystem Io) Setup(params (Address Address, string Code)[] contracts)
    {
        var io = new IoSubsystem(IoRules.ZkSync);
        foreach (var (address, code) in contracts)
        {
            io.SeedAccount(address, 1, UInt256.Zero, Hex.Decode(code), [], StackVmEnvironment.TypeByte);
        }
        io.BeginTransaction(default);
        var environments = new IExecutionEnvironment?[256];
        environments[StackVmEnvironment.TypeByte] = new StackVmEnvironment();
        return (new FrameRunner(environments, StackVmEnvironment.TypeByte, io, PrecompileSet.Cancun), io);
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Samples.StackVm.Tests;

/// <summary>
/// StackVm through the generated interpreter. Expected ergs and native are worked out by hand from
/// Tables/stackvm.*.csv: every instruction pays its row plus InstructionStep (5 native), and the frame
/// pays JumpAnalysisByte (2 native) per code byte before it starts.
/// </summary>
public class StackVmExecutionTests
{
    [Fact]
    public void AddTwoNumbers_Returns5_AndChargesTheTable()
    {
        // PUSH1 2, PUSH1 3, ADD, RETURN
        var result = StackVmRunner.Run("2002 2003 01 f0");

        Assert.Equal(FrameStatus.Returned, result.Completion.Status);
        Assert.Equal(new UInt256(5), StackVmRunner.Word(result.ReturnData));
        Assert.Equal(3UL + 3 + 3 + 0, result.ErgsUsed);
        // (2+5) + (2+5) + (4+5) + (0+5) for the instructions, 6 bytes * 2 for the analysis.
        Assert.Equal(28UL + 12, result.NativeUsed);
    }

    [Theory]
    [InlineData(0UL, 1UL)]
    [InlineData(1UL, 1UL)]
    [InlineData(5UL, 120UL)]
    [InlineData(20UL, 2432902008176640000UL)]
    public void Factorial_ReturnsNFactorial(ulong n, ulong expected)
    {
        var result = StackVmRunner.Run(StackVmRunner.Program("factorial.hex"), argument: n);

        Assert.Equal(FrameStatus.Returned, result.Completion.Status);
        Assert.Equal(new UInt256(expected), StackVmRunner.Word(result.ReturnData));
    }

    [Fact]
    public void Factorial5_ChargesExactly()
    {
        var result = StackVmRunner.Run(StackVmRunner.Program("factorial.hex"), argument: 5);

        // Prelude 109 ergs / 227 native; 5 loop turns of 203 / 416; the last check 19 / 31;
        // the epilogue 53 / 117; 30 code bytes of analysis, 60 native.
        Assert.Equal(109UL + 5 * 203 + 19 + 53, result.ErgsUsed);
        Assert.Equal(227UL + 5 * 416 + 31 + 117 + 60, result.NativeUsed);
        Assert.Equal(6, result.StorageWrites.Count);
    }

    [Fact]
    public void Stop_ReturnsNoData()
    {
        var result = StackVmRunner.Run("00");

        Assert.Equal(FrameStatus.Returned, result.Completion.Status);
        Assert.Empty(result.ReturnData);
    }

    [Fact]
    public void RunningOffTheEnd_StopsOnThePadding()
    {
        var result = StackVmRunner.Run("2001");

        Assert.Equal(FrameStatus.Returned, result.Completion.Status);
    }

    [Fact]
    public void Revert_ReturnsDataAndKeepsUnusedErgs()
    {
        var result = StackVmRunner.Run("2007 f1", ergs: 100);

        Assert.Equal(FrameStatus.Reverted, result.Completion.Status);
        Assert.Equal(new UInt256(7), StackVmRunner.Word(result.ReturnData));
        Assert.Equal(97UL, result.Completion.ResourcesReturned.Ergs);
    }

    [Theory]
    [InlineData("01", ExecutionError.StackUnderflow)]
    [InlineData("2001 01", ExecutionError.StackUnderflow)]
    [InlineData("ff", ExecutionError.InvalidOpcode)]
    [InlineData("2005 30", ExecutionError.InvalidJump)]          // 5 is past the end
    [InlineData("2004 30 2101 00", ExecutionError.InvalidJump)]  // 4 is PUSH2's first immediate byte
    [InlineData("2001 2099 31", ExecutionError.InvalidJump)]     // taken JUMPI to nowhere
    public void Faults_FailTheFrame_AndBurnAllErgs(string code, ExecutionError error)
    {
        var result = StackVmRunner.Run(code);

        Assert.Equal(FrameStatus.Failed, result.Completion.Status);
        Assert.Equal(error, result.Completion.Error);
        Assert.Equal(0UL, result.Completion.ResourcesReturned.Ergs);
    }

    [Fact]
    public void JumpToInstructionStart_IsTaken()
    {
        // PUSH1 5, JUMP, PUSH1 1 (skipped), 5: PUSH1 9, RETURN
        var result = StackVmRunner.Run("2005 30 2001 2009 f0");

        Assert.Equal(new UInt256(9), StackVmRunner.Word(result.ReturnData));
    }

    [Fact]
    public void StackOverflow_At1025Words_Faults()
    {
        // 1025 pushes of one byte each.
        var result = StackVmRunner.Run(string.Concat(Enumerable.Repeat("2001", 1025)));

        Assert.Equal(ExecutionError.StackOverflow, result.Completion.Error);
    }

    [Fact]
    public void Stack_Holds1024Words()
    {
        var result = StackVmRunner.Run(string.Concat(Enumerable.Repeat("2001", 1024)) + "f0");

        Assert.Equal(FrameStatus.Returned, result.Completion.Status);
    }

    [Fact]
    public void OutOfErgs_MidProgram_Faults()
    {
        // Each PUSH1 costs 3 ergs; 5 ergs pay for one.
        var result = StackVmRunner.Run("2001 2001 01 f0", ergs: 5);

        Assert.Equal(ExecutionError.OutOfErgs, result.Completion.Error);
        Assert.Equal(0UL, result.Completion.ResourcesReturned.Ergs);
    }

    [Fact]
    public void OutOfNative_MidProgram_Faults()
    {
        // The analysis takes 8 native and each PUSH1 7: 20 native pays for one.
        var result = StackVmRunner.Run("2001 2001 01 f0", native: 20);

        Assert.Equal(ExecutionError.OutOfNative, result.Completion.Error);
    }

    [Fact]
    public void Exp_InV1_IsInvalid_AndInV2_Works()
    {
        const string code = "2003 2002 0a f0"; // 2 ** 3

        Assert.Equal(ExecutionError.InvalidOpcode, StackVmRunner.Run(code, version: StackVmVersion.V1).Completion.Error);
        var v2 = StackVmRunner.Run(code, version: StackVmVersion.V2);
        Assert.Equal(new UInt256(8), StackVmRunner.Word(v2.ReturnData));
        // 3 + 3 + 10 static + 50 for the exponent's one byte.
        Assert.Equal(66UL, v2.ErgsUsed);
    }

    [Fact]
    public void Call_YieldsToTheRunner_AndResumesWithTheResult()
    {
        var result = StackVmRunner.Run(StackVmRunner.Program("call.hex"), ergs: 50_000);

        var call = Assert.Single(result.Calls);
        Assert.Equal(new UInt256(0x1234), call.Callee.ToUInt256());
        Assert.Equal(10_000UL, call.ErgsRequested);
        Assert.Equal(10_000UL, call.ErgsPassed);
        Assert.Equal(new UInt256(42), StackVmRunner.Word(call.Calldata));
        Assert.Equal(CallModifier.NoModifier, call.Modifier);
        Assert.Equal(UInt256.One, StackVmRunner.Word(result.ReturnData));
        // The callee spent nothing: only the program's own charges remain.
        Assert.Equal(3UL + 3 + 3 + 100 + 0, result.ErgsUsed);
    }

    [Fact]
    public void Storage_WriteThenRead_RoundTrips()
    {
        // PUSH1 77, PUSH1 1, SSTORE, PUSH1 1, SLOAD, RETURN
        var result = StackVmRunner.Run("204d 2001 51 2001 50 f0");

        Assert.Equal(new UInt256(77), StackVmRunner.Word(result.ReturnData));
        var write = Assert.Single(result.StorageWrites);
        Assert.Equal(UInt256.One, write.Key);
        Assert.Equal(new UInt256(77), write.Value);
    }

    [Fact]
    public void Log_EmitsAnEvent()
    {
        // PUSH1 9 (data), PUSH1 5 (topic), LOG, STOP
        var result = StackVmRunner.Run("2009 2005 52 00");

        var e = Assert.Single(result.Events);
        Assert.Equal([new UInt256(5)], e.Topics);
        Assert.Equal(new UInt256(9), StackVmRunner.Word(e.Data));
    }

    [Theory]
    [InlineData("2001 2001 51 00")] // SSTORE
    [InlineData("2001 2001 52 00")] // LOG
    public void StateChange_InStaticFrame_Faults(string code)
    {
        var result = StackVmRunner.Run(code, isStatic: true);

        Assert.Equal(ExecutionError.StaticStateChange, result.Completion.Error);
        Assert.Empty(result.StorageWrites);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void StaticFrame_CallsStatically()
    {
        var result = StackVmRunner.Run(StackVmRunner.Program("call.hex"), isStatic: true);

        Assert.Equal(CallModifier.Static, Assert.Single(result.Calls).Modifier);
    }

    [Fact]
    public void Frame_Reused_RunsALongerProgramCorrectly()
    {
        var environment = new StackVmEnvironment();
        var frame = environment.CreateFrame();
        var system = new ZkOs.Bootloader.Sandbox.SandboxSystem();

        // Return data is valid until the frame starts again: read each result before the next start.
        var first = frame.Start(system, Launch("2001 f0"));
        Assert.Equal(UInt256.One, StackVmRunner.Word(first.Completion.ReturnData.Span));
        var second = frame.Start(system, Launch(string.Concat(Enumerable.Repeat("2001", 200)) + string.Concat(Enumerable.Repeat("01", 199)) + "f0"));
        Assert.Equal(new UInt256(200), StackVmRunner.Word(second.Completion.ReturnData.Span));
    }

    private static FrameLaunch Launch(string hex) => new()
    {
        Bytecode = ZkOs.Framework.Primitives.Hex.Decode(hex.Replace(" ", "")),
        Resources = new Resources(1_000_000, 1_000_000),
    };
}

// SPDX-License-Identifier: MIT
using System.Reflection;
using ZkOs.Framework.Interpretation;

namespace ZkOs.Generators.Tests;

/// <summary>
/// Compiles the sample with its generated interpreter, loads it and runs bytecode through it: the
/// emitted checks, charges, handler calls and exits must behave as the README describes.
/// </summary>
public sealed class RuntimeTests
{
    private const int Frontier = 0;
    private const int Homestead = 1;
    private const int Shanghai = 2;

    // InstructionStep (20 native) is folded into every opcode; gas is 256 ergs.
    private const long Push1Ergs = 3 * 256;
    private const long Push1Native = 5 + 20;
    private const long AddErgs = 3 * 256;
    private const long AddNative = 23 + 20;
    private const long StopNative = 20;

    private static readonly Lazy<MethodInfo> _execute = new(Load);

    [Fact]
    public void AddsAndHalts()
    {
        var result = Execute([0x60, 2, 0x60, 3, 0x01, 0x00]);

        Assert.Equal(InterpreterExit.Halted, result.Exit);
        Assert.Equal(ExecutionError.None, result.Error);
        Assert.Equal(1, result.Depth);
        Assert.Equal(5UL, result.Top);
        Assert.Equal(6, result.PcOffset);
        Assert.Equal(1_000_000 - 2 * Push1Ergs - AddErgs, result.Ergs);
        Assert.Equal(1_000_000 - 2 * Push1Native - AddNative - StopNative, result.Native);
    }

    [Fact]
    public void RunningOffTheEndHitsThePaddingAndStops()
    {
        // PUSH2 with one immediate byte missing: the padding supplies it and then a 0x00.
        var result = Execute([0x61, 0x12]);

        Assert.Equal(InterpreterExit.Halted, result.Exit);
        Assert.Equal(0x1200UL, result.Top);
        Assert.Equal(4, result.PcOffset);
    }

    [Fact]
    public void UnderflowFaultsAtTheInstruction()
    {
        var result = Execute([0x60, 1, 0x01]);

        Assert.Equal(InterpreterExit.Faulted, result.Exit);
        Assert.Equal(ExecutionError.StackUnderflow, result.Error);
        Assert.Equal(2, result.PcOffset);
        Assert.Equal(1, result.Depth);
    }

    [Fact]
    public void OverflowFaultsAtCapacity()
    {
        // JUMPDEST; PUSH0; PUSH1 0; JUMP: pushes one word per iteration forever.
        var result = Execute([0x5b, 0x5f, 0x60, 0x00, 0x56], ergs: long.MaxValue, native: long.MaxValue);

        Assert.Equal(InterpreterExit.Faulted, result.Exit);
        Assert.Equal(ExecutionError.StackOverflow, result.Error);
        Assert.Equal(WordStack.Capacity, result.Depth);
    }

    [Fact]
    public void OutOfErgsClampsToZero()
    {
        var result = Execute([0x60, 1, 0x60, 2, 0x01, 0x00], ergs: Push1Ergs * 2 + 10);

        Assert.Equal(InterpreterExit.Faulted, result.Exit);
        Assert.Equal(ExecutionError.OutOfErgs, result.Error);
        Assert.Equal(0, result.Ergs);
        Assert.Equal(4, result.PcOffset);
    }

    [Fact]
    public void OutOfNativeClampsToZero()
    {
        var result = Execute([0x60, 1, 0x00], native: Push1Native - 1);

        Assert.Equal(ExecutionError.OutOfNative, result.Error);
        Assert.Equal(0, result.Native);
        Assert.Equal(0, result.PcOffset);
    }

    [Fact]
    public void OpcodesAfterTheActiveVersionAreInvalid()
    {
        Assert.Equal(ExecutionError.InvalidOpcode, Execute([0x5f, 0x00], version: Frontier).Error);
        Assert.Equal(ExecutionError.None, Execute([0x5f, 0x00], version: Shanghai).Error);
    }

    [Fact]
    public void UndefinedOpcodesAreInvalid()
    {
        var result = Execute([0x60, 1, 0x02]);

        Assert.Equal(ExecutionError.InvalidOpcode, result.Error);
        Assert.Equal(2, result.PcOffset);
    }

    [Fact]
    public void StaticFramesRejectStateChanges()
    {
        byte[] code = [0x60, 7, 0x60, 9, 0x55, 0x00];

        var normal = Execute(code);
        var inStatic = Execute(code, isStatic: true);

        Assert.Equal(InterpreterExit.Halted, normal.Exit);
        Assert.Equal((9UL, 7UL), (normal.LastKey, normal.LastValue));
        Assert.Equal(ExecutionError.StaticStateChange, inStatic.Error);
        Assert.Equal(4, inStatic.PcOffset);
    }

    [Fact]
    public void HandlersChargeDynamicCostsThroughTheContext()
    {
        // PUSH1 3; PUSH2 0x0100 (two exponent bytes); EXP; STOP. EXP charges 2 × ExpByte through ctx->State.
        var result = Execute([0x60, 3, 0x61, 0x01, 0x00, 0x0a, 0x00]);

        Assert.Equal(InterpreterExit.Halted, result.Exit);
        var expected = 1_000_000 - Push1Ergs - 3 * 256 - 10 * 256 - 2 * 50 * 256;
        Assert.Equal(expected, result.Ergs);
    }

    [Fact]
    public void AFailingHandlerFaultsWithItsOwnErrorAndKeepsItsCharges()
    {
        // EXP with too few ergs left for its dynamic charge.
        var result = Execute([0x60, 3, 0x61, 0x01, 0x00, 0x0a, 0x00], ergs: Push1Ergs + 3 * 256 + 10 * 256 + 50 * 256);

        Assert.Equal(InterpreterExit.Faulted, result.Exit);
        Assert.Equal(ExecutionError.OutOfErgs, result.Error);
        Assert.Equal(0, result.Ergs);
        Assert.Equal(5, result.PcOffset);
    }

    [Fact]
    public void JumpsGoWhereTheHandlerSays()
    {
        // PUSH1 4; JUMP; INVALID; JUMPDEST; PC; STOP → PC pushes 5.
        var result = Execute([0x60, 4, 0x56, 0xfe, 0x5b, 0x58, 0x00]);

        Assert.Equal(InterpreterExit.Halted, result.Exit);
        Assert.Equal(5UL, result.Top);
    }

    [Fact]
    public void ABadJumpFaultsAtTheJump()
    {
        var result = Execute([0x60, 3, 0x56, 0x00]);

        Assert.Equal(ExecutionError.InvalidJump, result.Error);
        Assert.Equal(2, result.PcOffset);
    }

    [Fact]
    public void YieldingOpcodesExitAndResume()
    {
        // PUSH1 ×3; CREATE (yields); DUP1; SWAP1; ADD; STOP.
        var result = Execute([0x60, 1, 0x60, 2, 0x60, 3, 0xf0, 0x80, 0x90, 0x01, 0x00], version: Homestead, ergs: 10_000_000);

        Assert.Equal(InterpreterExit.Halted, result.Exit);
        Assert.Equal(1, result.Yields);
        Assert.Equal(2 * 0xc0ffeeUL, result.Top);
    }

    [Fact]
    public void TerminatingHandlersRunBeforeTheHalt()
    {
        var ok = Execute([0x60, 32, 0x60, 0, 0xf3]);
        var tooBig = Execute([0x61, 0x10, 0x00, 0x60, 0, 0xf3]);

        Assert.Equal(InterpreterExit.Halted, ok.Exit);
        Assert.Equal(32UL, ok.ReturnSize);
        Assert.Equal(5, ok.PcOffset);
        Assert.Equal(0, ok.Depth);
        Assert.Equal(ExecutionError.MemoryLimit, tooBig.Error);
    }

    [Fact]
    public void ATracedRunCallsTheHookOncePerInstructionWithTheRegistersBeforeIt()
    {
        // PUSH1 4; JUMP; INVALID; JUMPDEST; PUSH1 2; PUSH1 3; ADD; STOP: the INVALID is jumped over.
        var result = Execute([0x60, 4, 0x56, 0xfe, 0x5b, 0x60, 2, 0x60, 3, 0x01, 0x00], traced: true);

        Assert.Equal(InterpreterExit.Halted, result.Exit);
        Assert.Equal([0L, 2, 4, 5, 7, 9, 10], result.Trace.Select(s => s.Pc));
        Assert.Equal([0, 1, 0, 0, 1, 2, 1], result.Trace.Select(s => s.Depth));
        const long Jump = 8 * 256, JumpDest = 1 * 256;
        Assert.Equal(
            [1_000_000, 1_000_000 - Push1Ergs, 1_000_000 - Push1Ergs - Jump, 1_000_000 - Push1Ergs - Jump - JumpDest],
            result.Trace.Take(4).Select(s => s.Ergs));
    }

    [Fact]
    public void TracingChangesNothingTheProgramSees()
    {
        // PUSH1 ×3; CREATE (yields, resumed); DUP1; SWAP1; ADD; STOP, and an EXP with a dynamic charge.
        byte[][] programs = [[0x60, 1, 0x60, 2, 0x60, 3, 0xf0, 0x80, 0x90, 0x01, 0x00], [0x60, 3, 0x61, 0x01, 0x00, 0x0a, 0x00]];
        foreach (var code in programs)
        {
            var plain = Execute(code, ergs: 10_000_000);
            var traced = Execute(code, ergs: 10_000_000, traced: true);

            Assert.Empty(plain.Trace);
            Assert.Equal(plain with { Trace = traced.Trace }, traced);
        }
    }

    [Fact]
    public void ATracedFaultIsSeenBeforeTheFaultingInstruction()
    {
        var result = Execute([0x60, 1, 0x01], traced: true);

        Assert.Equal(ExecutionError.StackUnderflow, result.Error);
        Assert.Equal([0L, 2], result.Trace.Select(s => s.Pc));
    }

    [Fact]
    public void MetadataDescribesTheTable()
    {
        var run = GeneratorHarness.RunSample();
        var opcodes = Loaded.GetType("Sample.TinyInterpreter+Opcodes", throwOnError: true)!;
        var find = opcodes.GetMethod("Find")!;
        var immediateSize = opcodes.GetMethod("ImmediateSize")!;

        var add = (OpcodeInfo?)find.Invoke(null, [(byte)0x01]);
        var create = (OpcodeInfo?)find.Invoke(null, [(byte)0xf0]);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(new OpcodeInfo(0x01, "ADD", 2, 1, 0, AddErgs, AddNative, "Frontier", OpcodeFlags.None), add);
        Assert.Equal(OpcodeFlags.Yields | OpcodeFlags.StaticForbidden, create!.Value.Flags);
        Assert.Null(find.Invoke(null, [(byte)0x02]));
        Assert.Equal(2, immediateSize.Invoke(null, [(byte)0x61]));
        Assert.Equal(0, immediateSize.Invoke(null, [(byte)0x01]));
        Assert.Equal(3, opcodes.GetField("RequiredPadding")!.GetValue(null));
    }

    private static Assembly Loaded => _execute.Value.DeclaringType!.Assembly;

    private static Result Execute(byte[] code, int version = Shanghai, long ergs = 1_000_000, long native = 1_000_000, bool isStatic = false, bool traced = false)
    {
        var raw = _execute.Value.Invoke(null, [code, version, ergs, native, isStatic, traced])!;
        T Get<T>(string name) => (T)raw.GetType().GetProperty(name)!.GetValue(raw)!;
        return new Result(
            Get<InterpreterExit>("Exit"),
            Get<ExecutionError>("Error"),
            Get<long>("Ergs"),
            Get<long>("Native"),
            Get<int>("Depth"),
            Get<ulong>("Top"),
            Get<long>("PcOffset"),
            Get<int>("Yields"),
            Get<ulong>("LastKey"),
            Get<ulong>("LastValue"),
            Get<ulong>("ReturnSize"),
            Get<(long Pc, int Depth, long Ergs)[]>("Trace"));
    }

    private static MethodInfo Load()
    {
        var run = GeneratorHarness.RunSample();
        using var image = new MemoryStream();
        var emitted = run.Output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        var assembly = Assembly.Load(image.ToArray());
        return assembly.GetType("Sample.Harness", throwOnError: true)!.GetMethod("Execute")!;
    }

    private sealed record Result(
        InterpreterExit Exit,
        ExecutionError Error,
        long Ergs,
        long Native,
        int Depth,
        ulong Top,
        long PcOffset,
        int Yields,
        ulong LastKey,
        ulong LastValue,
        ulong ReturnSize,
        (long Pc, int Depth, long Ergs)[] Trace);
}

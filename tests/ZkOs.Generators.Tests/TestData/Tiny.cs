// SPDX-License-Identifier: MIT
// The sample interpreter of the generator tests: compiled by the tests, together with the generated
// code, never by the test project itself.
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace Sample;

public enum Fork
{
    Frontier,
    Homestead,
    Shanghai,
}

public unsafe struct TinyContext
{
    public InterpreterState State;
    public byte* Code;
    public int CodeLength;
    public ulong LastKey;
    public ulong LastValue;
    public ulong ReturnOffset;
    public ulong ReturnSize;
    public int Creates;
}

[StackInterpreter("tiny", typeof(TinyContext), Versions = typeof(Fork))]
public static partial class TinyInterpreter
{
}

/// <summary>Arithmetic on the low limb only: enough to observe the loop, not a real UInt256.</summary>
[OpcodeHandlers("tiny")]
public static unsafe class ArithmeticHandlers
{
    public static void Add(UInt256* operands) => operands[0] = new UInt256(operands[0].U0 + operands[1].U0);

    public static bool Exp(TinyContext* ctx, UInt256* operands)
    {
        var exponent = operands[1].U0;
        var bytes = 0;
        for (var e = exponent; e != 0; e >>= 8)
        {
            bytes++;
        }

        ctx->State.Ergs -= bytes * TinyInterpreter.Costs.ExpByteErgs;
        ctx->State.Native -= bytes * TinyInterpreter.Costs.ExpByteNative;
        if (ctx->State.Ergs < 0)
        {
            ctx->State.Error = ExecutionError.OutOfErgs;
            return false;
        }

        ulong result = 1;
        for (ulong i = 0; i < exponent; i++)
        {
            result *= operands[0].U0;
        }

        operands[0] = new UInt256(result);
        return true;
    }
}

[OpcodeHandlers("tiny")]
public static unsafe class StackHandlers
{
    public static void Push0(UInt256* result) => result[0] = default;

    public static void Push1(byte* immediate, UInt256* result) => result[0] = new UInt256(immediate[0]);

    public static void Push2(UInt256* result, byte* immediate) => result[0] = new UInt256((ulong)(immediate[0] << 8 | immediate[1]));

    public static void Dup1(UInt256* top) => top[1] = top[0];

    public static void Swap1(UInt256* pair) => (pair[0], pair[1]) = (pair[1], pair[0]);

    public static void Pc(UInt256* result, byte* pc, TinyContext* ctx) => result[0] = new UInt256((ulong)(pc - ctx->Code));
}

[OpcodeHandlers("tiny")]
public static unsafe class FrameHandlers
{
    public static void SStore(UInt256* operands, TinyContext* ctx)
    {
        ctx->LastKey = operands[1].U0;
        ctx->LastValue = operands[0].U0;
    }

    public static byte* Jump(TinyContext* ctx, UInt256* destination)
    {
        var target = destination[0].U0;
        if (target >= (ulong)ctx->CodeLength || ctx->Code[target] != TinyInterpreter.Opcodes.JUMPDEST)
        {
            ctx->State.Error = ExecutionError.InvalidJump;
            return null;
        }

        return ctx->Code + target;
    }

    public static bool Create(TinyContext* ctx, UInt256* arguments)
    {
        ctx->Creates++;
        arguments[0] = new UInt256(0xc0ffee);
        return true;
    }

    /// <summary>The offset is on top (range[1]) and the size below it (range[0]), as in the EVM.</summary>
    public static bool Return(UInt256* range, TinyContext* ctx)
    {
        if (range[0].U0 > 1024)
        {
            ctx->State.Error = ExecutionError.MemoryLimit;
            return false;
        }

        ctx->ReturnOffset = range[1].U0;
        ctx->ReturnSize = range[0].U0;
        return true;
    }

    public static bool Invalid(TinyContext* ctx)
    {
        ctx->State.Error = ExecutionError.InvalidOpcode;
        return false;
    }
}

/// <summary>
/// Records, before each instruction, its offset, the stack depth and the ergs left, as the loop spilled
/// them to the context: the runtime tests compare them with the program.
/// </summary>
public readonly struct RecordingTracer : IInterpreterTracer<TinyContext>
{
    [System.ThreadStatic]
    private static System.Collections.Generic.List<(long Pc, int Depth, long Ergs)>? t_steps;

    public static System.Collections.Generic.List<(long Pc, int Depth, long Ergs)> Steps => t_steps ??= new();

    public static bool IsActive => true;

    public static unsafe void BeforeInstruction(TinyContext* ctx) =>
        Steps.Add((ctx->State.Pc - ctx->Code, WordStack.Depth(ctx->State.Sp), ctx->State.Ergs));
}

/// <summary>What one run of the sample interpreter left behind, for the runtime tests.</summary>
public sealed class RunResult
{
    public InterpreterExit Exit { get; init; }

    public ExecutionError Error { get; init; }

    public long Ergs { get; init; }

    public long Native { get; init; }

    public int Depth { get; init; }

    public ulong Top { get; init; }

    public long PcOffset { get; init; }

    public int Yields { get; init; }

    public ulong LastKey { get; init; }

    public ulong LastValue { get; init; }

    public ulong ReturnSize { get; init; }

    /// <summary>What <see cref="RecordingTracer"/> saw, one entry per executed instruction; empty for an untraced run.</summary>
    public (long Pc, int Depth, long Ergs)[] Trace { get; init; } = [];
}

public static class Harness
{
    /// <summary>Runs <paramref name="code"/> to completion, resuming after every yield.</summary>
    public static unsafe RunResult Execute(byte[] code, int version, long ergs, long native, bool isStatic, bool traced)
    {
        RecordingTracer.Steps.Clear();
        var padded = new byte[code.Length + TinyInterpreter.Opcodes.RequiredPadding];
        code.CopyTo(padded, 0);
        using var stack = new WordStack();
        fixed (byte* start = padded)
        {
            var ctx = new TinyContext { Code = start, CodeLength = code.Length };
            ctx.State.Pc = start;
            ctx.State.Sp = stack.Bottom;
            ctx.State.Ergs = ergs;
            ctx.State.Native = native;
            ctx.State.Version = version;
            ctx.State.IsStatic = isStatic;

            var yields = 0;
            var exit = traced ? TinyInterpreter.Run<RecordingTracer>(&ctx) : TinyInterpreter.Run(&ctx);
            while (exit == InterpreterExit.Yielded)
            {
                yields++;
                exit = traced ? TinyInterpreter.Run<RecordingTracer>(&ctx) : TinyInterpreter.Run(&ctx);
            }

            var depth = WordStack.Depth(ctx.State.Sp);
            return new RunResult
            {
                Exit = exit,
                Error = ctx.State.Error,
                Ergs = ctx.State.Ergs,
                Native = ctx.State.Native,
                Depth = depth,
                Top = depth > 0 ? ctx.State.Sp[-1].U0 : 0,
                PcOffset = ctx.State.Pc - start,
                Yields = yields,
                LastKey = ctx.LastKey,
                LastValue = ctx.LastValue,
                ReturnSize = ctx.ReturnSize,
                Trace = RecordingTracer.Steps.ToArray(),
            };
        }
    }
}

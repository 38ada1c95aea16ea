// SPDX-License-Identifier: MIT
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Tracing;

/// <summary>
/// Turns the loop's before-instruction hook into <see cref="InstructionStep"/>s for an
/// <see cref="IInstructionTracer"/>. EIP-3155 wants each instruction's whole cost, dynamic charges
/// included, and only the ergs left at the next event tell it: so a step is captured before its
/// instruction (a copy of the stack and return data, as the instruction will change them) and reported
/// at the next event of the same activation.
/// </summary>
/// <remarks>
/// <para>The cost, by what ends the instruction:</para>
/// <list type="bullet">
/// <item>the next instruction, or a terminating one (STOP, RETURN, REVERT, SELFDESTRUCT) ending the
/// frame: ergs before minus ergs after, exact. The code-deposit charge of a constructor's RETURN is the
/// frame's, not the instruction's, as in geth;</item>
/// <item>a call (yield): ergs before minus ergs left at the yield, plus the ergs forwarded to the callee
/// (the stipend excluded), which is what geth reports. A CREATE reports its own charges only (the
/// forwarded ergs are not part of a create's cost in geth either);</item>
/// <item>a fault: the opcode's static cost from the generated metadata. That is geth's figure for every
/// fault the loop raises itself (stack, static-call, out of ergs on the static charge, invalid opcode),
/// an underestimate when a dynamic charge runs out (the loop clamps the ergs to 0 and the attempted
/// amount is lost).</item>
/// </list>
/// <para>
/// Every exit of the loop flushes the pending step, so no step outlives an activation: a call's step is
/// reported before the callee's first, and one recorder per frame is enough.
/// </para>
/// </remarks>
internal sealed unsafe class EvmStepRecorder(IInstructionTracer tracer)
{
    private static readonly string[] _names = OpcodeNames();
    private static readonly long[] _staticErgs = StaticErgs();

    private readonly IInstructionTracer _tracer = tracer;
    private UInt256[] _stack = new UInt256[64];
    private byte[] _returnData = new byte[64];
    private bool _pending;
    private ulong _pc;
    private byte _op;
    private long _ergs;
    private long _native;
    private ulong _memorySize;
    private int _stackDepth;
    private int _returnDataLength;
    private int _depth;
    private ulong _refund;

    /// <summary>Reports the previous instruction (its cost is now known) and captures the one about to run.</summary>
    public void BeforeInstruction(EvmFrame frame, EvmContext* ctx)
    {
        if (_pending)
        {
            Report(_ergs - ctx->State.Ergs, ExecutionError.None);
        }
        Capture(frame, ctx);
    }

    /// <summary>Reports the instruction the loop exited on.</summary>
    /// <param name="ctx">The frame's context, registers written back.</param>
    /// <param name="exit">How the loop ended.</param>
    /// <param name="ergsPassedOn">For a call, the ergs forwarded to the callee; 0 otherwise.</param>
    public void Finish(EvmContext* ctx, InterpreterExit exit, long ergsPassedOn)
    {
        if (!_pending)
        {
            return;
        }
        if (exit == InterpreterExit.Faulted)
        {
            Report(_staticErgs[_op], ctx->State.Error);
        }
        else
        {
            Report(_ergs - ctx->State.Ergs + ergsPassedOn, ExecutionError.None);
        }
    }

    private void Capture(EvmFrame frame, EvmContext* ctx)
    {
        _pc = (ulong)(ctx->State.Pc - ctx->Code);
        _op = *ctx->State.Pc;
        _ergs = ctx->State.Ergs;
        _native = ctx->State.Native;
        _memorySize = ctx->Memory.Size;
        _depth = frame.Launch.Depth + 1;
        _refund = _tracer.RefundCounter;

        var bottom = frame.StackBottom;
        _stackDepth = (int)(ctx->State.Sp - bottom);
        if (_stackDepth > _stack.Length)
        {
            _stack = new UInt256[Math.Max(_stackDepth, _stack.Length * 2)];
        }
        new ReadOnlySpan<UInt256>(bottom, _stackDepth).CopyTo(_stack);

        _returnDataLength = ctx->ReturnDataLength;
        if (_returnDataLength > _returnData.Length)
        {
            _returnData = new byte[Math.Max(_returnDataLength, _returnData.Length * 2)];
        }
        new ReadOnlySpan<byte>(ctx->ReturnData, _returnDataLength).CopyTo(_returnData);
        _pending = true;
    }

    private void Report(long ergsCost, ExecutionError error)
    {
        _pending = false;
        _tracer.Step(new InstructionStep
        {
            Pc = _pc,
            Opcode = _op,
            OpName = _names[_op],
            Ergs = _ergs,
            ErgsCost = ergsCost,
            Native = _native,
            MemorySize = _memorySize,
            Stack = new ReadOnlySpan<UInt256>(_stack, 0, _stackDepth),
            Depth = _depth,
            ReturnData = new ReadOnlySpan<byte>(_returnData, 0, _returnDataLength),
            Refund = _refund,
            Error = error,
        });
    }

    /// <summary>The table's mnemonics; an undefined opcode is named as geth names it.</summary>
    private static string[] OpcodeNames()
    {
        var names = new string[256];
        for (var op = 0; op < 256; op++)
        {
            names[op] = EvmInterpreter.Opcodes.Find((byte)op)?.Mnemonic ?? $"opcode 0x{op:x} not defined";
        }
        return names;
    }

    private static long[] StaticErgs()
    {
        var ergs = new long[256];
        for (var op = 0; op < 256; op++)
        {
            ergs[op] = EvmInterpreter.Opcodes.Find((byte)op)?.Ergs ?? 0;
        }
        return ergs;
    }
}

// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Tests.Infrastructure;

/// <summary>
/// One run of the generated loop with no frame around it: native context, a <see cref="WordStack"/>,
/// the code padded with <c>RequiredPadding</c> zero bytes, its jump map, and optional calldata and
/// return data. Environment opcodes that reach <see cref="EvmFrame.From"/> need a frame and are not
/// driven here.
/// </summary>
public sealed unsafe class EvmMachine : IDisposable
{
    /// <summary>Enough gas for any test program that does not test running out of it.</summary>
    public const long DefaultGas = 30_000_000;

    /// <summary>Plenty of native: only the tests about native set a limit.</summary>
    public const long DefaultNative = 1L << 50;

    private readonly WordStack _stack = new();
    private readonly EvmContext* _ctx;
    private readonly byte* _code;
    private readonly ulong* _jumps;
    private readonly byte* _calldata;
    private readonly byte* _returnData;
    private bool _disposed;

    private EvmMachine(byte[] code, long gas, long native, EvmFork fork, byte[]? calldata, byte[]? returnData, bool isStatic, UInt256[]? stack)
    {
        _ctx = (EvmContext*)NativeMemory.AllocZeroed((nuint)sizeof(EvmContext));
        _code = (byte*)NativeMemory.AllocZeroed((nuint)(code.Length + EvmInterpreter.Opcodes.RequiredPadding));
        code.CopyTo(new Span<byte>(_code, code.Length));
        var words = JumpDestinationAnalysis.BitmapWords(code.Length) + 1;
        _jumps = (ulong*)NativeMemory.AllocZeroed((nuint)words * sizeof(ulong));
        JumpDestinationAnalysis.Analyze(code, _jumps);
        _calldata = Copy(calldata);
        _returnData = Copy(returnData);

        _ctx->Code = _code;
        _ctx->CodeLength = code.Length;
        _ctx->JumpDestinations = _jumps;
        _ctx->Calldata = _calldata;
        _ctx->CalldataLength = calldata?.Length ?? 0;
        _ctx->ReturnData = _returnData;
        _ctx->ReturnDataLength = returnData?.Length ?? 0;
        // A value no handler should ever see as Returned unless it sets it.
        _ctx->Outcome = FrameStatus.Failed;

        var sp = _stack.Bottom;
        foreach (var word in stack ?? [])
        {
            *sp++ = word;
        }
        StartErgs = gas * (long)Resources.ErgsPerGas;
        StartNative = native;
        _ctx->State.Pc = _code;
        _ctx->State.Sp = sp;
        _ctx->State.Ergs = StartErgs;
        _ctx->State.Native = native;
        _ctx->State.Version = (int)fork;
        _ctx->State.IsStatic = isStatic;
    }

    public static EvmMachine Run(
        byte[] code,
        long gas = DefaultGas,
        long native = DefaultNative,
        EvmFork fork = EvmFork.Cancun,
        byte[]? calldata = null,
        byte[]? returnData = null,
        bool isStatic = false,
        UInt256[]? stack = null)
    {
        var machine = Prepare(code, gas, native, fork, calldata, returnData, isStatic, stack);
        machine.Execute();
        return machine;
    }

    /// <summary>Sets a run up without starting it, for tests that measure <see cref="Execute"/> alone.</summary>
    public static EvmMachine Prepare(
        byte[] code,
        long gas = DefaultGas,
        long native = DefaultNative,
        EvmFork fork = EvmFork.Cancun,
        byte[]? calldata = null,
        byte[]? returnData = null,
        bool isStatic = false,
        UInt256[]? stack = null) =>
        new(code, gas, native, fork, calldata, returnData, isStatic, stack);

    /// <summary>Runs the loop from where the registers are.</summary>
    public InterpreterExit Execute() => Exit = EvmInterpreter.Run(_ctx);

    public InterpreterExit Exit { get; private set; }

    public long StartErgs { get; }

    public long StartNative { get; }

    public ExecutionError Error => _ctx->State.Error;

    public FrameStatus Outcome => _ctx->Outcome;

    public long ErgsLeft => _ctx->State.Ergs;

    public long ErgsUsed => StartErgs - _ctx->State.Ergs;

    /// <summary>Gas used; every EVM charge is a whole number of gas, which this checks.</summary>
    public long GasUsed => ErgsUsed % (long)Resources.ErgsPerGas == 0
        ? ErgsUsed / (long)Resources.ErgsPerGas
        : throw new InvalidOperationException($"{ErgsUsed} ergs is not a whole number of gas.");

    public long NativeUsed => StartNative - _ctx->State.Native;

    public long NativeLeft => _ctx->State.Native;

    /// <summary>The offset in the code where the loop stopped (past the instruction after a halt).</summary>
    public long Pc => _ctx->State.Pc - _code;

    public int Depth => WordStack.Depth(_ctx->State.Sp);

    /// <summary>The word <paramref name="fromTop"/> below the top (0 is the top).</summary>
    public UInt256 Peek(int fromTop = 0) =>
        fromTop < Depth ? _ctx->State.Sp[-1 - fromTop] : throw new InvalidOperationException($"The stack holds {Depth} words.");

    public UInt256 Top => Peek();

    public ulong MemorySize => _ctx->Memory.Size;

    public byte[] Memory => new ReadOnlySpan<byte>(_ctx->Memory.Data, (int)_ctx->Memory.Size).ToArray();

    public ulong OutputOffset => _ctx->OutputOffset;

    public ulong OutputLength => _ctx->OutputLength;

    /// <summary>Asserts a clean halt (STOP or the end of the code).</summary>
    public EvmMachine AssertHalted()
    {
        Assert.True(Exit == InterpreterExit.Halted, $"expected a halt, got {Exit} ({Error}) at pc {Pc}");
        Assert.Equal(ExecutionError.None, Error);
        return this;
    }

    public EvmMachine AssertFaulted(ExecutionError error)
    {
        Assert.Equal(InterpreterExit.Faulted, Exit);
        Assert.Equal(error, Error);
        return this;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        EvmMemoryOps.Free(ref _ctx->Memory);
        NativeMemory.Free(_code);
        NativeMemory.Free(_jumps);
        NativeMemory.Free(_calldata);
        NativeMemory.Free(_returnData);
        NativeMemory.Free(_ctx);
        _stack.Dispose();
    }

    private static byte* Copy(byte[]? data)
    {
        if (data is null || data.Length == 0)
        {
            return null;
        }
        var copy = (byte*)NativeMemory.Alloc((nuint)data.Length);
        data.CopyTo(new Span<byte>(copy, data.Length));
        return copy;
    }
}

// SPDX-License-Identifier: MIT
using System.Buffers;
using System.Runtime.InteropServices;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm;

/// <summary>Start, preemption and continuation: turning the generated loop's exits into preemption points.</summary>
public sealed unsafe partial class EvmFrame
{
    private byte* _code;
    private int _codeCapacity;
    private ulong* _jumpDestinations;
    private int _jumpCapacity;
    private byte* _returnData;
    private int _returnDataCapacity;
    private MemoryHandle _calldataPin;
    private readonly UnmanagedMemoryWindow _outputWindow = new();

    public PreemptionPoint Start(ISystem system, in FrameLaunch launch)
    {
        _system = system;
        Launch = launch;
        _pending = PendingRequest.None;

        var ergs = Clamp(launch.Resources.Ergs);
        // Jump analysis is the frame's own start-up work (reference/zksync-os.md §2.3): paid in native.
        var native = Clamp(launch.Resources.Native) - (long)launch.Bytecode.Length * EvmInterpreter.Costs.BytecodePreprocessingByteNative;

        LoadCode(launch.Bytecode.Span);
        _calldataPin.Dispose();
        _calldataPin = launch.Calldata.Pin();
        _ctx->Calldata = (byte*)_calldataPin.Pointer;
        _ctx->CalldataLength = launch.Calldata.Length;
        _ctx->ReturnDataLength = 0;
        _ctx->ReturnData = _returnData;
        EvmMemoryOps.Reset(ref _ctx->Memory);
        _ctx->Outcome = FrameStatus.Returned;
        _ctx->OutputOffset = 0;
        _ctx->OutputLength = 0;

        ref var state = ref _ctx->State;
        state.Pc = _code;
        state.Sp = _stack.Bottom;
        state.Ergs = ergs;
        state.Native = native;
        state.Error = ExecutionError.None;
        state.Version = (int)Spec.Fork;
        state.IsStatic = launch.IsStatic;
        if (native < 0)
        {
            state.Error = ExecutionError.OutOfNative;
            return Fail();
        }
        return Resume();
    }

    public PreemptionPoint ContinueAfterCall(ISystem system, in Resources returned, in CallResult result)
    {
        _system = system;
        Restore(returned);
        if (result.Kind == CallResultKind.FailedToExecute)
        {
            // The call could not even be prepared: the caller fails as out of gas (§2.2).
            _ctx->State.Error = ExecutionError.OutOfErgs;
            return Fail();
        }
        SetReturnData(result.ReturnData.Span);
        var output = result.ReturnData.Span;
        var window = (int)Math.Min(_pendingReturnLength, (ulong)output.Length);
        if (window > 0)
        {
            output[..window].CopyTo(new Span<byte>(_ctx->Memory.Data + _pendingReturnOffset, window));
        }
        _ctx->State.Sp[-1] = result.IsSuccess ? UInt256.One : UInt256.Zero;
        return Resume();
    }

    public PreemptionPoint ContinueAfterDeployment(ISystem system, in Resources returned, in DeploymentResult result)
    {
        _system = system;
        Restore(returned);
        // The creator sees no return data after a successful creation, and the revert data otherwise.
        SetReturnData(result.IsSuccess ? default : result.ReturnData.Span);
        _ctx->State.Sp[-1] = result.IsSuccess ? result.DeployedAt.ToUInt256() : UInt256.Zero;
        return Resume();
    }

    private PreemptionPoint Resume()
    {
        // Tracing is chosen once per activation: the traced loop is another instantiation, not a check per instruction.
        var exit = _recorder is null ? EvmInterpreter.Run(_ctx) : RunTraced();
        if (exit == InterpreterExit.Yielded)
        {
            return Yield();
        }
        if (exit == InterpreterExit.Faulted)
        {
            return Fail();
        }
        var output = _outputWindow.Point(_ctx->Memory.Data + _ctx->OutputOffset, (int)_ctx->OutputLength);
        if (_ctx->Outcome == FrameStatus.Returned && Launch.IsConstructor && !AcceptDeployedCode(output.Span))
        {
            return Fail();
        }
        _calldataPin.Dispose();
        return PreemptionPoint.Complete(new FrameCompletion
        {
            Status = _ctx->Outcome,
            ResourcesReturned = TakeResources(),
            ReturnData = output,
        });
    }

    /// <summary>
    /// The checks and price of the code a constructor returns: EIP-3541 (no 0xEF prefix), EIP-170
    /// (at most 24,576 bytes) and 200 gas per byte deposited. Any failure is an exceptional halt.
    /// </summary>
    private bool AcceptDeployedCode(ReadOnlySpan<byte> code)
    {
        if (code.Length > EvmSpec.MaxCodeSize)
        {
            _ctx->State.Error = ExecutionError.CodeSizeLimit;
            return false;
        }
        if (code.Length > 0 && code[0] == 0xEF)
        {
            _ctx->State.Error = ExecutionError.InvalidCode;
            return false;
        }
        _ctx->State.Ergs -= code.Length * EvmInterpreter.Costs.CodeDepositByteErgs;
        if (_ctx->State.Ergs < 0)
        {
            _ctx->State.Error = ExecutionError.OutOfErgs;
            return false;
        }
        return true;
    }

    /// <summary>An exceptional halt burns every erg; the native left still belongs to the transaction.</summary>
    private PreemptionPoint Fail()
    {
        _calldataPin.Dispose();
        var native = _ctx->State.Native < 0 ? 0UL : (ulong)_ctx->State.Native;
        _ctx->State.Ergs = 0;
        _ctx->State.Native = 0;
        return PreemptionPoint.Complete(new FrameCompletion
        {
            Status = FrameStatus.Failed,
            Error = _ctx->State.Error,
            ResourcesReturned = new Resources(0, native),
        });
    }

    private void Restore(in Resources resources)
    {
        _ctx->State.Ergs = Clamp(resources.Ergs);
        _ctx->State.Native = Clamp(resources.Native);
    }

    private void SetReturnData(ReadOnlySpan<byte> data)
    {
        if (data.Length > _returnDataCapacity)
        {
            NativeMemory.Free(_returnData);
            _returnDataCapacity = Math.Max(data.Length, _returnDataCapacity * 2);
            _returnData = (byte*)NativeMemory.Alloc((nuint)_returnDataCapacity);
        }
        data.CopyTo(new Span<byte>(_returnData, data.Length));
        _ctx->ReturnData = _returnData;
        _ctx->ReturnDataLength = data.Length;
    }

    /// <summary>Copies the code into the padded buffer and marks its jump destinations.</summary>
    private void LoadCode(ReadOnlySpan<byte> code)
    {
        if (code.Length + CodePadding > _codeCapacity)
        {
            NativeMemory.Free(_code);
            _codeCapacity = Math.Max(code.Length + CodePadding, _codeCapacity * 2);
            _code = (byte*)NativeMemory.Alloc((nuint)_codeCapacity);
        }
        code.CopyTo(new Span<byte>(_code, code.Length));
        new Span<byte>(_code + code.Length, CodePadding).Clear();

        var words = (code.Length + 63) / 64 + 1;
        if (words > _jumpCapacity)
        {
            NativeMemory.Free(_jumpDestinations);
            _jumpCapacity = Math.Max(words, _jumpCapacity * 2);
            _jumpDestinations = (ulong*)NativeMemory.Alloc((nuint)_jumpCapacity * sizeof(ulong));
        }
        new Span<ulong>(_jumpDestinations, words).Clear();
        Environment.JumpDestinations.Analyze(code, _jumpDestinations);

        _ctx->Code = _code;
        _ctx->CodeLength = code.Length;
        _ctx->JumpDestinations = _jumpDestinations;
    }

    private void FreeBuffers()
    {
        _calldataPin.Dispose();
        NativeMemory.Free(_code);
        NativeMemory.Free(_jumpDestinations);
        NativeMemory.Free(_returnData);
        EvmMemoryOps.Free(ref _ctx->Memory);
        _code = null;
        _jumpDestinations = null;
        _returnData = null;
    }

    private static long Clamp(ulong value) => value > long.MaxValue ? long.MaxValue : (long)value;
}

// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Samples.StackVm;

/// <summary>
/// One StackVm activation. The frame owns native memory for its context, stack, padded code and
/// instruction-start bitmap, and keeps it between activations: a pooled frame allocates only when a
/// longer program than any before arrives.
/// </summary>
public sealed unsafe class StackVmFrame : IExecutionFrame, IDisposable
{
    /// <summary>Zero bytes after the code: longer than the widest immediate, so the loop never reads past the buffer and runs into STOP.</summary>
    private const int CodePadding = 33;

    private readonly StackVmVersion _version;
    private readonly WordStack _stack = new();
    private readonly StackVmContext* _ctx;
    private GCHandle _self;
    private byte* _code;
    private int _codeCapacity;
    private ulong* _starts;
    private int _startsCapacity;
    private readonly byte[] _returnData = new byte[32];
    private int _returnLength;
    private readonly byte[] _callData = new byte[32];
    private ISystem? _system;
    private CallRequest _pendingCall;
    private bool _disposed;

    public StackVmFrame(StackVmVersion version)
    {
        _version = version;
        _ctx = (StackVmContext*)NativeMemory.AllocZeroed((nuint)sizeof(StackVmContext));
        _self = GCHandle.Alloc(this, GCHandleType.Weak);
        _ctx->FrameHandle = GCHandle.ToIntPtr(_self);
    }

    public FrameLaunch Launch { get; private set; }

    /// <summary>The calldata as a big-endian number (its first 32 bytes when longer).</summary>
    public UInt256 Argument { get; private set; }

    public ISystem System => _system ?? throw new InvalidOperationException("The frame is not running.");

    internal static StackVmFrame From(StackVmContext* ctx) =>
        Unsafe.As<StackVmFrame>(GCHandle.FromIntPtr(ctx->FrameHandle).Target!);

    public PreemptionPoint Start(ISystem system, in FrameLaunch launch)
    {
        _system = system;
        Launch = launch;
        _returnLength = 0;
        Argument = ReadArgument(launch.Calldata.Span);

        var ergs = InterpreterState.Clamp(launch.Resources.Ergs);
        var native = InterpreterState.Clamp(launch.Resources.Native);
        // The boundary analysis is the frame's own start-up work: it is paid before the first instruction.
        native -= launch.Bytecode.Length * StackVmInterpreter.Costs.JumpAnalysisByteNative;
        ergs -= launch.Bytecode.Length * StackVmInterpreter.Costs.JumpAnalysisByteErgs;

        LoadCode(launch.Bytecode.Span);
        ref var state = ref _ctx->State;
        state.Pc = _code;
        state.Sp = _stack.Bottom;
        state.Ergs = ergs;
        state.Native = native;
        state.Error = ExecutionError.None;
        state.Version = (int)_version;
        state.IsStatic = launch.IsStatic;
        if (native < 0 || ergs < 0)
        {
            state.Error = native < 0 ? ExecutionError.OutOfNative : ExecutionError.OutOfErgs;
            return Fail();
        }
        return Resume();
    }

    public PreemptionPoint ContinueAfterCall(ISystem system, in Resources returned, in CallResult result)
    {
        _system = system;
        _ctx->State.Restore(returned);
        // CALL left two slots: the callee's first return word, then the success flag on top.
        var sp = _ctx->State.Sp;
        sp[-2] = result.IsSuccess ? ReadArgument(result.ReturnData.Span) : UInt256.Zero;
        sp[-1] = result.IsSuccess ? UInt256.One : UInt256.Zero;
        return Resume();
    }

    public PreemptionPoint ContinueAfterDeployment(ISystem system, in Resources returned, in DeploymentResult result) =>
        throw new InvalidOperationException("StackVm frames never request deployments.");

    private PreemptionPoint Resume()
    {
        switch (StackVmInterpreter.Run(_ctx))
        {
            case InterpreterExit.Halted:
                return PreemptionPoint.Complete(new FrameCompletion
                {
                    Status = _ctx->Outcome,
                    ResourcesReturned = TakeResources(),
                    ReturnData = _returnData.AsMemory(0, _returnLength),
                });
            case InterpreterExit.Yielded:
                return PreemptionPoint.RequestCall(_pendingCall with { AvailableResources = TakeResources() });
            default:
                return Fail();
        }
    }

    private PreemptionPoint Fail()
    {
        // An exceptional halt burns every erg; what native is left still belongs to the transaction.
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

    internal void RecordCall(in UInt256 ergs, in UInt256 callee, in UInt256 argument)
    {
        argument.WriteBigEndian(_callData);
        _pendingCall = new CallRequest
        {
            Caller = Launch.This,
            Callee = Address.FromUInt256(callee),
            CallersCaller = Launch.Caller,
            Modifier = Launch.IsStatic ? CallModifier.Static : CallModifier.NoModifier,
            Calldata = _callData,
            ErgsRequested = UInt256.FitsInUlong(in ergs) ? ergs.U0 : ulong.MaxValue,
        };
    }

    internal void SetReturnData(bool hasWord, in UInt256 word)
    {
        if (hasWord)
        {
            word.WriteBigEndian(_returnData);
        }
        _returnLength = hasWord ? 32 : 0;
    }

    /// <summary>Moves the loop's ergs and native into a <see cref="Resources"/> for a request to the system.</summary>
    internal Resources TakeResources() => _ctx->State.TakeResources();

    /// <summary>Puts resources back after a system request; false (with the error recorded) when the request failed.</summary>
    internal bool GiveBack(in Resources resources, SystemStatus status) => _ctx->State.GiveBack(resources, status);

    /// <summary>
    /// Data as a number: up to 32 bytes read big-endian (so <c>0x05</c> is 5), longer data by its first 32 bytes.
    /// </summary>
    private static UInt256 ReadArgument(ReadOnlySpan<byte> data) => UInt256.ReadBigEndian(data[..Math.Min(32, data.Length)]);

    /// <summary>Copies the code into the padded buffer and marks where instructions start.</summary>
    private void LoadCode(ReadOnlySpan<byte> code)
    {
        if (code.Length + CodePadding > _codeCapacity)
        {
            NativeMemory.Free(_code);
            _codeCapacity = Math.Max(code.Length + CodePadding, _codeCapacity * 2);
            _code = (byte*)NativeMemory.Alloc((nuint)_codeCapacity);
        }
        code.CopyTo(new Span<byte>(_code, code.Length));
        new Span<byte>(_code + code.Length, _codeCapacity - code.Length).Clear();

        var words = (code.Length + 63) / 64;
        if (words > _startsCapacity)
        {
            NativeMemory.Free(_starts);
            _startsCapacity = Math.Max(words, _startsCapacity * 2);
            _starts = (ulong*)NativeMemory.Alloc((nuint)_startsCapacity * sizeof(ulong));
        }
        new Span<ulong>(_starts, words).Clear();
        for (var pc = 0; pc < code.Length; pc += 1 + StackVmInterpreter.Opcodes.ImmediateSize(code[pc]))
        {
            _starts[pc >> 6] |= 1UL << (pc & 63);
        }

        _ctx->Code = _code;
        _ctx->CodeLength = code.Length;
        _ctx->InstructionStarts = _starts;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        if (_self.IsAllocated)
        {
            _self.Free();
        }
        NativeMemory.Free(_code);
        NativeMemory.Free(_starts);
        NativeMemory.Free(_ctx);
        _code = null;
        _starts = null;
        _stack.Dispose();
        GC.SuppressFinalize(this);
    }

    ~StackVmFrame() => Dispose();
}

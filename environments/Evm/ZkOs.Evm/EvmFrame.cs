// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ZkOs.Evm.Tracing;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;

namespace ZkOs.Evm;

/// <summary>
/// One EVM activation. It owns native memory for its context, stack, padded code, jump map and memory,
/// and keeps it between activations: the runner pools frames, so a call allocates nothing.
/// The lifecycle (start, preemption, continuation) is in EvmFrame.Lifecycle.cs; what host handlers
/// need from the frame is in EvmFrame.Host.cs; the traced loop is in EvmFrame.Tracing.cs.
/// </summary>
public sealed unsafe partial class EvmFrame : IExecutionFrame, IDisposable
{
    /// <summary>Zero bytes after the code: PUSH32's immediate plus STOP, so the loop never reads past the buffer.</summary>
    public const int CodePadding = 33;

    private readonly EvmContext* _ctx;
    private readonly WordStack _stack = new();
    private GCHandle _self;
    private ISystem? _system;
    private bool _disposed;

    public EvmFrame(EvmEnvironment environment)
    {
        Environment = environment;
        _ctx = (EvmContext*)NativeMemory.AllocZeroed((nuint)sizeof(EvmContext));
        _self = GCHandle.Alloc(this, GCHandleType.Weak);
        _ctx->FrameHandle = GCHandle.ToIntPtr(_self);
        _recorder = environment.Tracer is { } tracer ? new EvmStepRecorder(tracer) : null;
    }

    public EvmEnvironment Environment { get; }

    /// <summary>The rules of the fork this frame runs.</summary>
    public EvmSpec Spec => Environment.Spec;

    /// <summary>How this activation was started: its address, caller, value, calldata, code.</summary>
    public FrameLaunch Launch { get; private set; }

    /// <summary>The system, while the frame runs.</summary>
    public ISystem System => _system!;

    /// <summary>The frame behind a context, for handlers that need managed state (cold paths only).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static EvmFrame From(EvmContext* ctx) => Unsafe.As<EvmFrame>(GCHandle.FromIntPtr(ctx->FrameHandle).Target!);

    internal EvmContext* Context => _ctx;

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
        FreeBuffers();
        NativeMemory.Free(_ctx);
        _stack.Dispose();
        GC.SuppressFinalize(this);
    }

    ~EvmFrame() => Dispose();
}

// SPDX-License-Identifier: MIT
using ZkOs.Evm.Tracing;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm;

/// <summary>The traced activation: the loop instantiated with <see cref="EvmStepTracer"/>, when the environment has a tracer.</summary>
public sealed unsafe partial class EvmFrame
{
    /// <summary>Null when the environment has no tracer: then the frame runs the untraced loop.</summary>
    private readonly EvmStepRecorder? _recorder;

    internal EvmStepRecorder? Recorder => _recorder;

    /// <summary>The first stack slot, for tracers that copy the stack.</summary>
    internal UInt256* StackBottom => _stack.Bottom;

    private InterpreterExit RunTraced()
    {
        var exit = EvmInterpreter.Run<EvmStepTracer>(_ctx);
        // The instruction the loop exited on is reported now that its cost is known; a call's step counts
        // the ergs it forwards (read before Yield clears the pending request).
        var passedOn = exit == InterpreterExit.Yielded && _pending == PendingRequest.Call ? (long)_pendingCall.ErgsRequested : 0;
        _recorder!.Finish(_ctx, exit, passedOn);
        return exit;
    }
}

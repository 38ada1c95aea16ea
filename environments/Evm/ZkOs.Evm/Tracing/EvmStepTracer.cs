// SPDX-License-Identifier: MIT
using ZkOs.Framework.Interpretation;

namespace ZkOs.Evm.Tracing;

/// <summary>
/// The tracing switch of the EVM loop: <c>EvmInterpreter.Run&lt;EvmStepTracer&gt;</c> hands every
/// instruction to the frame's <see cref="EvmStepRecorder"/>. A frame runs this instantiation only when its
/// environment has a tracer; the untraced loop is <c>Run(ctx)</c>, with no hook compiled in.
/// </summary>
internal readonly struct EvmStepTracer : IInterpreterTracer<EvmContext>
{
    public static bool IsActive => true;

    public static unsafe void BeforeInstruction(EvmContext* ctx)
    {
        var frame = EvmFrame.From(ctx);
        frame.Recorder!.BeforeInstruction(frame, ctx);
    }
}

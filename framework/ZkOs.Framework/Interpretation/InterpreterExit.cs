// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Interpretation;

/// <summary>How a generated <c>Run</c> loop returned. Registers are saved in <see cref="InterpreterState"/> in every case.</summary>
public enum InterpreterExit : byte
{
    /// <summary>An opcode flagged <c>terminates</c> ran; the handler recorded the outcome in the context.</summary>
    Halted,

    /// <summary>An opcode flagged <c>yields</c> ran: the frame waits for the runner (a call or a deployment).</summary>
    Yielded,

    /// <summary>The frame failed; <see cref="InterpreterState.Error"/> says why.</summary>
    Faulted,
}

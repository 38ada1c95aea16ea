// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Interpretation;

/// <summary>
/// Receives every instruction an execution environment runs, in execution order across frames (a call's
/// step comes before the callee's first). A managed, EE-neutral contract so that a host can trace an EE
/// it reaches only through the framework (a plugin, or the EVM seen from the bootloader); the EE switches
/// its loop to a traced instantiation (<see cref="IInterpreterTracer{TContext}"/>) only when one is attached.
/// </summary>
public interface IInstructionTracer
{
    /// <summary>
    /// The transaction's gas refund counter, which lives in the host's IO subsystem where an EE cannot see
    /// it: the EE reads it just before each instruction and reports it in that instruction's step.
    /// 0 when the host keeps none.
    /// </summary>
    ulong RefundCounter { get; }

    /// <summary>One instruction, reported once its cost is known (at the next instruction of the frame or when the frame stops running).</summary>
    void Step(in InstructionStep step);
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;

namespace ZkOs.Framework.Interpretation;

/// <summary>
/// One executed instruction as an execution environment reports it to an <see cref="IInstructionTracer"/>:
/// the machine as it was before the instruction, what the instruction cost, and how it failed if it did.
/// A ref struct over the EE's own buffers, valid only during <see cref="IInstructionTracer.Step"/>: a
/// tracer that keeps anything copies it.
/// </summary>
public readonly ref struct InstructionStep
{
    /// <summary>The instruction's offset in the code.</summary>
    public ulong Pc { get; init; }

    public byte Opcode { get; init; }

    /// <summary>The mnemonic from the opcode table ("PUSH1"), or a description of an undefined opcode.</summary>
    public string OpName { get; init; }

    /// <summary>Ergs left before the instruction.</summary>
    public long Ergs { get; init; }

    /// <summary>
    /// Ergs the instruction cost, dynamic charges included; for a call, also the ergs it passed on. For an
    /// instruction that faulted, the EE's best knowledge (see the EE's documentation).
    /// </summary>
    public long ErgsCost { get; init; }

    /// <summary>Native resource left before the instruction.</summary>
    public long Native { get; init; }

    /// <summary>The frame's memory size in bytes.</summary>
    public ulong MemorySize { get; init; }

    /// <summary>The operand stack, bottom first (the top is the last element).</summary>
    public ReadOnlySpan<UInt256> Stack { get; init; }

    /// <summary>The frame's call depth, counted as EIP-3155 does: 1 for the transaction's entry frame.</summary>
    public int Depth { get; init; }

    /// <summary>The return data of the last call this frame made.</summary>
    public ReadOnlySpan<byte> ReturnData { get; init; }

    /// <summary>The host's refund counter before the instruction (<see cref="IInstructionTracer.RefundCounter"/>).</summary>
    public ulong Refund { get; init; }

    /// <summary>Why the instruction faulted; <see cref="ExecutionError.None"/> when it did not.</summary>
    public ExecutionError Error { get; init; }
}

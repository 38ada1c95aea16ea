// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>
/// Receives an EIP-3155 trace from an executor: one <see cref="Step"/> per instruction, values as they
/// are before it executes, then one <see cref="Summary"/> when the transaction ends.
/// </summary>
public interface IStateTestTracer
{
    /// <summary>One instruction, before it executes.</summary>
    /// <param name="pc">Program counter.</param>
    /// <param name="op">The opcode byte.</param>
    /// <param name="gas">Gas left before the instruction.</param>
    /// <param name="gasCost">What the instruction costs (including memory expansion; for calls, what is passed on).</param>
    /// <param name="memSize">Memory size in bytes.</param>
    /// <param name="stack">The stack, bottom first (the top is the last element).</param>
    /// <param name="depth">Call depth; 1 for the transaction's own frame.</param>
    /// <param name="returnData">The return data buffer (of the last call returned to this frame).</param>
    /// <param name="refund">The transaction's refund counter.</param>
    /// <param name="opName">The mnemonic, e.g. "PUSH1"; null to leave the field out.</param>
    /// <param name="error">Why the instruction failed, if it did; null to leave the field out.</param>
    void Step(ulong pc, byte op, ulong gas, ulong gasCost, ulong memSize, ReadOnlySpan<UInt256> stack,
        int depth, ReadOnlySpan<byte> returnData, ulong refund, string? opName, string? error);

    /// <summary>The end of the transaction.</summary>
    /// <param name="stateRoot">The post-state root.</param>
    /// <param name="output">What the transaction's frame returned.</param>
    /// <param name="gasUsed">Gas used by the transaction.</param>
    /// <param name="pass">Whether the transaction executed successfully.</param>
    /// <param name="fork">The fork's rules used; null to leave the field out.</param>
    /// <param name="time">How long execution took; null to leave the field out.</param>
    void Summary(Bytes32 stateRoot, ReadOnlySpan<byte> output, ulong gasUsed, bool pass, string? fork, TimeSpan? time);
}

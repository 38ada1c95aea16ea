// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Interpretation;

/// <summary>
/// One row of an opcode table as generated metadata, for tracers and disassemblers. Costs are the static
/// charge folded into the dispatch (including any per-instruction step cost).
/// </summary>
public readonly record struct OpcodeInfo(
    byte Opcode,
    string Mnemonic,
    byte StackIn,
    byte StackOut,
    byte ImmediateSize,
    long Ergs,
    long Native,
    string Since,
    OpcodeFlags Flags);

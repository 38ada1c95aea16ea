// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Encoding;

namespace ZkOs.EraVm.Machine;

/// <summary>
/// One instruction decoded once per bytecode (eravm.md §5, as vm2 does): the handler chosen from the
/// 2,048-entry table, already specialised for its addressing modes and flags, plus the operand fields of
/// the word and the entry's static price and mode rules, so the loop reads nothing else per step.
/// </summary>
public unsafe struct DecodedInstruction
{
    public delegate*<EraVmMachine, in DecodedInstruction, void> Handler;
    public uint Ergs;
    public InstructionRules Rules;
    public Predicate Predicate;
    public byte Src0;
    public byte Src1;
    public byte Dst0;
    public byte Dst1;
    public ushort Imm0;
    public ushort Imm1;

    /// <summary>The table index, for tracers and listings.</summary>
    public ushort Opcode;
}

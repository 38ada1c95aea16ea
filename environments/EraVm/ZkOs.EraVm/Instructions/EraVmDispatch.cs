// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Encoding;
using ZkOs.EraVm.Instructions.Operands;
using ZkOs.EraVm.Machine;
using ZkOs.Framework.Interpretation;

namespace ZkOs.EraVm.Instructions;

/// <summary>
/// The decode table: <c>BuildEntries</c> is generated from Tables/eravm.decode.csv and
/// Tables/eravm.handlers.csv (one specialised handler per entry, its addressing modes and flags as
/// struct type arguments such as <see cref="SrcStackPop"/>, <see cref="DstReg"/> and <see cref="On"/>);
/// this part turns a raw word into a <see cref="DecodedInstruction"/> with it.
/// </summary>
[DecodedInterpreter("eravm", typeof(EraVmMachine), typeof(DecodedInstruction))]
public static unsafe partial class EraVmDispatch
{
    private static readonly Entry[] Entries = BuildEntries();

    /// <summary><c>ret.panic r0</c>: what a failed far call's frame runs.</summary>
    public static readonly ulong PanicWord =
        new Instruction(Operation.RetPanic, SourceMode.Reg, DestinationMode.Reg, false, false, Predicate.Always, 0, 0, 0, 0, 0, 0).Encode();

    public static DecodedInstruction Decode(ulong word)
    {
        var index = (int)(word & (EntryCount - 1));
        ref readonly var entry = ref Entries[index];
        return new DecodedInstruction
        {
            Handler = entry.Handler,
            Ergs = entry.Ergs,
            Rules = (InstructionRules)entry.Rules,
            Predicate = (Predicate)((word >> 13) & 7),
            Src0 = (byte)((word >> 16) & 0xF),
            Src1 = (byte)((word >> 20) & 0xF),
            Dst0 = (byte)((word >> 24) & 0xF),
            Dst1 = (byte)((word >> 28) & 0xF),
            Imm0 = (ushort)(word >> 32),
            Imm1 = (ushort)(word >> 48),
            Opcode = (ushort)index,
        };
    }
}

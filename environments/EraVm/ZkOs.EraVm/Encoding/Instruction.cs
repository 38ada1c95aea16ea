// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Encoding;

/// <summary>
/// One decoded EraVM instruction: the table entry's operation, modes and flags, plus the operand fields of
/// the 64-bit word (eravm.md §2). Flags keep the table's meaning per operation (see
/// <see cref="OpcodeTableEntry.FlagMeaning"/>): for sub/div/shifts flag0 = set_flags and flag1 = swap, for
/// ptr ops flag0 = swap, for far calls flag0 = static and flag1 = shard, and so on.
/// </summary>
public readonly record struct Instruction(
    Operation Operation,
    SourceMode Src0Mode,
    DestinationMode Dst0Mode,
    bool Flag0,
    bool Flag1,
    Predicate Predicate,
    byte Src0,
    byte Src1,
    byte Dst0,
    byte Dst1,
    ushort Imm0,
    ushort Imm1)
{
    public int OpcodeIndex => OpcodeTable.IndexOf(Operation, Src0Mode, Dst0Mode, Flag0, Flag1);

    public static Instruction Decode(ulong word)
    {
        var entry = OpcodeTable.Get((int)(word & 0x7FF));
        // Bits 11..12 are unused and ignored, as the VM ignores them.
        return new Instruction(
            entry.Operation,
            entry.Src0Mode,
            entry.Dst0Mode,
            entry.Flag0,
            entry.Flag1,
            (Predicate)((word >> 13) & 7),
            (byte)((word >> 16) & 0xF),
            (byte)((word >> 20) & 0xF),
            (byte)((word >> 24) & 0xF),
            (byte)((word >> 28) & 0xF),
            (ushort)(word >> 32),
            (ushort)(word >> 48));
    }

    public ulong Encode()
    {
        var index = OpcodeIndex;
        if (index < 0)
        {
            throw new InvalidOperationException(
                $"no opcode table entry for {OpcodeTable.Name(Operation)} src={OpcodeTable.Name(Src0Mode)} dst={OpcodeTable.Name(Dst0Mode)} flags={Flag0},{Flag1}");
        }
        return (ulong)(uint)index
            | ((ulong)Predicate << 13)
            | ((ulong)(Src0 & 0xF) << 16)
            | ((ulong)(Src1 & 0xF) << 20)
            | ((ulong)(Dst0 & 0xF) << 24)
            | ((ulong)(Dst1 & 0xF) << 28)
            | ((ulong)Imm0 << 32)
            | ((ulong)Imm1 << 48);
    }
}

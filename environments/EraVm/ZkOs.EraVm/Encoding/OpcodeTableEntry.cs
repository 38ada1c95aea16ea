// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Encoding;

/// <summary>One of the 2,048 entries of the 11-bit opcode table: one row of eravm_opcode_table.csv.</summary>
public sealed record OpcodeTableEntry(
    int Index,
    Operation Operation,
    SourceMode Src0Mode,
    DestinationMode Dst0Mode,
    bool Flag0,
    bool Flag1,
    string FlagMeaning,
    uint Ergs,
    bool KernelOnly,
    bool ForbiddenInStatic);

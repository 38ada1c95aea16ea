// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Encoding;

/// <summary>src0 addressing mode, numbered as in the table enumeration (eravm.md §2).</summary>
public enum SourceMode : byte
{
    Reg,
    StackPop,
    StackRel,
    StackAbs,
    Imm,
    Code,
}

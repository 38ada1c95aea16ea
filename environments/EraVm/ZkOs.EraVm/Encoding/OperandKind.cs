// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Encoding;

/// <summary>The written shape of an operand; which field and mode it becomes depends on its position.</summary>
public enum OperandKind : byte
{
    Reg,
    Imm,
    Code,
    StackPop,
    StackPush,
    StackRel,
    StackAbs,
}

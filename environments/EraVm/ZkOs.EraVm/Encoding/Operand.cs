// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Encoding;

/// <summary>A parsed operand: a register, an immediate, or a memory form <c>[reg + imm]</c>.</summary>
public readonly record struct Operand(OperandKind Kind, byte Reg, ushort Imm);

// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Machine;

namespace ZkOs.EraVm.Instructions.Operands;

internal static class Offset
{
    /// <summary><c>r+i</c> of a memory operand: the register's low 16 bits plus the immediate, mod 2^16.</summary>
    public static ushort Of(EraVmMachine vm, byte register, ushort immediate) =>
        (ushort)(vm.Registers[register].U0 + immediate);
}

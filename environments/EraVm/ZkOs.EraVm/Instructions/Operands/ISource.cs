// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Machine;
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Instructions.Operands;

/// <summary>
/// A src0 addressing mode (eravm.md §2), chosen at decode time as a type argument. <c>r+i</c> is the
/// register's low 16 bits plus the immediate, mod 2^16.
/// </summary>
public interface ISource
{
    static abstract UInt256 Read(EraVmMachine vm, in DecodedInstruction ins, out bool isPointer);

    /// <summary>Only the side effect on SP (what <c>nop</c> does with the mode).</summary>
    static abstract void Skip(EraVmMachine vm, in DecodedInstruction ins);
}

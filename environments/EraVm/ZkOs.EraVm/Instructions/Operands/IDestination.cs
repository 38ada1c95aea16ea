// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Machine;
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Instructions.Operands;

/// <summary>A dst0 addressing mode (eravm.md §2), chosen at decode time as a type argument.</summary>
public interface IDestination
{
    static abstract void Write(EraVmMachine vm, in DecodedInstruction ins, in UInt256 value, bool isPointer);

    /// <summary>Only the side effect on SP (what <c>nop</c> does with the mode).</summary>
    static abstract void Skip(EraVmMachine vm, in DecodedInstruction ins);
}

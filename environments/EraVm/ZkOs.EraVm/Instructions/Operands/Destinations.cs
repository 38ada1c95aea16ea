// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Machine;
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Instructions.Operands;

/// <summary>dst0 = a register (writes to r0 are dropped).</summary>
public struct DstReg : IDestination
{
    public static void Write(EraVmMachine vm, in DecodedInstruction ins, in UInt256 value, bool isPointer) =>
        vm.SetRegister(ins.Dst0, value, isPointer);

    public static void Skip(EraVmMachine vm, in DecodedInstruction ins)
    {
    }
}

/// <summary><c>stack[r+i]</c>.</summary>
public struct DstStackAbs : IDestination
{
    public static void Write(EraVmMachine vm, in DecodedInstruction ins, in UInt256 value, bool isPointer) =>
        vm.Current.WriteStack(Offset.Of(vm, ins.Dst0, ins.Imm1), value, isPointer);

    public static void Skip(EraVmMachine vm, in DecodedInstruction ins)
    {
    }
}

/// <summary><c>stack-[r+i]</c>: relative to SP, SP unchanged.</summary>
public struct DstStackRel : IDestination
{
    public static void Write(EraVmMachine vm, in DecodedInstruction ins, in UInt256 value, bool isPointer)
    {
        var frame = vm.Current;
        frame.WriteStack((ushort)(frame.Sp - Offset.Of(vm, ins.Dst0, ins.Imm1)), value, isPointer);
    }

    public static void Skip(EraVmMachine vm, in DecodedInstruction ins)
    {
    }
}

/// <summary><c>stack+=[r+i]</c>: write at the old SP, then SP += r+i.</summary>
public struct DstStackPush : IDestination
{
    public static void Write(EraVmMachine vm, in DecodedInstruction ins, in UInt256 value, bool isPointer)
    {
        var frame = vm.Current;
        frame.WriteStack(frame.Sp, value, isPointer);
        Skip(vm, ins);
    }

    public static void Skip(EraVmMachine vm, in DecodedInstruction ins)
    {
        var frame = vm.Current;
        frame.Sp = (ushort)(frame.Sp + Offset.Of(vm, ins.Dst0, ins.Imm1));
    }
}

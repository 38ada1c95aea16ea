// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Machine;
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Instructions.Operands;

/// <summary>src0 = a register.</summary>
public struct SrcReg : ISource
{
    public static UInt256 Read(EraVmMachine vm, in DecodedInstruction ins, out bool isPointer)
    {
        isPointer = vm.IsPointer(ins.Src0);
        return vm.Registers[ins.Src0];
    }

    public static void Skip(EraVmMachine vm, in DecodedInstruction ins)
    {
    }
}

/// <summary>src0 = the 16-bit immediate.</summary>
public struct SrcImm : ISource
{
    public static UInt256 Read(EraVmMachine vm, in DecodedInstruction ins, out bool isPointer)
    {
        isPointer = false;
        return new UInt256(ins.Imm0);
    }

    public static void Skip(EraVmMachine vm, in DecodedInstruction ins)
    {
    }
}

/// <summary><c>code[r+i]</c>: a whole word of the code page; 0 past its end.</summary>
public struct SrcCode : ISource
{
    public static UInt256 Read(EraVmMachine vm, in DecodedInstruction ins, out bool isPointer)
    {
        isPointer = false;
        var words = vm.Current.Program.CodeWords;
        var index = Offset.Of(vm, ins.Src0, ins.Imm0);
        return index < words.Length ? words[index] : UInt256.Zero;
    }

    public static void Skip(EraVmMachine vm, in DecodedInstruction ins)
    {
    }
}

/// <summary><c>stack[r+i]</c>.</summary>
public struct SrcStackAbs : ISource
{
    public static UInt256 Read(EraVmMachine vm, in DecodedInstruction ins, out bool isPointer)
    {
        var slot = Offset.Of(vm, ins.Src0, ins.Imm0);
        isPointer = vm.Current.IsStackPointer(slot);
        return vm.Current.ReadStack(slot);
    }

    public static void Skip(EraVmMachine vm, in DecodedInstruction ins)
    {
    }
}

/// <summary><c>stack-[r+i]</c>: relative to SP, SP unchanged.</summary>
public struct SrcStackRel : ISource
{
    public static UInt256 Read(EraVmMachine vm, in DecodedInstruction ins, out bool isPointer)
    {
        var frame = vm.Current;
        var slot = (ushort)(frame.Sp - Offset.Of(vm, ins.Src0, ins.Imm0));
        isPointer = frame.IsStackPointer(slot);
        return frame.ReadStack(slot);
    }

    public static void Skip(EraVmMachine vm, in DecodedInstruction ins)
    {
    }
}

/// <summary><c>stack-=[r+i]</c>: SP -= r+i, then read at the new SP.</summary>
public struct SrcStackPop : ISource
{
    public static UInt256 Read(EraVmMachine vm, in DecodedInstruction ins, out bool isPointer)
    {
        Skip(vm, ins);
        var frame = vm.Current;
        isPointer = frame.IsStackPointer(frame.Sp);
        return frame.ReadStack(frame.Sp);
    }

    public static void Skip(EraVmMachine vm, in DecodedInstruction ins)
    {
        var frame = vm.Current;
        frame.Sp = (ushort)(frame.Sp - Offset.Of(vm, ins.Src0, ins.Imm0));
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Instructions.Operands;
using ZkOs.EraVm.Machine;
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Instructions;

/// <summary>nop, the arithmetic and bitwise families, and jump.</summary>
public static class Arithmetic
{
    /// <summary>nop: only its stack modes act, moving SP (LLVM <c>incsp</c>/<c>decsp</c>).</summary>
    public static void Nop<TSrc, TDst>(EraVmMachine vm, in DecodedInstruction ins)
        where TSrc : struct, ISource
        where TDst : struct, IDestination
    {
        TSrc.Skip(vm, ins);
        TDst.Skip(vm, ins);
    }

    public static void Binop<TOp, TSrc, TDst, TSwap, TSetFlags>(EraVmMachine vm, in DecodedInstruction ins)
        where TOp : struct, IArithmetic
        where TSrc : struct, ISource
        where TDst : struct, IDestination
        where TSwap : struct, IFlag
        where TSetFlags : struct, IFlag
    {
        var a = TSrc.Read(vm, ins, out var aIsPointer);
        a = vm.Erase(a, aIsPointer);
        var b = vm.Erase(vm.Registers[ins.Src1], vm.IsPointer(ins.Src1));
        UInt256 result, second;
        bool lt, eq, gt;
        if (TSwap.IsOn)
        {
            TOp.Apply(b, a, out result, out second, out lt, out eq, out gt);
        }
        else
        {
            TOp.Apply(a, b, out result, out second, out lt, out eq, out gt);
        }
        TDst.Write(vm, ins, result, false);
        if (TOp.HasSecondOutput)
        {
            vm.SetDst1(ins.Dst1, second, false);
        }
        if (TSetFlags.IsOn)
        {
            vm.SetFlags(lt, eq, gt);
        }
    }

    /// <summary>jump: pc = low 16 bits of src0; dst0 gets the address of the next instruction (1.5).</summary>
    public static void Jump<TSrc>(EraVmMachine vm, in DecodedInstruction ins)
        where TSrc : struct, ISource
    {
        var target = TSrc.Read(vm, ins, out _);
        var frame = vm.Current;
        vm.SetRegister(ins.Dst0, new UInt256(frame.Pc), false);
        frame.Pc = (ushort)target.U0;
    }
}

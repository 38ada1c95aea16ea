// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Instructions.Operands;
using ZkOs.EraVm.Machine;

namespace ZkOs.EraVm.Instructions;

/// <summary>ptr.add, ptr.sub, ptr.pack, ptr.shrink: a tagged pointer and an untagged number give a tagged pointer.</summary>
public static class Pointers
{
    public static void Pointer<TOp, TSrc, TDst, TSwap>(EraVmMachine vm, in DecodedInstruction ins)
        where TOp : struct, IPointerOp
        where TSrc : struct, ISource
        where TDst : struct, IDestination
        where TSwap : struct, IFlag
    {
        var source = TSrc.Read(vm, ins, out var sourceIsPointer);
        var register = vm.Registers[ins.Src1];
        var registerIsPointer = vm.IsPointer(ins.Src1);
        // The pointer operand is taken as is; the number operand is erased but its tag still counts.
        var (pointer, pointerTagged, operand, operandTagged) = TSwap.IsOn
            ? (register, registerIsPointer, vm.Erase(source, sourceIsPointer), sourceIsPointer)
            : (source, sourceIsPointer, vm.Erase(register, registerIsPointer), registerIsPointer);
        if (!pointerTagged || operandTagged || !TOp.Apply(pointer, operand, out var result))
        {
            vm.Panic();
            return;
        }
        TDst.Write(vm, ins, result, true);
    }
}

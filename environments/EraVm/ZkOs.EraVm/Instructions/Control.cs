// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Instructions.Operands;
using ZkOs.EraVm.Machine;

namespace ZkOs.EraVm.Instructions;

/// <summary>The invalid entry, near calls, far calls and returns.</summary>
public static class Control
{
    /// <summary>
    /// The invalid entry costs u32::MAX, so the loop has already zeroed the frame's ergs unless it held
    /// exactly that much: burn what is left and panic.
    /// </summary>
    public static void Invalid(EraVmMachine vm, in DecodedInstruction ins)
    {
        vm.Current.Ergs = 0;
        vm.Panic();
    }

    /// <summary>near_call rErgs, @target, @handler: low 32 bits of src0 = ergs to pass, 0 = all.</summary>
    public static void NearCall(EraVmMachine vm, in DecodedInstruction ins) =>
        vm.NearCall((uint)vm.Registers[ins.Src0].U0, ins.Imm0, ins.Imm1);

    /// <summary>ret.ok / ret.revert / ret.panic, near or far; <c>.to_label</c> resumes a near caller at imm0.</summary>
    public static void Return<TKind, TToLabel>(EraVmMachine vm, in DecodedInstruction ins)
        where TKind : struct, IReturnKind
        where TToLabel : struct, IFlag
    {
        vm.Return(TKind.Kind, vm.Registers[ins.Src0], vm.IsPointer(ins.Src0), TToLabel.IsOn, ins.Imm0);
    }

    /// <summary>far_call rAbi, rAddress, @handler.</summary>
    public static void FarCall<TKind, TStatic, TShard>(EraVmMachine vm, in DecodedInstruction ins)
        where TKind : struct, ICallKind
        where TStatic : struct, IFlag
        where TShard : struct, IFlag
    {
        vm.FarCall(TKind.Kind, TStatic.IsOn, TShard.IsOn, vm.Registers[ins.Src0], vm.IsPointer(ins.Src0), vm.Registers[ins.Src1], ins.Imm0);
    }
}

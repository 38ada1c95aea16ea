// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Machine;
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Instructions;

/// <summary>The context family (eravm.md §1 "Context registers", §2 "context.meta").</summary>
public static class Context
{
    public static void This(EraVmMachine vm, in DecodedInstruction ins) => vm.SetRegister(ins.Dst0, vm.Current.This.ToUInt256(), false);

    public static void Caller(EraVmMachine vm, in DecodedInstruction ins) => vm.SetRegister(ins.Dst0, vm.Current.Caller.ToUInt256(), false);

    public static void CodeAddress(EraVmMachine vm, in DecodedInstruction ins) => vm.SetRegister(ins.Dst0, vm.Current.CodeAddress.ToUInt256(), false);

    /// <summary>bits 0..31 pubdata counter (kernel frames only), 64..95 heap bound, 96..127 aux heap bound; shard ids 0.</summary>
    public static void Meta(EraVmMachine vm, in DecodedInstruction ins)
    {
        var frame = vm.Current;
        var pubdata = frame.IsKernel ? (uint)vm.World.Pubdata : 0u;
        vm.SetRegister(ins.Dst0, new UInt256(pubdata, frame.HeapBound | ((ulong)frame.AuxHeapBound << 32)), false);
    }

    public static void ErgsLeft(EraVmMachine vm, in DecodedInstruction ins) => vm.SetRegister(ins.Dst0, new UInt256(vm.Current.Ergs), false);

    public static void Sp(EraVmMachine vm, in DecodedInstruction ins) => vm.SetRegister(ins.Dst0, new UInt256(vm.Current.Sp), false);

    public static void GetContextU128(EraVmMachine vm, in DecodedInstruction ins) => vm.SetRegister(ins.Dst0, vm.Current.ContextU128, false);

    /// <summary>Leaves the low 128 bits of src0 for the next far call.</summary>
    public static void SetContextU128(EraVmMachine vm, in DecodedInstruction ins)
    {
        var value = vm.Registers[ins.Src0];
        vm.PendingContextU128 = new UInt256(value.U0, value.U1);
    }

    /// <summary>Formerly set_ergs_per_pubdata; a no-op in 1.5.</summary>
    public static void AuxMutating0(EraVmMachine vm, in DecodedInstruction ins)
    {
    }

    /// <summary>A new transaction: transient storage is cleared.</summary>
    public static void IncrementTxNumber(EraVmMachine vm, in DecodedInstruction ins) => vm.World.NextTransaction(vm.Host);
}

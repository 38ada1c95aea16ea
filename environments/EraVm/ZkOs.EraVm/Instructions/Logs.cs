// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Instructions.Operands;
using ZkOs.EraVm.Machine;
using ZkOs.EraVm.World;
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Instructions;

/// <summary>
/// The log family: storage and transient storage, events, L2→L1 messages, precompile calls and decommit.
/// Storage is priced cold by the table and refunded here when warm (eravm.md §2 "Where the prices come from").
/// </summary>
public static class Logs
{
    public const uint WarmReadRefund = 1970;
    public const uint RewriteRefund = 5440;
    public const uint WriteAfterReadRefund = 2000;

    public static void StorageRead(EraVmMachine vm, in DecodedInstruction ins)
    {
        var frame = vm.Current;
        var key = vm.Erase(vm.Registers[ins.Src0], vm.IsPointer(ins.Src0));
        var value = vm.World.ReadStorage(vm.Host, frame.This, key, out var warm);
        var refund = vm.Host.StorageRefund(frame.This, key, false) ?? (warm ? WarmReadRefund : 0);
        frame.Ergs += refund;
        vm.SetRegister(ins.Dst0, value, false);
    }

    public static void StorageWrite(EraVmMachine vm, in DecodedInstruction ins)
    {
        var frame = vm.Current;
        var key = vm.Erase(vm.Registers[ins.Src0], vm.IsPointer(ins.Src0));
        var value = vm.Erase(vm.Registers[ins.Src1], vm.IsPointer(ins.Src1));
        vm.World.WriteStorage(vm.Host, frame.This, key, value, out var warmth);
        var refund = vm.Host.StorageRefund(frame.This, key, true)
            ?? warmth switch { 2 => RewriteRefund, 1 => WriteAfterReadRefund, _ => 0u };
        frame.Ergs += refund;
    }

    public static void TransientRead(EraVmMachine vm, in DecodedInstruction ins)
    {
        var key = vm.Erase(vm.Registers[ins.Src0], vm.IsPointer(ins.Src0));
        vm.SetRegister(ins.Dst0, vm.Host.ReadTransient(vm.Current.This, key), false);
    }

    public static void TransientWrite(EraVmMachine vm, in DecodedInstruction ins)
    {
        var key = vm.Erase(vm.Registers[ins.Src0], vm.IsPointer(ins.Src0));
        var value = vm.Erase(vm.Registers[ins.Src1], vm.IsPointer(ins.Src1));
        vm.World.WriteTransient(vm.Host, vm.Current.This, key, value);
    }

    /// <summary>log.event: one query (key = src0, value = src1); EventWriter chains them into events.</summary>
    public static void Event<TFirst>(EraVmMachine vm, in DecodedInstruction ins)
        where TFirst : struct, IFlag
    {
        vm.World.Events.Add(new EraEvent(vm.Current.This, vm.Registers[ins.Src0], vm.Registers[ins.Src1], TFirst.IsOn, false, vm.World.TxNumber));
    }

    /// <summary>log.to_l1: an L2→L1 message query (key = src0, value = src1).</summary>
    public static void ToL1<TFirst>(EraVmMachine vm, in DecodedInstruction ins)
        where TFirst : struct, IFlag
    {
        vm.World.Events.Add(new EraEvent(vm.Current.This, vm.Registers[ins.Src0], vm.Registers[ins.Src1], TFirst.IsOn, true, vm.World.TxNumber));
    }

    /// <summary>
    /// log.precompile: src1 packs the circuit's extra ergs (low u32) and extra pubdata (next u32); dst0 =
    /// 1, or 0 when the ergs cannot be paid (not a panic). The circuit belongs to the running contract's
    /// address (see <see cref="EraVmMachine.RunPrecompile"/>).
    /// </summary>
    public static void Precompile(EraVmMachine vm, in DecodedInstruction ins)
    {
        var extra = vm.Registers[ins.Src1];
        if (!vm.UseErgs((uint)extra.U0))
        {
            vm.SetRegister(ins.Dst0, UInt256.Zero, false);
            return;
        }
        vm.World.AddPubdata((uint)(extra.U0 >> 32));
        vm.RunPrecompile(vm.Registers[ins.Src0]);
        vm.SetRegister(ins.Dst0, UInt256.One, false);
    }

    /// <summary>
    /// log.decommit: src0 = versioned hash, src1 = extra ergs (refunded when the code was already
    /// decommitted). dst0 = a tagged pointer to the code, or 0 for a malformed hash or a shortfall.
    /// </summary>
    public static void Decommit(EraVmMachine vm, in DecodedInstruction ins)
    {
        var hash = vm.Registers[ins.Src0];
        var extra = (uint)vm.Registers[ins.Src1].U0;
        if (!vm.UseErgs(extra) || !VersionedHash.IsWellFormed(hash) || !vm.Host.TryDecommit(hash, out var program))
        {
            vm.SetRegister(ins.Dst0, UInt256.Zero, false);
            return;
        }
        if (!vm.World.IsFirstDecommit(hash))
        {
            vm.Current.Ergs += extra;
        }
        vm.World.MarkDecommitted(hash);
        vm.SetRegister(ins.Dst0, vm.MaterializeCode(VersionedHash.WithMarker(hash, false), program!).ToWord(), true);
    }

}

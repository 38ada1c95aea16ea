// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Instructions.Operands;
using ZkOs.EraVm.Machine;
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Instructions;

/// <summary>The UMA family: heap, aux heap and static memory reads and writes, and the fat-pointer read.</summary>
public static class Memory
{
    /// <summary>
    /// Heap read: the bound grows to offset+32 (1 erg per byte) before the offset is checked, and an
    /// offset above 2^32-33 burns every erg (eravm.md §1). With increment, dst1 = src0 + 32 and keeps
    /// src0's pointer tag (zk_evm does; vm2 locks it in a regression test).
    /// </summary>
    public static void Load<TSpace, TSrc, TIncrement>(EraVmMachine vm, in DecodedInstruction ins)
        where TSpace : struct, IHeapSpace
        where TSrc : struct, ISource
        where TIncrement : struct, IFlag
    {
        var pointer = TSrc.Read(vm, ins, out var isPointer);
        if (!Reserve<TSpace>(vm, pointer))
        {
            return;
        }
        var value = vm.Page(TSpace.PageOf(vm.Current)).ReadWord((uint)pointer.U0);
        vm.SetRegister(ins.Dst0, value, false);
        if (TIncrement.IsOn)
        {
            vm.SetDst1(ins.Dst1, pointer + new UInt256(32), isPointer);
        }
    }

    /// <summary>Heap write of src1 (tags are lost in memory). With increment, dst0 = src0 + 32.</summary>
    public static void Store<TSpace, TSrc, TIncrement>(EraVmMachine vm, in DecodedInstruction ins)
        where TSpace : struct, IHeapSpace
        where TSrc : struct, ISource
        where TIncrement : struct, IFlag
    {
        var pointer = TSrc.Read(vm, ins, out _);
        var value = vm.Registers[ins.Src1];
        if (!Reserve<TSpace>(vm, pointer))
        {
            return;
        }
        if (!vm.Page(TSpace.PageOf(vm.Current)).WriteWord((uint)pointer.U0, value))
        {
            vm.Panic();
            return;
        }
        if (TIncrement.IsOn)
        {
            vm.SetRegister(ins.Dst0, pointer + new UInt256(32), false);
        }
    }

    /// <summary>
    /// Fat-pointer read: 32 bytes at start+offset of a tagged pointer, bytes past its length reading as
    /// zero; an offset above 2^32-33 panics. With increment, dst1 = the pointer + 32, still tagged.
    /// </summary>
    public static void FatPointerRead<TIncrement>(EraVmMachine vm, in DecodedInstruction ins)
        where TIncrement : struct, IFlag
    {
        var input = vm.Registers[ins.Src0];
        if (!vm.IsPointer(ins.Src0))
        {
            vm.Panic();
            return;
        }
        var pointer = FatPointer.From(input);
        if (pointer.Offset > EraVmMachine.LastAddress)
        {
            vm.Panic();
            return;
        }
        var start = (ulong)pointer.Start + Math.Min(pointer.Offset, pointer.Length);
        var end = Math.Min(start + 32, (ulong)pointer.Start + pointer.Length);
        Span<byte> word = stackalloc byte[32];
        word.Clear();
        if (end > start)
        {
            vm.FindPage(pointer.Page)?.Read(start, word[..(int)(end - start)]);
        }
        vm.SetRegister(ins.Dst0, UInt256.ReadBigEndian(word), false);
        if (TIncrement.IsOn)
        {
            vm.SetDst1(ins.Dst1, input + new UInt256(32), true);
        }
    }

    private static bool Reserve<TSpace>(EraVmMachine vm, in UInt256 pointer)
        where TSpace : struct, IHeapSpace
    {
        var frame = vm.Current;
        var address = (uint)pointer.U0;
        uint scratch = 0;
        ref var bound = ref TSpace.Bound(frame, ref scratch, out var bounded);
        if (bounded && !vm.GrowBound(ref bound, unchecked(address + 32)))
        {
            vm.Panic();
            return false;
        }
        if (pointer.U0 > EraVmMachine.LastAddress || (pointer.U1 | pointer.U2 | pointer.U3) != 0)
        {
            vm.UseErgs(uint.MaxValue);
            vm.Panic();
            return false;
        }
        return true;
    }
}

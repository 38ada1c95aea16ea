// SPDX-License-Identifier: MIT
using ZkOs.Evm.Tests.Infrastructure;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Tests;

/// <summary>The loop and its handlers allocate no managed memory (memory growth uses native memory).</summary>
public sealed class AllocationTests
{
    private static byte[] Workload()
    {
        var code = new Bytecode()
            .Push(32, UInt256.MaxValue).Push(7).Add().Push(3).Mul().Push(5).Op(0x04).Push(9).Op(0x06)
            .Push(2).Push(200).Exp().Push(77).Op(0x05).Push(1).Push(2).Push(3).Op(0x08).Push(4).Op(0x1b)
            .Store(0, new UInt256(0xabcdef)).Push(64).Push(0).Keccak256().Push(0).MLoad().Pop()
            .Push(40).Push(2).Push(100).CallDataCopy().Push(30).Push(0).Push(200).CodeCopy()
            .Push(10).Push(0).Push(300).ReturnDataCopy().Push(33).Push(5).Push(20).MCopy()
            .Push(38).CallDataLoad().Push(5).CallDataLoad().Pc().Gas().MSize().Push(3);
        var loop = code.Position;
        code.JumpDest().Push(1).Swap(1).Sub().Dup(1).Push((ulong)loop).JumpI().Stop();
        return code;
    }

    [Fact]
    public void A_mixed_program_allocates_nothing()
    {
        byte[] code = Workload();
        byte[] calldata = [.. Enumerable.Range(0, 40).Select(i => (byte)i)];
        var returnData = new byte[64];
        for (var warmUp = 0; warmUp < 3; warmUp++)
        {
            using var run = EvmMachine.Run(code, calldata: calldata, returnData: returnData);
            run.AssertHalted();
        }

        using var measured = EvmMachine.Prepare(code, calldata: calldata, returnData: returnData);
        var before = GC.GetAllocatedBytesForCurrentThread();
        measured.Execute();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        measured.AssertHalted();
        Assert.Equal(0, allocated);
    }
}

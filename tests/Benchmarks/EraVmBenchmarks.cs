// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using ZkOs.EraVm.Harness;
using ZkOs.EraVm.Machine;
using ZkOs.EraVm.World;
using ZkOs.Framework.Primitives;

namespace ZkOs.Benchmarks;

/// <summary>
/// The EraVM machine through its generated decode table: a tight sub/jump loop (dispatch cost per
/// instruction, 2 instructions per iteration) and a far call into a contract that returns at once
/// (frame push, pages, return pointer), both allocation-free in steady state.
/// </summary>
[MemoryDiagnoser]
public class EraVmBenchmarks
{
    private const int Iterations = 100_000;
    private static readonly Address Contract = Address.FromUInt64(0x1_0001);
    private static readonly Address Callee = Address.FromUInt64(0x1_0002);

    private EraVmMachine _machine = null!;
    private DecodedProgram _loop = null!;
    private DecodedProgram _caller = null!;

    [GlobalSetup]
    public void Setup()
    {
        var world = new InMemoryEraWorld();
        _loop = DecodedProgram.Decode(HarnessAssembler.Assemble($"""
            __entry:
            .main:
                add {Iterations}, r0, r1
            loop:
                sub.s! 1, r1, r1
                jump.ne @loop
                ret.ok r0
            """).Bytecode);
        world.Deploy(Callee, HarnessAssembler.Assemble("""
            __entry:
            .main:
                ret.ok r0
            """).Bytecode);
        _caller = DecodedProgram.Decode(HarnessAssembler.Assemble($"""
                .rodata.cst32
            CPI0_0:
                .cell {Callee.ToUInt256()}
                .text
            __entry:
            .main:
                add 1000, r0, r1
                shl.s 192, r1, r1
                add @CPI0_0[0], r0, r2
                far_call r1, r2, @done
            done:
                ret.ok r0
            """).Bytecode);
        _machine = new EraVmMachine(world);
    }

    [Benchmark(OperationsPerInvoke = 2 * Iterations)]
    public MachineStatus SubJumpLoop()
    {
        _machine.Start(new RootLaunch(Contract, Contract, _loop, ReadOnlyMemory<byte>.Empty, uint.MaxValue));
        return _machine.Run();
    }

    [Benchmark]
    public MachineStatus FarCallAndReturn()
    {
        _machine.Start(new RootLaunch(Contract, Contract, _caller, ReadOnlyMemory<byte>.Empty, 10_000_000));
        return _machine.Run();
    }
}

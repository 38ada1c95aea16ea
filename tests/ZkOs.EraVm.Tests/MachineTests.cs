// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Harness;
using ZkOs.EraVm.Machine;
using ZkOs.EraVm.World;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.EraVm.Tests;

/// <summary>Machine rules the harness programs do not pin down on their own, on small hand-written programs.</summary>
public sealed class MachineTests
{
    private static readonly Address Contract = Address.FromUInt64(0x1_0001);

    [Fact]
    public void PredicateFalse_InstructionSkipped_ItsPriceStillCharged()
    {
        // ergs_left (5), add.gt not taken (6), ergs_left (5): the two readings differ by 11.
        var machine = RunRoot("""
            __entry:
            .main:
                context.ergs_left r1
                add.gt 1, r0, r2
                context.ergs_left r3
                sub r1, r3, r4
                add r4, r2, r4
                st.1 r0, r4
                add 32, r0, r5
                shl.s 96, r5, r5
                ret.ok r5
            """, 1_000_000);

        Assert.Equal(MachineStatus.Returned, machine.Status);
        Assert.Equal(new UInt256(11), UInt256.ReadBigEndian(machine.ReturnData.Span));
    }

    [Fact]
    public void InvalidInstruction_Root_PanicsAndBurnsEveryErg()
    {
        var machine = new EraVmMachine(new InMemoryEraWorld());
        machine.Start(new RootLaunch(Contract, Contract, DecodedProgram.Decode(new byte[32]), ReadOnlyMemory<byte>.Empty, 1_000_000));

        Assert.Equal(MachineStatus.Panicked, machine.Run());
        Assert.Equal(0u, machine.RootErgsLeft);
    }

    [Fact]
    public void ExplicitPanicInANearCall_GivesTheUnspentErgsBack()
    {
        // The near call gets 1000 ergs and panics at once (5 ergs): the caller keeps the rest.
        var machine = RunRoot("""
            __entry:
            .main:
                add 1000, r0, r1
                near_call r1, @inner, @handler
                ret.panic r0
            inner:
                ret.panic r0
            handler:
                context.ergs_left r4
                st.1 r0, r4
                add 32, r0, r5
                shl.s 96, r5, r5
                ret.ok r5
            """, 100_000);

        Assert.Equal(MachineStatus.Returned, machine.Status);
        // 100000 - add 6 - near_call 25 - ret.panic 5 - ergs_left 5.
        Assert.Equal(new UInt256(100_000 - 6 - 25 - 5 - 5), UInt256.ReadBigEndian(machine.ReturnData.Span));
    }

    [Fact]
    public void SelfRecursiveFarCall_RunsUntilErgsRunOut_AndTheHostSurvives()
    {
        // Each frame calls itself with all it may pass; the deepest one panics for lack of ergs, and every
        // frame's handler returns ok.
        var world = new InMemoryEraWorld();
        var program = HarnessAssembler.Assemble("""
            __entry:
            .main:
                sub.s 1, r0, r1
                shr.s 224, r1, r1
                shl.s 192, r1, r1
                context.this r2
                add 7, r0, stack[1000]
                far_call r1, r2, @done
            done:
                ret.ok r0
            """);
        var hash = world.Deploy(Contract, program.Bytecode);
        world.TryDecommit(hash, out var decoded);
        var machine = new EraVmMachine(world);
        machine.Start(new RootLaunch(Contract, Contract, decoded!, ReadOnlyMemory<byte>.Empty, uint.MaxValue));

        Assert.Equal(MachineStatus.Returned, machine.Run());
        Assert.True(machine.Cycles > 3_000, $"only {machine.Cycles} instructions ran");
    }

    private static EraVmMachine RunRoot(string source, uint ergs)
    {
        var machine = new EraVmMachine(new InMemoryEraWorld());
        machine.Start(new RootLaunch(Contract, Contract, DecodedProgram.Decode(HarnessAssembler.Assemble(source).Bytecode), ReadOnlyMemory<byte>.Empty, ergs));
        machine.Run();
        return machine;
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Encoding;
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
    private static readonly Address Kernel = Address.FromUInt64(0x8001);

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

    // The cases below re-express vm2's divergence regressions (tests/divergence_regressions.rs) as programs.

    [Fact]
    public void HeapReadWithIncrement_TaggedSource_KeepsTheTagOnDst1()
    {
        // A failed far call leaves r1 = 0, tagged. heap_read.inc puts r1 + 32 in r3 with the tag, so
        // ptr.add accepts r3 as a pointer.
        var machine = RunRoot("""
            __entry:
            .main:
                far_call r0, r0, @after
            after:
                uma.heap_read.inc r1, r0, r5, r3
                ptr.add r3, r0, r4
                ret.ok r0
            """, 1_000_000);

        Assert.Equal(MachineStatus.Returned, machine.Status);
        Assert.True(machine.IsPointer(4));
        Assert.Equal(new UInt256(32), machine.Register(4));
    }

    [Fact]
    public void StaticMemory_WrittenInKernelMode_IsNotTheHeap()
    {
        var machine = RunRoot("""
            __entry:
            .main:
                add 17, r0, r2
                uma.static_write r0, r2, r0, r0
                uma.heap_read r0, r0, r3, r0
                uma.static_read r0, r0, r4, r0
                ret.ok r0
            """, 1_000_000, Address.FromUInt64(0x8001));

        Assert.Equal(MachineStatus.Returned, machine.Status);
        Assert.Equal(UInt256.Zero, machine.Register(3));
        Assert.Equal(new UInt256(17), machine.Register(4));
    }

    [Fact]
    public void SingleOutputInstruction_Dst1FieldNamesARegister_ThatRegisterIsZeroed()
    {
        // add r0, r0, r0 with dst1 = r1 (zksync-protocol#222): r1, the calldata pointer, becomes 0.
        var add = new Instruction(Operation.Add, SourceMode.Reg, DestinationMode.Reg, false, false, Predicate.Always, 0, 0, 0, 1, 0, 0).Encode();
        var ret = new Instruction(Operation.RetOk, SourceMode.Reg, DestinationMode.Reg, false, false, Predicate.Always, 0, 0, 0, 0, 0, 0).Encode();
        var code = new byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(code, add);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(code.AsSpan(8), ret);
        var machine = new EraVmMachine(new InMemoryEraWorld());
        machine.Start(new RootLaunch(Contract, Contract, DecodedProgram.Decode(code), new byte[4], 1_000_000));

        Assert.Equal(MachineStatus.Returned, machine.Run());
        Assert.Equal(UInt256.Zero, machine.Register(1));
    }

    [Fact]
    public void SingleOutputInstruction_Dst1IsAlsoDst0_TheResultWins()
    {
        // add r1, r0, r3 with dst1 = r3: zk_evm zeroes r3 first, then writes the sum (a kernel frame, so
        // the calldata pointer in r1 is not erased on the way).
        var add = new Instruction(Operation.Add, SourceMode.Reg, DestinationMode.Reg, false, false, Predicate.Always, 1, 0, 3, 3, 0, 0).Encode();
        var ret = new Instruction(Operation.RetOk, SourceMode.Reg, DestinationMode.Reg, false, false, Predicate.Always, 0, 0, 0, 0, 0, 0).Encode();
        var code = new byte[32];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(code, add);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(code.AsSpan(8), ret);
        var machine = new EraVmMachine(new InMemoryEraWorld());
        machine.Start(new RootLaunch(Kernel, Kernel, DecodedProgram.Decode(code), new byte[4], 1_000_000));

        Assert.Equal(MachineStatus.Returned, machine.Run());
        Assert.Equal(machine.Register(1), machine.Register(3));
        Assert.False(UInt256.IsZero(machine.Register(3)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void FarRetPanic_AbiWhoseStartPlusLengthOverflows_PaysTheHeapGrowth(bool overflowing)
    {
        // The callee panics with an ABI of start 2^32-1, length 1 (or a zero ABI); the caller's handler
        // reads its ergs. The overflowing ABI grows the callee's bound to u32::MAX, burning its 10,000 ergs.
        var world = new InMemoryEraWorld();
        var callee = Address.FromUInt64(0x1_0002);
        world.Deploy(callee, HarnessAssembler.Assemble($"""
            __entry:
            .main:
                add {(overflowing ? 1 : 0)}, r0, r1
                shl.s 32, r1, r1
                add {(overflowing ? 65535 : 0)}, r1, r1
                shl.s 16, r1, r1
                add {(overflowing ? 65535 : 0)}, r1, r1
                shl.s 64, r1, r1
                ret.panic r1
            """).Bytecode);
        var machine = RunRoot($"""
                .rodata.cst32
            CPI0_0:
                .cell {callee.ToUInt256()}
                .text
            __entry:
            .main:
                add 10000, r0, r1
                shl.s 192, r1, r1
                add @CPI0_0[0], r0, r2
                far_call r1, r2, @handler
                ret.revert r0
            handler:
                context.ergs_left r3
                ret.ok r0
            """, 1_000_000, null, world);

        Assert.Equal(MachineStatus.Returned, machine.Status);
        var left = (uint)machine.Register(3).U0;
        Assert.True(overflowing ? left < 1_000_000 - 10_000 : left > 1_000_000 - 10_000, $"{left} ergs left");
    }

    [Fact]
    public void CallToAnEvmBlob_EmulatorStipend_PaysOnlyWhatThePassedErgsDoNotCover()
    {
        // vm2's stipend test: the emulator frame gets 2^30 free ergs; its unused part never reaches the caller.
        uint Run(uint ergsToPass)
        {
            var world = new InMemoryEraWorld();
            world.EvmEmulatorHash = world.AddCode(HarnessAssembler.Assemble("""
                __entry:
                .main:
                    add r0, r0, r0
                    ret.ok r0
                """).Bytecode);
            var evm = Address.FromUInt64(0xEE_EEEE);
            world.SetCodeHash(evm, VersionedHash.OfEvmBlob([0x00]));
            var machine = RunRoot($"""
                    .rodata.cst32
                CPI0_0:
                    .cell {evm.ToUInt256()}
                    .text
                __entry:
                .main:
                    add {ergsToPass}, r0, r1
                    shl.s 192, r1, r1
                    add @CPI0_0[0], r0, r2
                    far_call r1, r2, @failed
                    ret.ok r0
                failed:
                    ret.revert r0
                """, 1_000_000, null, world);
            Assert.Equal(MachineStatus.Returned, machine.Status);
            return machine.RootErgsLeft;
        }

        var withoutPaying = Run(0);
        var paying = Run(500);
        var payingOne = Run(1);

        Assert.True(withoutPaying > paying, $"{withoutPaying} vs {paying}");
        Assert.Equal(withoutPaying, payingOne + 1);
    }

    [Fact]
    public void Decommit_SameHashTwice_CodeLandsOnTheCurrentHeapAndThePageIsReused()
    {
        var world = new InMemoryEraWorld();
        var code = HarnessAssembler.Assemble("""
            __entry:
            .main:
                ret.ok r0
            """).Bytecode;
        var hash = world.AddCode(code);
        var machine = RunRoot($"""
                .rodata.cst32
            CPI0_0:
                .cell {hash}
                .text
            __entry:
            .main:
                add 99, r0, r9
                st.1 64, r9
                add @CPI0_0[0], r0, r1
                log.decommit r1, r0, r3
                log.decommit r1, r0, r4
                ld.1 64, r5
                ret.ok r0
            """, 1_000_000, Address.FromUInt64(0x8001), world);

        Assert.Equal(MachineStatus.Returned, machine.Status);
        var first = FatPointer.From(machine.Register(3));
        Assert.Equal(first.Page, FatPointer.From(machine.Register(4)).Page);
        Assert.Equal(EraVmMachine.RootHeapPage, first.Page);
        Assert.Equal(new UInt256(99), machine.Register(5));
        Assert.Equal(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(code), machine.FindPage(first.Page)!.ReadWord(0).U3);
    }

    private static EraVmMachine RunRoot(string source, uint ergs, Address? address = null, InMemoryEraWorld? world = null)
    {
        var machine = new EraVmMachine(world ?? new InMemoryEraWorld());
        var root = address ?? Contract;
        machine.Start(new RootLaunch(root, root, DecodedProgram.Decode(HarnessAssembler.Assemble(source).Bytecode), ReadOnlyMemory<byte>.Empty, ergs));
        machine.Run();
        return machine;
    }
}

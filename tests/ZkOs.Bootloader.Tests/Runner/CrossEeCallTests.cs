// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Runner;
using ZkOs.EraVm.Execution;
using ZkOs.EraVm.Harness;
using ZkOs.Evm;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;
using ZkOs.System.Precompiles;

namespace ZkOs.Bootloader.Tests.Runner;

/// <summary>
/// Calls crossing the EVM and EraVM through the runner: an EraVM far call is a preemption point like an
/// EVM CALL, so EVM → EraVM → EVM works with the return data handed back at each step.
/// </summary>
public sealed class CrossEeCallTests
{
    private static readonly Address Sender = Address.FromUInt64(0xA11CE);
    private static readonly Address EvmEntry = Address.FromUInt64(0x1_0000_0E01);
    private static readonly Address EraRelay = Address.FromUInt64(0x1_0000_0E02);
    private static readonly Address EvmLeaf = Address.FromUInt64(0x1_0000_0E03);

    /// <summary>
    /// EraVM: far-call the EVM leaf (empty calldata), read the first word of its return data through the
    /// returned fat pointer, add 1, store it at heap[0] and return those 32 bytes. A failed call reverts.
    /// </summary>
    private static readonly string EraRelaySource = RelayTo(EvmLeaf);

    private static string RelayTo(Address target) => $"""
            .rodata.cst32
        CPI0_0:
            .cell {target.ToUInt256()}
            .text
        __entry:
        .main:
            add 1000000, r0, r1
            shl.s 192, r1, r1
            add @CPI0_0[0], r0, r2
            far_call r1, r2, @failed
            uma.fat_ptr_read r1, r0, r3, r0
            add 1, r3, r3
            st.1 r0, r3
            add 32, r0, r5
            shl.s 96, r5, r5
            ret.ok r5
        failed:
            ret.revert r0
        """;

    [Fact]
    public void EvmCallsEraVmWhichCallsEvm_ReturnDataComesBackThroughEachFrame()
    {
        // The leaf returns 42; the EraVM relay adds 1; the EVM entry returns what the relay returned.
        const string leaf = "602a60005260206000f3";
        var entry = "6020" + "6000" + "6000" + "6000" + "6000" + "73" + Hex.Encode(EraRelay.ToArray(), prefix: false) + "5a" + "f1" + "50" + "6020" + "6000" + "f3";
        var runner = Setup(
            (EvmEntry, Hex.Decode(entry), EeType.Evm),
            (EraRelay, HarnessAssembler.Assemble(EraRelaySource).Bytecode, EeType.EraVm),
            (EvmLeaf, Hex.Decode(leaf), EeType.Evm));

        var outcome = runner.Call(Sender, EvmEntry, UInt256.Zero, ReadOnlyMemory<byte>.Empty, new Resources(100_000_000_000, 100_000_000_000));

        Assert.True(outcome.IsSuccess, outcome.Status.ToString());
        Assert.Equal(new UInt256(43), UInt256.ReadBigEndian(outcome.ReturnData.Span));
    }

    [Fact]
    public void EraVmCallsARevertingEvmContract_TakesItsHandlerAndReverts()
    {
        // The leaf reverts (PUSH1 0 PUSH1 0 REVERT): the relay's far call lands on its handler, which reverts.
        var runner = Setup(
            (EraRelay, HarnessAssembler.Assemble(EraRelaySource).Bytecode, EeType.EraVm),
            (EvmLeaf, Hex.Decode("60006000fd"), EeType.Evm));

        var outcome = runner.Call(Sender, EraRelay, UInt256.Zero, ReadOnlyMemory<byte>.Empty, new Resources(100_000_000_000, 100_000_000_000));

        Assert.Equal(FrameStatus.Reverted, outcome.Status);
    }

    [Fact]
    public void EraVmCallsEraVmThroughTheRunner_ReturnDataArrivesAsAFatPointer()
    {
        // An EraVM leaf returning 42 from its heap; the relay reads it through the returned pointer.
        const string leaf = """
            __entry:
            .main:
                add 42, r0, r1
                st.1 r0, r1
                add 32, r0, r5
                shl.s 96, r5, r5
                ret.ok r5
            """;
        var eraLeaf = Address.FromUInt64(0x1_0000_0E04);
        var runner = Setup(
            (EraRelay, HarnessAssembler.Assemble(RelayTo(eraLeaf)).Bytecode, EeType.EraVm),
            (eraLeaf, HarnessAssembler.Assemble(leaf).Bytecode, EeType.EraVm));

        var outcome = runner.Call(Sender, EraRelay, UInt256.Zero, ReadOnlyMemory<byte>.Empty, new Resources(100_000_000_000, 100_000_000_000));

        Assert.True(outcome.IsSuccess, outcome.Status.ToString());
        Assert.Equal(new UInt256(43), UInt256.ReadBigEndian(outcome.ReturnData.Span));
    }

    [Fact]
    public void EraVmStorage_GoesThroughTheSystem_AndANearRevertUndoesItsWrites()
    {
        // slot 5 = 7; a near call writes slot 9 and reverts; the handler writes and reads transient 6.
        const string contract = """
            __entry:
            .main:
                add 5, r0, r1
                add 7, r0, r2
                log.swrite r1, r2, r0
                near_call r0, @inner, @handler
                ret.panic r0
            inner:
                add 9, r0, r1
                log.swrite r1, r2, r0
                ret.revert r0
            handler:
                add 6, r0, r1
                log.twrite r1, r2, r0
                log.tread r1, r0, r3
                st.1 r0, r3
                add 32, r0, r5
                shl.s 96, r5, r5
                ret.ok r5
            """;
        var (runner, io) = SetupWithIo((EraRelay, HarnessAssembler.Assemble(contract).Bytecode, EeType.EraVm));

        var outcome = runner.Call(Sender, EraRelay, UInt256.Zero, ReadOnlyMemory<byte>.Empty, new Resources(100_000_000, 100_000_000));

        Assert.True(outcome.IsSuccess, outcome.Status.ToString());
        Assert.Equal(new UInt256(7), UInt256.ReadBigEndian(outcome.ReturnData.Span));
        Assert.Equal(new UInt256(7), io.CurrentSlot(EraRelay, new UInt256(5)));
        Assert.Equal(UInt256.Zero, io.CurrentSlot(EraRelay, new UInt256(9)));
    }

    private static FrameRunner Setup(params (Address Address, byte[] Code, byte EeType)[] contracts) => SetupWithIo(contracts).Runner;

    private static (FrameRunner Runner, IoSubsystem Io) SetupWithIo(params (Address Address, byte[] Code, byte EeType)[] contracts)
    {
        var io = new IoSubsystem(IoRules.ZkSync);
        foreach (var (address, code, ee) in contracts)
        {
            io.SeedAccount(address, 1, UInt256.Zero, code, [], ee);
        }
        io.BeginTransaction(default);
        var environments = new IExecutionEnvironment?[256];
        environments[EeType.Evm] = new EvmEnvironment();
        environments[EeType.EraVm] = new EraVmEnvironment();
        return (new FrameRunner(environments, EeType.Evm, io, PrecompileSet.Cancun), io);
    }
}

// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOs.Bootloader.Runner;
using ZkOs.Bootloader.Tests.Conformance;
using ZkOs.EraVm.Execution;
using ZkOs.EraVm.Harness;
using ZkOs.Evm;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;
using ZkOs.System.Precompiles;
using ZkOs.System.ZkSync;
using ZkOs.System.ZkSync.Hooks;

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

    /// <summary>
    /// Era's MyERC20 (zksolc output) minting under the runner: its mapping hashes go through Era's
    /// Keccak256 contract and its Transfer event through Era's EventWriter, both run as EraVM code at
    /// their kernel addresses. The event reaches the system with the topics and data that
    /// expected_calls.json gives for the same call, because the system far call carries its extra ABI
    /// words (r3..r7: the topic count and topics) through the runner.
    /// </summary>
    [Fact]
    public void EraErc20Mint_UnderTheRunner_EmitsItsTransferEventThroughEventWriter()
    {
        var token = Address.FromUInt64(0xE7C2_0000_0001);
        var artifact = JsonDocument.Parse(File.ReadAllText(SharedData("eravm/contracts/MyERC20.hardhat-deploy.json"))).RootElement;
        var (runner, io) = SetupWithIo(
            (Address.FromUInt64(0x8010), File.ReadAllBytes(SharedData("eravm/system_contracts/Keccak256.zbin")), EeType.EraVm),
            (Address.FromUInt64(0x800D), File.ReadAllBytes(SharedData("eravm/system_contracts/EventWriter.zbin")), EeType.EraVm),
            (token, Hex.Decode(artifact.GetProperty("bytecode").GetString()!), EeType.EraVm));

        // mint(0xa11c, 1000), step 3 of MyERC20 in expected_calls.json.
        var calldata = Hex.Decode("0x40c10f19000000000000000000000000000000000000000000000000000000000000a11c00000000000000000000000000000000000000000000000000000000000003e8");
        var outcome = runner.Call(Sender, token, UInt256.Zero, calldata, new Resources(100_000_000, 100_000_000_000));

        Assert.True(outcome.IsSuccess, outcome.Status.ToString());
        Assert.Equal(UInt256.One, UInt256.ReadBigEndian(outcome.ReturnData.Span));
        var log = Assert.Single(io.Logs);
        Assert.Equal(token, log.Address);
        Assert.Equal(
            [UInt256.Parse("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"), UInt256.Zero, new UInt256(0xa11c)],
            log.Topics);
        Assert.Equal(new UInt256(1000), UInt256.ReadBigEndian(log.Data));
    }

    /// <summary>
    /// An EraVM far call to a precompile address reaches the system's precompile through the runner:
    /// sha256("abc") from heap bytes 0..3, the digest read back through the returned pointer.
    /// </summary>
    [Fact]
    public void EraVmCallsAPrecompile_TheSystemRunsIt()
    {
        const string source = """
                .rodata.cst32
            CPI0_0:
                .cell 2
            CPI0_1:
                .cell 44048180597813453602326562734351324025098966208897425494240603688123167145984
                .text
            __entry:
            .main:
                add @CPI0_1[0], r0, r3
                st.1 r0, r3
                add 3, r0, r4
                shl.s 96, r4, r4
                add 1000000, r0, r1
                shl.s 192, r1, r1
                or r1, r4, r1
                add @CPI0_0[0], r0, r2
                far_call r1, r2, @failed
                uma.fat_ptr_read r1, r0, r3, r0
                st.1 r0, r3
                add 32, r0, r5
                shl.s 96, r5, r5
                ret.ok r5
            failed:
                ret.revert r0
            """;
        var runner = Setup((EraRelay, HarnessAssembler.Assemble(source).Bytecode, EeType.EraVm));

        var outcome = runner.Call(Sender, EraRelay, UInt256.Zero, ReadOnlyMemory<byte>.Empty, new Resources(100_000_000, 100_000_000_000));

        Assert.True(outcome.IsSuccess, outcome.Status.ToString());
        Assert.Equal("0xba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hex.Encode(outcome.ReturnData.Span));
    }

    /// <summary>
    /// An EraVM contract sends an L2→L1 message through the L1 messenger (0x8008), a system hook: the
    /// message is the system's, from the contract, and the hook's L1MessageSent event is logged.
    /// </summary>
    [Fact]
    public void EraVmSendsAnL1Message_ThroughTheMessengerHook()
    {
        // sendToL1("hello"): selector, offset 0x20, length 5, "hello" padded: 100 bytes from three aligned words.
        const string source = """
                .rodata.cst32
            CPI0_0:
                .cell 32776
            CPI0_1:
                .cell 44765355834759234684029515693524797426620770095350793913421261224996568563712
            CPI0_2:
                .cell 862718293348820473429344482784628181556388621521298319395315527974912
            CPI0_3:
                .cell 145793934889312986315772062924675106301809620562051815092255962693632
                .text
            __entry:
            .main:
                add @CPI0_1[0], r0, r3
                st.1 r0, r3
                add 32, r0, r4
                add @CPI0_2[0], r0, r3
                st.1 r4, r3
                add 64, r0, r4
                add @CPI0_3[0], r0, r3
                st.1 r4, r3
                add 100, r0, r4
                shl.s 96, r4, r4
                add 1000000, r0, r1
                shl.s 192, r1, r1
                or r1, r4, r1
                add @CPI0_0[0], r0, r2
                far_call r1, r2, @failed
                ret.ok r0
            failed:
                ret.revert r0
            """;
        var io = new IoSubsystem(IoRules.ZkSync);
        io.SeedAccount(EraRelay, 1, UInt256.Zero, HarnessAssembler.Assemble(source).Bytecode, [], EeType.EraVm);
        io.BeginTransaction(default);
        var environments = new IExecutionEnvironment?[256];
        environments[EeType.Evm] = new EvmEnvironment();
        environments[EeType.EraVm] = new EraVmEnvironment();
        var runner = new FrameRunner(environments, EeType.Evm, io, PrecompileSet.Cancun, SystemHookSet.ZkSync);

        var outcome = runner.Call(Sender, EraRelay, UInt256.Zero, ReadOnlyMemory<byte>.Empty, new Resources(100_000_000, 100_000_000_000));

        Assert.True(outcome.IsSuccess, outcome.Status.ToString());
        var message = Assert.Single(io.Messages);
        Assert.Equal(EraRelay, message.Sender);
        Assert.Equal("hello"u8.ToArray(), message.Data);
        Assert.Equal(SystemAddresses.L1Messenger, Assert.Single(io.Logs).Address);
    }

    private static string SharedData(string relative) => Path.Combine(ConformanceData.Root, relative);

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

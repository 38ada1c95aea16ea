// SPDX-License-Identifier: MIT
extern alias ZkOsSystem;

using BenchmarkDotNet.Attributes;
using ZkOs.Bootloader.Ethereum;
using ZkOs.Evm;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOsSystem::ZkOs.System.Io;
using ZkOsSystem::ZkOs.System.Precompiles;

namespace ZkOs.Benchmarks;

/// <summary>
/// What a contract call and a whole transaction allocate in steady state (the "Allocated" column of the
/// memory diagnoser, per operation). The contract reads and writes a storage slot, hashes memory, emits a
/// log and returns a word, so the call exercises the journal, the event list and the return path:
/// <see cref="PureCall"/> is the same shape without storage, log or output, the interpreter's floor.
/// </summary>
[MemoryDiagnoser]
public class AllocationBenchmarks
{
    private static readonly Address Sender = Address.FromUInt64(0x5e4de7);

    private EvmBenchProgram _stateful = null!;
    private EvmBenchProgram _pure = null!;
    private IoSubsystem _io = null!;
    private EthereumTransactionProcessor _processor = null!;
    private EthereumBlock _block = null!;
    private EthereumTransaction[] _transactions = null!;

    /// <summary>Transactions per invocation: the records (nonces 0 to Batch − 1) are built in setup, not measured.</summary>
    private const int Batch = 1000;

    [GlobalSetup]
    public void Setup()
    {
        _stateful = new EvmBenchProgram(StatefulContract());
        _pure = new EvmBenchProgram(PureContract());

        _io = new IoSubsystem(IoRules.Ethereum);
        _io.SeedAccount(EvmBenchProgram.Contract, 1, UInt256.Zero, StatefulContract(), []);
        _io.SeedAccount(Sender, 0, new UInt256(1_000_000_000_000_000_000) * new UInt256(1_000_000), [], []);
        _block = new EthereumBlock
        {
            ChainId = 1,
            Number = 1,
            Timestamp = 1_700_000_000,
            Coinbase = Address.FromUInt64(0xc0ffee),
            GasLimit = 30_000_000,
            BaseFee = new UInt256(7),
            PrevRandao = UInt256.One,
            ExcessBlobGas = 0,
            BlockHashes = [],
        };
        _io.BeginBlock(new BlockContext
        {
            ChainId = _block.ChainId,
            Number = _block.Number,
            Timestamp = _block.Timestamp,
            Coinbase = _block.Coinbase,
            GasLimit = _block.GasLimit,
            BaseFee = _block.BaseFee,
            PrevRandao = _block.PrevRandao,
            BlobBaseFee = _block.BlobBaseFee,
        }, []);
        var environments = new IExecutionEnvironment?[256];
        environments[EeType.Evm] = new EvmEnvironment(EvmSpec.For(EvmFork.London));
        var runner = new Bootloader.Runner.FrameRunner(environments, EeType.Evm, _io, PrecompileSet.Cancun);
        _processor = new EthereumTransactionProcessor(_io, runner, PrecompileSet.Cancun, EthereumForkRules.For("London")!);
        var transaction = new EthereumTransaction
        {
            Type = 2,
            Sender = Sender,
            Nonce = 0,
            GasPrice = null,
            MaxFeePerGas = new UInt256(10),
            MaxPriorityFeePerGas = UInt256.One,
            GasLimit = 200_000,
            To = EvmBenchProgram.Contract,
            Value = UInt256.Zero,
            Data = ReadOnlyMemory<byte>.Empty,
            AccessList = [],
            BlobVersionedHashes = [],
            MaxFeePerBlobGas = null,
        };
        if (!_stateful.Call(ReadOnlyMemory<byte>.Empty).IsSuccess || !_pure.Call(ReadOnlyMemory<byte>.Empty).IsSuccess)
        {
            throw new InvalidOperationException("a benchmark contract failed.");
        }
        _transactions = new EthereumTransaction[Batch];
        for (var i = 0; i < Batch; i++)
        {
            _transactions[i] = transaction with { Nonce = (ulong)i };
        }
        if (Transaction() is not { Invalid: null, Success: true })
        {
            throw new InvalidOperationException("the benchmark transaction failed.");
        }
    }

    [Benchmark]
    public FrameStatus PureCall() => _pure.Call(ReadOnlyMemory<byte>.Empty).Status;

    [Benchmark]
    public FrameStatus ContractCall() => _stateful.Call(ReadOnlyMemory<byte>.Empty).Status;

    /// <summary>
    /// A type-2 transaction calling the stateful contract through the Ethereum policy (validation, fee
    /// charging, the call, refunds), per operation. The nonce must move on and the records are immutable,
    /// so each invocation runs a batch of records built in setup, then puts the sender's nonce back by
    /// seeding it again: that one seed per <see cref="Batch"/> transactions is the only allocation here
    /// that is not the processor's (under a byte per operation). tests/ZkOs.Bootloader.Tests
    /// SteadyStateAllocationTests asserts the processor's own figure is exactly zero.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public EthereumReceipt Transaction()
    {
        EthereumReceipt receipt = default;
        foreach (var transaction in _transactions)
        {
            receipt = _processor.Execute(_block, transaction);
        }
        _io.SeedAccount(Sender, 0, _io.BalanceOf(Sender), [], []);
        return receipt;
    }

    /// <summary>
    /// SLOAD 0, +1, SSTORE 0; MSTORE the value; KECCAK256 of 64 bytes; LOG1 of 32 bytes under the hash;
    /// then a short arithmetic loop (the interpreter at work between the host calls); RETURN the word.
    /// London: no PUSH0.
    /// </summary>
    private static byte[] StatefulContract()
    {
        const string Prefix =
            "600054600101806000" + "55" // SLOAD 0, +1, DUP1, SSTORE 0 (the value stays on the stack)
            + "600052" // MSTORE at 0
            + "6040600020" // KECCAK256(0, 64)
            + "60206000a1"; // LOG1(0, 32, hash)
        return Convert.FromHexString(Prefix + Loop(Prefix.Length / 2) + "60206000f3"); // RETURN(0, 32)
    }

    /// <summary>The same loop with no storage, log or output.</summary>
    private static byte[] PureContract() => Convert.FromHexString(Loop(0) + "00");

    /// <summary>
    /// 100 rounds of MUL/ADD on a counter, placed at <paramref name="at"/>: PUSH1 100, JUMPDEST, DUP1 DUP1
    /// MUL POP, PUSH1 1 SWAP1 SUB, DUP1 PUSH2 dest JUMPI, POP.
    /// </summary>
    private static string Loop(int at) =>
        "6064" + "5b" + "80800250" + "60019003" + "80" + "61" + (at + 2).ToString("x4", global::System.Globalization.CultureInfo.InvariantCulture) + "57" + "50";
}

// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Ethereum;
using ZkOs.Bootloader.Runner;
using ZkOs.Evm;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;
using ZkOs.System.Precompiles;

namespace ZkOs.Bootloader.Tests.Ethereum;

/// <summary>
/// The allocation target: once warm, a contract call through the runner and a whole Ethereum transaction
/// allocate nothing. The same shapes as tests/Benchmarks/AllocationBenchmarks.cs, measured with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> so a regression fails the suite, not only a chart.
/// </summary>
public class SteadyStateAllocationTests
{
    private const int WarmUpRuns = 200;
    private const int MeasuredRuns = 1000;

    private static readonly Address Contract = Address.FromUInt64(0xc0de);
    private static readonly Address Sender = Address.FromUInt64(0x5e4de7);
    private static readonly Resources Budget = new(1UL << 50, 1UL << 50);

    [Fact]
    public void ContractCall_AllocatesNothing()
    {
        var io = new IoSubsystem(IoRules.Ethereum);
        io.SeedAccount(Contract, 1, UInt256.Zero, StatefulContract(), []);
        // A caller that exists: an empty one would be created and, under EIP-161, removed again each run.
        io.SeedAccount(Sender, 0, UInt256.One, [], []);
        var runner = Runner(io);

        bool Call()
        {
            io.BeginTransaction(default);
            var outcome = runner.Call(Sender, Contract, UInt256.Zero, ReadOnlyMemory<byte>.Empty, Budget);
            io.FinishTransaction();
            return outcome.IsSuccess && outcome.ReturnData.Length == 32;
        }

        Assert.Equal(0, BytesPerRun(Call));
    }

    [Fact]
    public void EthereumTransaction_AllocatesNothing()
    {
        var io = new IoSubsystem(IoRules.Ethereum);
        io.SeedAccount(Contract, 1, UInt256.Zero, StatefulContract(), []);
        io.SeedAccount(Sender, 0, new UInt256(1_000_000_000_000_000_000) * new UInt256(1_000_000), [], []);
        var block = new EthereumBlock
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
        io.BeginBlock(new BlockContext
        {
            ChainId = block.ChainId,
            Number = block.Number,
            Timestamp = block.Timestamp,
            Coinbase = block.Coinbase,
            GasLimit = block.GasLimit,
            BaseFee = block.BaseFee,
            PrevRandao = block.PrevRandao,
            BlobBaseFee = block.BlobBaseFee,
        }, []);
        var processor = new EthereumTransactionProcessor(io, Runner(io), PrecompileSet.Cancun, EthereumForkRules.For("London")!);

        // The nonce must move on and the transaction record is immutable: the records are built up
        // front, outside the measurement, so only the processor is measured.
        var transactions = new EthereumTransaction[WarmUpRuns + MeasuredRuns];
        for (var i = 0; i < transactions.Length; i++)
        {
            transactions[i] = new EthereumTransaction
            {
                Type = 2,
                Sender = Sender,
                Nonce = (ulong)i,
                GasPrice = null,
                MaxFeePerGas = new UInt256(10),
                MaxPriorityFeePerGas = UInt256.One,
                GasLimit = 200_000,
                To = Contract,
                Value = UInt256.Zero,
                Data = ReadOnlyMemory<byte>.Empty,
                AccessList = [],
                BlobVersionedHashes = [],
                MaxFeePerBlobGas = null,
            };
        }
        var next = 0;

        bool Transaction()
        {
            var receipt = processor.Execute(block, transactions[next++]);
            return receipt is { Invalid: null, Success: true } && receipt.Logs.Count == 1 && receipt.Output.Length == 32;
        }

        Assert.Equal(0, BytesPerRun(Transaction));
    }

    /// <summary>Warms up (pools, journal and dictionary capacity, tiering), then the allocation of one measured run.</summary>
    private static long BytesPerRun(Func<bool> run)
    {
        for (var i = 0; i < WarmUpRuns; i++)
        {
            Assert.True(run());
        }
        var ok = true;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < MeasuredRuns; i++)
        {
            ok &= run();
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(ok);
        return allocated / MeasuredRuns;
    }

    private static FrameRunner Runner(IoSubsystem io)
    {
        var environments = new IExecutionEnvironment?[256];
        environments[EeType.Evm] = new EvmEnvironment(EvmSpec.For(EvmFork.London));
        return new FrameRunner(environments, EeType.Evm, io, PrecompileSet.Cancun);
    }

    /// <summary>
    /// SLOAD 0, +1, SSTORE 0; MSTORE the value; KECCAK256 of 64 bytes; LOG1 of 32 bytes under the hash;
    /// RETURN the word (London: no PUSH0).
    /// </summary>
    private static byte[] StatefulContract() =>
        Convert.FromHexString("600054600101806000" + "55" + "600052" + "6040600020" + "60206000a1" + "60206000f3");
}

// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync;
using ZkOs.Bootloader.ZkSync.Blocks;
using ZkOs.Evm;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Precompiles;
using ZkOs.System.ZkSync.Storage;

namespace ZkOs.Bootloader.Tests.ZkSync;

/// <summary>
/// The ZKsync STF end to end on the sample block (samples/ZkSyncBlock): genesis, five transactions of
/// every supported kind, the tree, pubdata and the public input. The pinned values were computed by
/// this code; each formula behind them is checked by hand-derived cases in ZkOs.System.Tests/ZkSync.
/// </summary>
public class ZkSyncBlockTests
{
    internal static ZkSyncBlockFile Sample() =>
        ZkSyncBlockFileReader.Load(Path.Combine(AppContext.BaseDirectory, "ZkSync", "sample-block.json"));

    internal static ZkSyncRunReport Run(ZkSyncBlockFile file, IStateStore? store = null)
    {
        var environments = new IExecutionEnvironment?[256];
        environments[EeType.Evm] = new EvmEnvironment();
        using var database = StateDatabase.Open(store ?? new InMemoryStateStore());
        return new ZkSyncChain(database, environments, PrecompileSet.Cancun).Run(file);
    }

    [Fact]
    public void SampleBlock_AllTransactionsSucceed()
    {
        var report = Run(Sample());

        Assert.Equal(5, report.Block.Transactions.Count);
        Assert.All(report.Block.Transactions, tx => Assert.True(tx.Invalid is null && tx.Success, $"tx {tx.Index}: {tx.Invalid} {tx.InvalidReason}"));
        Assert.Equal(Address.Parse("0x5fbdb2315678afecb367f032d93f642f64180aa3"), report.Block.Transactions[0].ContractAddress);
    }

    [Fact]
    public void SampleBlock_OutputsArePinned()
    {
        var report = Run(Sample());

        Assert.Equal(Bytes32.Parse("0xf2022521b7a1d21af93cb91e1a5c0e0bce91d0d23c96c019e6b99ef3a9d90f51"), report.StateAfter.Root);
        Assert.Equal(12UL, report.StateAfter.NextFreeSlot);
        Assert.Equal(Bytes32.Parse("0x93cbded3d41c84b2adeef75e52b5f1d9268735e809824747c00b4b9cce1968d3"), Keccak256.Hash(report.Block.Pubdata));
        Assert.Equal(Bytes32.Parse("0x03639ae5239d0bc965e061900a68b3aee6ed029a4bbb7d9999e0a441889ab5e7"), report.Block.BlockHash);
        Assert.Equal(Bytes32.Parse("0xd2f0232a40b1601d6dc2d79083d2407d958d6cdcad6e24479f89a0227e2667fa"), report.PublicInput);
    }

    [Fact]
    public void SampleBlock_DepositMintsAndLogs_FeesReachTheCoinbase()
    {
        var file = Sample();
        var report = Run(file);

        var deposit = report.Block.Transactions[4];
        var log = Assert.Single(deposit.L2ToL1Logs);
        Assert.Equal(deposit.Hash, log.Key);
        Assert.Equal([deposit.Hash], report.Block.L1TransactionHashes);
        // Every fee paid to the bootloader was swept to the coinbase: its account is among the diffs.
        Assert.Contains(report.Block.StateDiffs, d => d is ZkOs.System.ZkSync.Pubdata.AccountPropertiesDiff a && a.Initial.Balance.Equals(UInt256.Zero) && !a.Final.Balance.Equals(UInt256.Zero) && a.Final.Nonce == 0 && a.Final.BytecodeLength == 0);
    }

    [Fact]
    public void SampleBlock_SqliteStateMatchesMemory_AndContinuesAcrossRuns()
    {
        var path = Path.Combine(Path.GetTempPath(), $"zkos-{Guid.NewGuid():N}.db");
        try
        {
            ZkSyncRunReport first;
            using (var store = new SqliteStateStore(path))
            {
                first = Run(Sample(), store);
            }
            Assert.Equal(Run(Sample()).StateAfter, first.StateAfter);

            // The same file again is block 1 on a chain already at block 1: refused, state intact.
            using (var store = new SqliteStateStore(path))
            {
                var error = Assert.Throws<ZkSyncBlockException>(() => Run(Sample(), store));
                Assert.Contains("cannot follow the stored head, block 1", error.Message);
            }
            using (var store = new SqliteStateStore(path))
            {
                var next = Run(Sample() with { Number = 2, Transactions = [] }, store);
                Assert.Equal(first.StateAfter, next.StateBefore);
                Assert.Equal(first.Block.BlockHash, Bytes32.FromUInt256(next.Block.Metadata.BlockHashes[0]));
            }
        }
        finally
        {
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(path) + "*"))
            {
                File.Delete(file);
            }
        }
    }
}

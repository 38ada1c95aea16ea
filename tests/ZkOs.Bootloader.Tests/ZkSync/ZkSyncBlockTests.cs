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

        Assert.Equal(7, report.Block.Transactions.Count);
        Assert.All(report.Block.Transactions, tx => Assert.True(tx.Invalid is null && tx.Success, $"tx {tx.Index}: {tx.Invalid} {tx.InvalidReason}"));
        Assert.Equal(Address.Parse("0x5fbdb2315678afecb367f032d93f642f64180aa3"), report.Block.Transactions[0].ContractAddress);
    }

    [Fact]
    public void SampleBlock_OutputsArePinned()
    {
        var report = Run(Sample());

        Assert.Equal(Bytes32.Parse("0xf51a2d0f90da84bc1bf60b63a128ae5aead42baa1e55735ec8435637b23fbf9e"), report.StateAfter.Root);
        Assert.Equal(12UL, report.StateAfter.NextFreeSlot);
        Assert.Equal(Bytes32.Parse("0xaa11de004e208b046e5d267b2646da83ac3dc89ca875354bf05e13afd1711ecb"), Keccak256.Hash(report.Block.Pubdata));
        Assert.Equal(Bytes32.Parse("0xb44f50abf4c1229b5b8ae2c2c57094f03db3355922fb1c2ec7cb1c48e952b074"), report.Block.BlockHash);
        Assert.Equal(Bytes32.Parse("0x152bc448b1a4a6ea752335e0107faa26154471832ef1e6d5a08fe8a98799a99f"), report.PublicInput);
    }

    [Fact]
    public void SampleBlock_DepositMintsAndLogs_FeesReachTheCoinbase()
    {
        var file = Sample();
        var report = Run(file);

        var deposit = report.Block.Transactions[6];
        var log = Assert.Single(deposit.L2ToL1Logs);
        Assert.Equal(deposit.Hash, log.Key);
        Assert.Equal([deposit.Hash], report.Block.L1TransactionHashes);
        // Every fee paid to the bootloader was swept to the coinbase: its account is among the diffs.
        Assert.Contains(report.Block.StateDiffs, d => d is ZkOs.System.ZkSync.Pubdata.AccountPropertiesDiff a && a.Initial.Balance.Equals(UInt256.Zero) && !a.Final.Balance.Equals(UInt256.Zero) && a.Final.Nonce == 0 && a.Final.BytecodeLength == 0);
    }

    [Fact]
    public void SampleBlock_WithdrawalAndMessage_ReachL1()
    {
        var report = Run(Sample());

        // The withdrawal: a message from the base token (0x800a) asking L1 to pay Alice 1 ETH.
        var withdrawal = Assert.Single(report.Block.Transactions[4].Messages);
        Assert.Equal("0x6c0960f9f39fd6e51aad88f6f4ce6ab8827279cfffb922660000000000000000000000000000000000000000000000000de0b6b3a7640000", Hex.Encode(withdrawal));
        Assert.Equal(Address.FromUInt64(0x800a).ToUInt256(), Assert.Single(report.Block.Transactions[4].L2ToL1Logs).Key.ToUInt256());
        // Bob's message through the L1 messenger, keyed by Bob, valued by its keccak.
        var message = Assert.Single(report.Block.Transactions[5].Messages);
        Assert.Equal("hello from L2", global::System.Text.Encoding.ASCII.GetString(message));
        var log = Assert.Single(report.Block.Transactions[5].L2ToL1Logs);
        Assert.Equal(Keccak256.Hash(message), log.Value);
        Assert.Equal(3, report.Block.L2ToL1Logs.Count);
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

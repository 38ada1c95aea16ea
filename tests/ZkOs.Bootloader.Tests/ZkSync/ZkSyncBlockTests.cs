// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync;
using ZkOs.Bootloader.ZkSync.Blocks;
using ZkOs.Bootloader.ZkSync.Forward;
using ZkOs.Evm;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Precompiles;
using ZkOs.System.ZkSync.Storage;

namespace ZkOs.Bootloader.Tests.ZkSync;

/// <summary>
/// The ZKsync STF end to end on the sample block (samples/ZkSyncBlock): genesis, nine transactions of
/// every supported kind (a contract account and a paymaster among them), the tree, pubdata and the public input. The pinned values were computed by
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

        Assert.Equal(9, report.Block.Transactions.Count);
        Assert.All(report.Block.Transactions, tx => Assert.True(tx.Invalid is null && tx.Success, $"tx {tx.Index}: {tx.Invalid} {tx.InvalidReason}"));
        Assert.Equal(Address.Parse("0x5fbdb2315678afecb367f032d93f642f64180aa3"), report.Block.Transactions[0].ContractAddress);
    }

    [Fact]
    public void SampleBlock_OutputsArePinned()
    {
        var report = Run(Sample());

        Assert.Equal(Bytes32.Parse("0x54cc5cbb200d63356e75434016b23786a34eb0b7d49ff7ed2d30da51f5260cb2"), report.StateAfter.Root);
        Assert.Equal(15UL, report.StateAfter.NextFreeSlot);
        Assert.Equal(Bytes32.Parse("0x55fa07c027669deb068a8d09854042b922e4d0e6de9f6da990a03848832d229b"), Keccak256.Hash(report.Block.Pubdata.Span));
        Assert.Equal(Bytes32.Parse("0x6ca8a25fafacd2bdd8413613e884945c684d8487c7f7ac1d223277e0dcbed6cc"), report.Block.BlockHash);
        Assert.Equal(Bytes32.Parse("0x7f81dcf1344376899a5a901a10f01bb47f987c8174e0444497ac32e1f05146cf"), report.PublicInput);
    }

    [Fact]
    public void SampleBlock_BatchPublicInput_IsTheKeccakFormatOfTheSameParts()
    {
        var report = Run(Sample());

        Assert.Equal(ZkOs.System.ZkSync.Commitments.BatchPublicInput.From(report.PublicInputParts).Hash(), report.BatchPublicInput);
        Assert.NotEqual(report.PublicInput, report.BatchPublicInput);
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
    public void SampleBlock_ContractAccountAndPaymaster_PayExactlyTheirGas()
    {
        var report = Run(Sample());
        var account = Address.Parse("0xaaaa000000000000000000000000000000000001");
        var paymaster = Address.Parse("0xfefe000000000000000000000000000000000001");
        var bob = Address.Parse("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
        var diffs = report.Block.StateDiffs.OfType<ZkOs.System.ZkSync.Pubdata.AccountPropertiesDiff>().ToList();
        ZkOs.System.ZkSync.Pubdata.AccountPropertiesDiff DiffOf(Address address) =>
            Assert.Single(diffs, d => d.FlatKey == ZkOs.System.ZkSync.Tree.FlatKey.Compute(ZkOs.System.ZkSync.SystemAddresses.AccountProperties, ZkOs.System.ZkSync.SystemAddresses.AccountPropertiesKey(address)));
        var baseFee = report.Block.Metadata.BaseFee;
        var ether = new UInt256(1_000_000_000_000_000_000);

        // Tx 7: the contract account paid 0.25 ETH and its gas at the base fee; the bootloader bumped its nonce.
        var aa = DiffOf(account);
        Assert.Equal(aa.Initial.Balance - ether / new UInt256(4) - new UInt256(report.Block.Transactions[7].GasUsed) * baseFee, aa.Final.Balance);
        Assert.Equal(aa.Initial.Nonce + 1, aa.Final.Nonce);
        // Tx 8: the paymaster paid Bob's gas; Bob paid only for txs 3 and 5.
        var pm = DiffOf(paymaster);
        Assert.Equal(pm.Initial.Balance - new UInt256(report.Block.Transactions[8].GasUsed) * baseFee, pm.Final.Balance);
        Assert.Equal(pm.Initial.Nonce, pm.Final.Nonce);
        var b = DiffOf(bob);
        Assert.Equal(b.Initial.Balance - new UInt256(report.Block.Transactions[3].GasUsed + report.Block.Transactions[5].GasUsed) * baseFee, b.Final.Balance);
        Assert.Equal(3UL, b.Final.Nonce);
    }

    [Fact]
    public void SampleBlock_WithdrawalAndMessage_ReachL1()
    {
        var report = Run(Sample());

        // The withdrawal: a message from the base token (0x800a) asking L1 to pay Alice 1 ETH.
        var withdrawal = Assert.Single(report.Block.Transactions[4].Messages);
        Assert.Equal("0x6c0960f9f39fd6e51aad88f6f4ce6ab8827279cfffb922660000000000000000000000000000000000000000000000000de0b6b3a7640000", Hex.Encode(withdrawal.Span));
        Assert.Equal(Address.FromUInt64(0x800a).ToUInt256(), Assert.Single(report.Block.Transactions[4].L2ToL1Logs).Key.ToUInt256());
        // Bob's message through the L1 messenger, keyed by Bob, valued by its keccak.
        var message = Assert.Single(report.Block.Transactions[5].Messages);
        Assert.Equal("hello from L2", global::System.Text.Encoding.ASCII.GetString(message.Span));
        var log = Assert.Single(report.Block.Transactions[5].L2ToL1Logs);
        Assert.Equal(Keccak256.Hash(message.Span), log.Value);
        Assert.Equal(3, report.Block.L2ToL1Logs.Count);
    }

    [Fact]
    public void Deployment_OfExactlyPropertiesSizedCode_IsStoredAsBytecode()
    {
        // 124 bytes of runtime code is the size of an account-properties preimage: its kind must come
        // from what was deployed, not be guessed from the bytes.
        var code = new byte[ZkOs.System.ZkSync.Accounts.AccountProperties.EncodedSize];
        var initCode = Hex.Decode("0x607c600c60003960" + "7c6000f3").Concat(code).ToArray();
        var deploy = ZkOs.Bootloader.ZkSync.Transactions.ZkSyncTransactionSigner.Sign(new ZkOs.Bootloader.ZkSync.Transactions.ZkSyncTransaction
        {
            TxType = ZkOs.Bootloader.ZkSync.Transactions.ZkSyncTransaction.Eip1559Type,
            GasLimit = 1_000_000,
            MaxFeePerGas = 200_000_000,
            MaxPriorityFeePerGas = 0,
            Reserved1 = UInt256.One,
            Data = initCode,
        }, 270, Hex.Decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
        var store = new InMemoryStateStore();

        var report = Run(Sample() with { Transactions = [ZkOs.Bootloader.ZkSync.Transactions.ZkSyncTransactionEncoder.Encode(deploy)] }, store);

        Assert.True(report.Block.Transactions[0].Success);
        Assert.True(store.TryGetPreimage(Blake2s256.Hash(code), out var preimage));
        Assert.Equal(PreimageKind.Bytecode, preimage.Kind);
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

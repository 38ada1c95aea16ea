// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Conformance.MainnetBlocks;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Tests.Conformance;

/// <summary>Mainnet block 22244135 (Cancun, 125 transactions), read in place.</summary>
public sealed class MainnetBlockLoaderTests
{
    private static readonly Lazy<MainnetBlockFixture> _fixture = new(() => MainnetBlockLoader.Load(ConformanceData.MainnetBlock));

    private static MainnetBlockFixture Fixture => _fixture.Value;

    [Fact]
    public void Header()
    {
        var header = Fixture.Block.Header;
        Assert.Equal(22244135UL, header.Number);
        Assert.Equal(Bytes32.Parse("0xcb02a07ad62183abe1390b20eaf1be73c54fd2d80f8ebb3ee130118720056279"), header.Hash);
        Assert.Equal(Address.Parse("0xcc8d83aa234ecc8ecceaf2a35b74c69d35bf1bb3"), header.Miner);
        Assert.Equal(Bytes32.Parse("0x4406b0f78e5cd5759660cb27682b10feb3cf324a40dbeff7bdddc16326c94549"), header.StateRoot);
        Assert.Equal(0x2232b93UL, header.GasLimit);
        Assert.Equal(9145346UL, header.GasUsed);
        Assert.Equal(0x67f8c15bUL, header.Timestamp);
        Assert.Equal(new UInt256(0x1b23ab2c), header.BaseFeePerGas);
        Assert.Equal(0x2f20000UL, header.ExcessBlobGas);
        Assert.Equal(0UL, header.BlobGasUsed);
        Assert.Equal(UInt256.Zero, header.Difficulty);
        Assert.Equal(Bytes32.Parse("0xbb532168a1e62c921bb1355987fbe25dba74ab171a462cfdd5d6ba6cec277511"), header.MixHash);
        Assert.Equal(Bytes32.Parse("0x11699606a199a94f84158841173a14fc161889b9132525d64a18a5c25904e167"), header.ParentBeaconBlockRoot);
        Assert.Equal(256, header.LogsBloom.Length);
        Assert.Equal(8, header.Nonce.Length);
        Assert.Equal(16, Fixture.Block.Withdrawals.Count);
        Assert.Equal(Address.Parse("0x13d7d0277ac89cb3a1bd29642d3f063133771527"), Fixture.Block.Withdrawals[0].Address);
        Assert.Equal(0x127f841UL, Fixture.Block.Withdrawals[0].AmountGwei);
    }

    [Fact]
    public void Transactions()
    {
        var transactions = Fixture.Block.Transactions;
        Assert.Equal(125, transactions.Count);
        Assert.Equal(Enumerable.Range(0, 125).Select(i => (ulong)i), transactions.Select(t => t.TransactionIndex));
        Assert.Equal(36, transactions.Count(t => t.Type == 0));
        Assert.Equal(1, transactions.Count(t => t.Type == 1));
        Assert.Equal(88, transactions.Count(t => t.Type == 2));

        var first = transactions[0];
        Assert.Equal(Bytes32.Parse("0xaa7e65e597da35e0836ac7fc871c5e2c7f5d9a24596c622e98b43a09faf1dd0e"), first.Hash);
        Assert.Equal(2, first.Type);
        Assert.Equal(1UL, first.ChainId);
        Assert.Equal(0x218UL, first.Nonce);
        Assert.Equal(Address.Parse("0x7646aed35a2acdc882d63fb9be752501ea366332"), first.From);
        Assert.Equal(Address.Parse("0xf411903cbc70a74d22900a5de66a2dda66507255"), first.To);
        Assert.Equal(0xed3bUL, first.Gas);
        Assert.Equal(new UInt256(0xe8d4a51000), first.MaxFeePerGas);
        Assert.Equal(new UInt256(0x2540be400), first.MaxPriorityFeePerGas);
        Assert.Equal((byte)0, first.YParity);
        Assert.NotNull(first.AccessList);
        Assert.Empty(first.AccessList);
        Assert.Empty(first.BlobVersionedHashes);
        Assert.Equal(0x62, first.Input.Span[0]);

        var legacy = transactions.First(t => t.Type == 0);
        Assert.Null(legacy.AccessList);
        Assert.Null(legacy.YParity);
        Assert.Null(legacy.MaxFeePerGas);
        Assert.NotNull(legacy.GasPrice);
        Assert.True(legacy.V == new UInt256(0x25) || legacy.V == new UInt256(0x26));
    }

    [Fact]
    public void UnionPreState()
    {
        Assert.Equal(125, Fixture.Prestates.Count);
        Assert.Equal(264, Fixture.PreState.Count);
        Assert.Equal(433, Fixture.PreState.Values.Sum(a => a.Storage.Count));
        Assert.Equal(79, Fixture.PreState.Values.Count(a => !a.Code.IsEmpty));

        // The miner is touched by every transaction; its first occurrence is the state before the block.
        var miner = Fixture.PreState[Fixture.Block.Header.Miner];
        Assert.Equal(new UInt256(0x33f92dd504f24b10), miner.Balance);
        Assert.Equal(1UL, miner.Nonce);
        Assert.Equal(Fixture.Prestates[0].Accounts[Fixture.Block.Header.Miner].Balance, miner.Balance);
    }

    [Fact]
    public void FirstOccurrenceOfEachAccountAndSlotWins()
    {
        var a = Address.FromUInt64(0xa);
        var b = Address.FromUInt64(0xb);
        MainnetAccountTrace Account(ulong balance, ulong? nonce, params (ulong Slot, ulong Value)[] slots) => new()
        {
            Balance = new UInt256(balance),
            Nonce = nonce,
            Code = null,
            Storage = slots.ToDictionary(s => new UInt256(s.Slot), s => new UInt256(s.Value)),
        };
        var union = MainnetBlockLoader.BuildPreState(
        [
            new(Bytes32.Zero, new Dictionary<Address, MainnetAccountTrace> { [a] = Account(100, null, (1, 11)) }),
            new(Bytes32.Zero, new Dictionary<Address, MainnetAccountTrace> { [a] = Account(90, 5, (1, 12), (2, 22)), [b] = Account(7, 3) }),
        ]);
        Assert.Equal(new UInt256(100), union[a].Balance);
        Assert.Equal(0UL, union[a].Nonce); // left out means 0
        Assert.True(union[a].Code.IsEmpty);
        Assert.Equal(new UInt256(11), union[a].Storage[new UInt256(1)]);
        Assert.Equal(new UInt256(22), union[a].Storage[new UInt256(2)]);
        Assert.Equal(3UL, union[b].Nonce);
    }

    [Fact]
    public void DiffsAndReceipts()
    {
        Assert.Equal(125, Fixture.Diffs.Count);
        Assert.Equal(400, Fixture.Diffs.Sum(d => d.Post.Count));
        var diff = Fixture.Diffs[1];
        var changed = diff.Post[Address.Parse("0x756b8e6a41c235034416f65c8a2ad9709f71c003")];
        Assert.Equal(new UInt256(0x13a27000a48), changed.Balance);
        Assert.Equal(1UL, changed.Nonce);
        Assert.Null(changed.Code);
        Assert.Null(diff.Post[Address.Parse("0x143395f3b4c0d55ee676b06fc6c2dc7cb9efd9ee")].Nonce); // unchanged

        var receipts = Fixture.Receipts;
        Assert.Equal(125, receipts.Count);
        Assert.Equal(176, receipts.Sum(r => r.Logs.Count));
        Assert.Equal(22, receipts.Count(r => !r.Succeeded));
        Assert.Equal(Fixture.Block.Header.GasUsed, receipts[^1].CumulativeGasUsed);
        Assert.Equal(0xd978UL, receipts[0].GasUsed);
        Assert.Equal(receipts.Sum(r => (long)r.GasUsed), (long)receipts[^1].CumulativeGasUsed);
        var log = receipts[0].Logs[1];
        Assert.Equal(Address.Parse("0xf411903cbc70a74d22900a5de66a2dda66507255"), log.Address);
        Assert.Equal(3, log.Topics.Count);
        Assert.Equal(Bytes32.Parse("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"), log.Topics[0]);
        Assert.Equal(1UL, log.LogIndex);
        Assert.Equal(32, log.Data.Length);
    }

    [Fact]
    public void MalformedFilesNameFileAndField()
    {
        var directory = Directory.CreateTempSubdirectory("zkos-mainnet-").FullName;
        try
        {
            var receipts = Path.Combine(directory, MainnetBlockLoader.ReceiptsFile);
            File.WriteAllText(receipts, """{"jsonrpc":"2.0","id":1,"result":[{"transactionHash":"0x12"}]}""");
            var error = Assert.Throws<MainnetBlockFormatException>(() => MainnetBlockLoader.LoadReceipts(receipts));
            Assert.Equal("receipts.json", error.File);
            Assert.Equal("result[0].transactionHash", error.Field);
            Assert.Equal("receipts.json: result[0].transactionHash: expected a 32-byte value (\"0x\" and 64 hex digits), found \"0x12\"", error.Message);

            File.WriteAllText(receipts, """{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"missing trie node"}}""");
            error = Assert.Throws<MainnetBlockFormatException>(() => MainnetBlockLoader.LoadReceipts(receipts));
            Assert.Contains("missing trie node", error.Message);

            var prestate = Path.Combine(directory, MainnetBlockLoader.PrestateFile);
            File.WriteAllText(prestate, """{"jsonrpc":"2.0","id":1,"result":[{"txHash":"0x0000000000000000000000000000000000000000000000000000000000000000","result":{"0x00000000000000000000000000000000000000aa":{"balance":"0x1","nonce":-1}}}]}""");
            error = Assert.Throws<MainnetBlockFormatException>(() => MainnetBlockLoader.LoadPrestates(prestate));
            Assert.Equal("result[0].result.0x00000000000000000000000000000000000000aa.nonce", error.Field);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}

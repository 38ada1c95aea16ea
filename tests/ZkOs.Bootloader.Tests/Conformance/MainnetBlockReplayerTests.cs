// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Conformance.MainnetBlocks;
using ZkOs.Bootloader.Conformance.StateTests;
using ZkOs.Evm;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Tests.Conformance;

/// <summary>
/// Mainnet block 22244135 replayed through the real EVM, runner, IO subsystem and Ethereum policy: every
/// transaction must match its receipt and its diff trace. The perturbed variants show each comparison
/// catches what it is for, so "all match" cannot come from a check that looks at nothing.
/// </summary>
public sealed class MainnetBlockReplayerTests
{
    private static readonly Lazy<MainnetBlockFixture> _fixture = new(() => MainnetBlockLoader.Load(ConformanceData.MainnetBlock));
    private static readonly Lazy<MainnetReplayResult> _replay = new(() => Replay(Fixture));

    private static readonly Address _coinbase = Address.Parse("0xcc8d83aa234ecc8ecceaf2a35b74c69d35bf1bb3");
    private static readonly Address _token = Address.Parse("0xf411903cbc70a74d22900a5de66a2dda66507255");
    private static readonly UInt256 _writtenSlot = UInt256.Parse("0xa34a98917529537b7b2da04a43d6b661c72e097683f94045a2be74b7e8278480");
    private static readonly UInt256 _clearedSlot = UInt256.Parse("0x5c67956d87e2a782bec2d49ddd6f7b7e697f5d4c2fa00fa40cc100270576be26");

    private static MainnetBlockFixture Fixture => _fixture.Value;

    [Fact]
    public void Replay_EveryTransactionMatches()
    {
        var result = _replay.Value;

        Assert.Equal(22244135UL, result.BlockNumber);
        Assert.Equal(125, result.Transactions.Count);
        Assert.All(result.Transactions, tx => Assert.True(tx.IsMatch, $"tx {tx.Index} {tx.Hash}: {string.Join("; ", tx.Mismatches)}"));
        Assert.Equal(125, result.Matched);
        Assert.True(result.AllMatch);
        // The expected gas is the receipt's, which is the difference of the cumulative figures.
        Assert.All(Fixture.Receipts.Skip(1).Zip(Fixture.Receipts), pair =>
            Assert.Equal(pair.First.CumulativeGasUsed - pair.Second.CumulativeGasUsed, pair.First.GasUsed));
        // The block's 22 failed transactions fail for us too, and the gas adds up to the header's.
        Assert.Equal(22, result.Transactions.Count(t => t.Success == false));
        Assert.Equal(Fixture.Block.Header.GasUsed, result.Transactions.Aggregate(0UL, (sum, t) => sum + t.GasUsed!.Value));
        // No transaction asked BLOCKHASH for a block older than the parent, whose hash is the only one known.
        Assert.All(result.Transactions, tx => Assert.Empty(tx.UnknownBlockHashReads));
    }

    [Fact]
    public void Replay_BeaconRootsContract_IsTouchedByNoTransaction()
    {
        // The tracers run after the EIP-4788 system call and do not show it; no transaction reads the
        // contract, so its writes cannot matter here and the replay says so.
        Assert.False(Fixture.PreState.ContainsKey(MainnetBlockReplayer.BeaconRootsAddress));
        Assert.DoesNotContain(Fixture.Diffs, d => d.Pre.ContainsKey(MainnetBlockReplayer.BeaconRootsAddress) || d.Post.ContainsKey(MainnetBlockReplayer.BeaconRootsAddress));
        Assert.StartsWith("EIP-4788 system call not applied", _replay.Value.BeaconRoot);
    }

    [Fact]
    public void Replay_BeaconRootsContractInThePrestate_AppliesTheSystemCall()
    {
        var preState = new Dictionary<Address, PreAccount>(Fixture.PreState)
        {
            [MainnetBlockReplayer.BeaconRootsAddress] = new PreAccount
            {
                Nonce = 1,
                Balance = UInt256.Zero,
                Code = new byte[] { 0x00 },
                Storage = new Dictionary<UInt256, UInt256>(),
            },
        };

        var result = Replay(Fixture with { PreState = preState });

        var timestampSlot = Fixture.Block.Header.Timestamp % MainnetBlockReplayer.BeaconRootsHistoryLength;
        Assert.StartsWith("EIP-4788 system call applied", result.BeaconRoot);
        Assert.Contains($"0x{timestampSlot:x}", result.BeaconRoot);
        Assert.True(result.AllMatch);
    }

    [Fact]
    public void Replay_ReceiptGasDiffers_ReportsGasUsedAtThatTransactionOnly()
    {
        var receipts = Fixture.Receipts.Select((r, i) => i == 3 ? r with { GasUsed = r.GasUsed + 1 } : r).ToList();

        var result = Replay(Fixture with { Receipts = receipts });

        Assert.Equal([3], result.Transactions.Where(t => !t.IsMatch).Select(t => t.Index));
        var mismatch = Assert.Single(result.Transactions[3].Mismatches);
        Assert.Equal(new MainnetReplayMismatch(MainnetReplayCheck.GasUsed, "gasUsed", "21000", "21001"), mismatch);
    }

    [Fact]
    public void Replay_ReceiptStatusDiffers_ReportsStatus()
    {
        var receipts = Fixture.Receipts.Select((r, i) => i == 24 ? r with { Status = 1 } : r).ToList();

        var tx = Replay(Fixture with { Receipts = receipts }).Transactions[24];

        var mismatch = Assert.Single(tx.Mismatches);
        Assert.Equal(MainnetReplayCheck.Status, mismatch.Check);
        Assert.Equal("success", mismatch.Expected);
    }

    [Fact]
    public void Replay_LogDataDiffers_ReportsTheLog()
    {
        var receipts = Fixture.Receipts.Select((r, i) => i == 0
            ? r with { Logs = [r.Logs[0], r.Logs[1] with { Data = new byte[] { 1 } }] }
            : r).ToList();

        var tx = Replay(Fixture with { Receipts = receipts }).Transactions[0];

        var mismatch = Assert.Single(tx.Mismatches);
        Assert.Equal(MainnetReplayCheck.Logs, mismatch.Check);
        Assert.Equal("logs[1].data", mismatch.Field);
        Assert.Equal("0x01", mismatch.Expected);
        Assert.False(tx.LogsMatch);
        Assert.True(tx.StateMatch);
    }

    [Fact]
    public void Replay_PostSlotDiffers_ReportsTheSlot()
    {
        var tx = Replay(WithDiff(0, diff => diff with
        {
            Post = Replace(diff.Post, _token, diff.Post[_token] with { Storage = new Dictionary<UInt256, UInt256> { [_writtenSlot] = UInt256.One } }),
        })).Transactions[0];

        var mismatch = Assert.Single(tx.Mismatches);
        Assert.Equal(MainnetReplayCheck.State, mismatch.Check);
        Assert.Equal($"{_token}.storage[{_writtenSlot.ToHexString()}]", mismatch.Field);
        Assert.Equal("0x1", mismatch.Expected);
        Assert.False(tx.StateMatch);
    }

    [Fact]
    public void Replay_ChangeTheDiffDoesNotList_IsReported()
    {
        // Transaction 0 pays the coinbase its priority fee and clears a slot of the token (listed only
        // in pre, as geth writes a slot set to zero): take both out of the trace.
        var tx = Replay(WithDiff(0, diff => diff with
        {
            Pre = Replace(diff.Pre.Where(p => p.Key != _coinbase).ToDictionary(), _token, diff.Pre[_token] with { Storage = new Dictionary<UInt256, UInt256>() }),
            Post = diff.Post.Where(p => p.Key != _coinbase).ToDictionary(),
        })).Transactions[0];

        Assert.Equal(
            [$"{_coinbase}.balance", $"{_token}.storage[{_clearedSlot.ToHexString()}]"],
            tx.Mismatches.Select(m => m.Field));
        Assert.All(tx.Mismatches, m => Assert.Equal("unchanged (not in difftrace)", m.Expected));
    }

    [Fact]
    public void Replay_DiffDeletesAnAccountWeKeep_IsReported()
    {
        // An account in pre but not in post is one geth deleted.
        var tx = Replay(WithDiff(0, diff => diff with { Post = diff.Post.Where(p => p.Key != _token).ToDictionary() })).Transactions[0];

        var mismatch = Assert.Single(tx.Mismatches);
        Assert.Equal(_token.ToString(), mismatch.Field);
        Assert.Equal("deleted", mismatch.Expected);
    }

    [Fact]
    public void Replay_NonceTooHigh_ReportsTheRejectionAlone()
    {
        var transactions = Fixture.Block.Transactions.Select((t, i) => i == 1 ? t with { Nonce = t.Nonce + 1 } : t).ToList();

        var result = Replay(Fixture with { Block = Fixture.Block with { Transactions = transactions } });

        // The state is set to the trace's after the mismatch, so later transactions (which pay the
        // same coinbase) are judged on their own and match.
        Assert.Equal([1], result.Transactions.Where(t => !t.IsMatch).Select(t => t.Index));
        var tx = result.Transactions[1];
        var mismatch = Assert.Single(tx.Mismatches);
        Assert.Equal(MainnetReplayCheck.Execution, mismatch.Check);
        Assert.Equal("rejected (NonceTooHigh)", mismatch.Ours);
        Assert.Null(tx.Success);
        Assert.Null(tx.GasUsed);
    }

    private static MainnetReplayResult Replay(MainnetBlockFixture fixture) =>
        new MainnetBlockReplayer(new EvmEnvironment(EvmSpec.Cancun)).Replay(fixture);

    private static MainnetBlockFixture WithDiff(int index, Func<MainnetStateDiff, MainnetStateDiff> change) =>
        Fixture with { Diffs = Fixture.Diffs.Select((d, i) => i == index ? change(d) : d).ToList() };

    private static Dictionary<Address, MainnetAccountTrace> Replace(IReadOnlyDictionary<Address, MainnetAccountTrace> accounts, Address address, MainnetAccountTrace account) =>
        new(accounts) { [address] = account };
}

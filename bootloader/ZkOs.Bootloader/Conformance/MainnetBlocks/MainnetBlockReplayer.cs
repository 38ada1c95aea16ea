// SPDX-License-Identifier: MIT
using System.Globalization;
using ZkOs.Bootloader.Conformance.StateTests;
using ZkOs.Bootloader.Ethereum;
using ZkOs.Bootloader.Runner;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;
using ZkOs.System.Precompiles;

namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>
/// Replays a mainnet block through the same EVM, runner, IO subsystem and Ethereum policy the state tests
/// use: the union prestate as the state before the block, the header as block context, the transactions
/// in order. Each transaction is checked against its receipt (status, gas used, logs) and against the
/// diff trace (every value it changed, and nothing else). After a transaction that does not match, the
/// state is set to what the traces say it became, so each difference is reported once, at the
/// transaction that made it, and not again by every later one that reads the value.
/// </summary>
/// <param name="evm">The EVM that runs account code, for Cancun.</param>
public sealed class MainnetBlockReplayer(IExecutionEnvironment evm)
{
    /// <summary>Mainnet.</summary>
    public const ulong ChainId = 1;

    /// <summary>The rules the replay runs under; the files do not name a fork, and the header fields it needs are Cancun's.</summary>
    public const string Fork = "Cancun";

    /// <summary>EIP-4788's ring buffer length.</summary>
    public const ulong BeaconRootsHistoryLength = 8191;

    /// <summary>EIP-4788's contract, to which every Cancun block's system call writes the parent beacon block root.</summary>
    public static readonly Address BeaconRootsAddress = Address.Parse("0x000F3df6D732807Ef1319fB7B8bB8522d0Beac02");

    /// <exception cref="MainnetBlockFormatException">The header lacks a field a Cancun block has.</exception>
    public MainnetReplayResult Replay(MainnetBlockFixture fixture)
    {
        var header = fixture.Block.Header;
        var block = Block(header);
        var io = new IoSubsystem(IoRules.Ethereum);
        var beaconRoot = SeedPreState(io, fixture.PreState, header);
        io.BeginBlock(block.ToContext(), block.BlockHashes);

        var environments = new IExecutionEnvironment?[256];
        environments[evm.Type] = evm;
        var runner = new FrameRunner(environments, evm.Type, io, PrecompileSet.Cancun);
        var processor = new EthereumTransactionProcessor(io, runner, PrecompileSet.Cancun, EthereumForkRules.For(Fork)!);

        var replays = new List<MainnetTransactionReplay>(fixture.Block.Transactions.Count);
        for (var i = 0; i < fixture.Block.Transactions.Count; i++)
        {
            var tx = fixture.Block.Transactions[i];
            var before = Images(io);
            var receipt = processor.Execute(block, Transaction(tx));
            var after = Images(io);
            var replay = Compare(i, tx, receipt, fixture.Receipts[i], fixture.Diffs[i], before, after, io.UnknownBlockHashReads);
            replays.Add(replay);
            if (!replay.IsMatch)
            {
                Resynchronize(io, fixture.Diffs[i], before, after);
            }
        }
        return new MainnetReplayResult { BlockNumber = header.Number, Transactions = replays, BeaconRoot = beaconRoot };
    }

    private static EthereumBlock Block(MainnetBlockHeader header)
    {
        if (header.BaseFeePerGas is not { } baseFee || header.ExcessBlobGas is not { } excessBlobGas || header.ParentBeaconBlockRoot is null)
        {
            throw new MainnetBlockFormatException(MainnetBlockLoader.BlockFile, "result",
                "the replay runs Cancun rules, but the header lacks baseFeePerGas, excessBlobGas or parentBeaconBlockRoot");
        }
        return new EthereumBlock
        {
            ChainId = ChainId,
            Number = header.Number,
            Timestamp = header.Timestamp,
            Coinbase = header.Miner,
            GasLimit = header.GasLimit,
            BaseFee = baseFee,
            // After the merge the mix hash field carries the RANDAO value.
            PrevRandao = header.MixHash.ToUInt256(),
            ExcessBlobGas = excessBlobGas,
            // The block carries only its parent's hash; older ones read as zero and are reported per transaction.
            BlockHashes = [header.ParentHash.ToUInt256()],
        };
    }

    /// <summary>
    /// Seeds the union prestate, after the EIP-4788 system call. The tracers run after that call and do
    /// not trace it, so a prestate already shows its writes for any slot a transaction reads; applying
    /// them again is a no-op there and completes the slots no transaction read. When the contract is in
    /// no prestate, no transaction touches it and its writes cannot change anything compared.
    /// </summary>
    private static string SeedPreState(IoSubsystem io, IReadOnlyDictionary<Address, PreAccount> preState, MainnetBlockHeader header)
    {
        string note;
        var beacon = preState.GetValueOrDefault(BeaconRootsAddress);
        if (beacon is null)
        {
            note = $"EIP-4788 system call not applied: no transaction touches {BeaconRootsAddress} (it is in no prestate), so its writes cannot affect the replay";
        }
        else
        {
            var timestampSlot = new UInt256(header.Timestamp % BeaconRootsHistoryLength);
            var rootSlot = timestampSlot + new UInt256(BeaconRootsHistoryLength);
            var storage = new Dictionary<UInt256, UInt256>(beacon.Storage)
            {
                [timestampSlot] = new UInt256(header.Timestamp),
                [rootSlot] = header.ParentBeaconBlockRoot!.Value.ToUInt256(),
            };
            beacon = beacon with { Storage = storage };
            note = $"EIP-4788 system call applied before the first transaction: {BeaconRootsAddress} slots {timestampSlot.ToHexString()} (timestamp) and {rootSlot.ToHexString()} (parent beacon block root)";
        }

        foreach (var (address, account) in preState)
        {
            var seeded = address == BeaconRootsAddress ? beacon! : account;
            io.SeedAccount(address, seeded.Nonce, seeded.Balance, seeded.Code.ToArray(), seeded.Storage);
        }
        return note;
    }

    private static EthereumTransaction Transaction(MainnetTransaction tx) => new()
    {
        Type = tx.Type,
        Sender = tx.From,
        Nonce = tx.Nonce,
        // For types 2 and 3 the node's gasPrice is the effective price it computed, not a field of the transaction.
        GasPrice = tx.Type < 2 ? tx.GasPrice : null,
        MaxFeePerGas = tx.MaxFeePerGas,
        MaxPriorityFeePerGas = tx.MaxPriorityFeePerGas,
        GasLimit = tx.Gas,
        To = tx.To,
        Value = tx.Value,
        Data = tx.Input,
        AccessList = tx.AccessList ?? [],
        BlobVersionedHashes = tx.BlobVersionedHashes,
        MaxFeePerBlobGas = tx.MaxFeePerBlobGas,
    };

    private static Dictionary<Address, MainnetAccountImage> Images(IoSubsystem io)
    {
        var storage = io.StorageByAccount();
        return io.Accounts.ToDictionary(pair => pair.Key, pair => MainnetAccountImage.Of(pair.Value, storage.GetValueOrDefault(pair.Key)));
    }

    private static MainnetTransactionReplay Compare(
        int index, MainnetTransaction tx, EthereumReceipt receipt, MainnetReceipt expected, MainnetStateDiff diff,
        Dictionary<Address, MainnetAccountImage> before, Dictionary<Address, MainnetAccountImage> after, IReadOnlyCollection<ulong> unknownBlockHashes)
    {
        var mismatches = new List<MainnetReplayMismatch>();
        var ran = receipt.Invalid is null;
        if (receipt.Invalid is { } invalid)
        {
            // Nothing ran: every other check would only repeat that the transaction is missing.
            mismatches.Add(new(MainnetReplayCheck.Execution, "validity", $"rejected ({invalid})", "included"));
        }
        else
        {
            if (receipt.Unsupported is { } unsupported)
            {
                mismatches.Add(new(MainnetReplayCheck.Execution, "support", $"unsupported: {unsupported}", "supported"));
            }
            if (receipt.Success != expected.Succeeded)
            {
                mismatches.Add(new(MainnetReplayCheck.Status, "status", StatusText(receipt.Success, receipt.Error), StatusText(expected.Succeeded, null)));
            }
            if (receipt.GasUsed != expected.GasUsed)
            {
                mismatches.Add(new(MainnetReplayCheck.GasUsed, "gasUsed", Decimal(receipt.GasUsed), Decimal(expected.GasUsed)));
            }
            CompareLogs(receipt.Logs, expected.Logs, mismatches);
            CompareState(diff, before, after, mismatches);
        }
        return new MainnetTransactionReplay
        {
            Index = index,
            Hash = tx.Hash,
            Success = ran ? receipt.Success : null,
            ExpectedSuccess = expected.Succeeded,
            GasUsed = ran ? receipt.GasUsed : null,
            ExpectedGasUsed = expected.GasUsed,
            Mismatches = mismatches,
            UnknownBlockHashReads = [.. unknownBlockHashes.Order()],
        };
    }

    private static void CompareLogs(LogList ours, IReadOnlyList<MainnetLog> expected, List<MainnetReplayMismatch> mismatches)
    {
        if (ours.Count != expected.Count)
        {
            mismatches.Add(new(MainnetReplayCheck.Logs, "logs.count", Decimal((ulong)ours.Count), Decimal((ulong)expected.Count)));
        }
        for (var i = 0; i < Math.Min(ours.Count, expected.Count); i++)
        {
            var (log, want) = (ours[i], expected[i]);
            if (log.Address != want.Address)
            {
                mismatches.Add(new(MainnetReplayCheck.Logs, $"logs[{i}].address", log.Address.ToString(), want.Address.ToString()));
            }
            var topics = log.Topics.ToArray().Select(t => Bytes32.FromUInt256(t)).ToList();
            if (!topics.SequenceEqual(want.Topics))
            {
                mismatches.Add(new(MainnetReplayCheck.Logs, $"logs[{i}].topics", TopicsText(topics), TopicsText(want.Topics)));
            }
            if (!log.Data.Span.SequenceEqual(want.Data.Span))
            {
                mismatches.Add(new(MainnetReplayCheck.Logs, $"logs[{i}].data", Hex.Encode(log.Data.Span), Hex.Encode(want.Data.Span)));
            }
        }
    }

    /// <summary>
    /// The diff trace lists, per account the transaction modified, the fields that changed (<c>post</c>)
    /// and their old values (<c>pre</c>). geth leaves out of <c>post</c> a slot set to zero and an account
    /// deleted, so those are read from <c>pre</c>. Every value listed must be ours after the transaction;
    /// every value we changed must be listed. Values are compared, not writes: a value written back to
    /// what it was, or an account created empty and removed again (EIP-161), changed nothing, and geth
    /// leaves such accounts out too.
    /// </summary>
    private static void CompareState(
        MainnetStateDiff diff, Dictionary<Address, MainnetAccountImage> before, Dictionary<Address, MainnetAccountImage> after, List<MainnetReplayMismatch> mismatches)
    {
        MainnetAccountImage Before(Address a) => before.GetValueOrDefault(a) ?? MainnetAccountImage.Empty;
        MainnetAccountImage After(Address a) => after.GetValueOrDefault(a) ?? MainnetAccountImage.Empty;
        void Add(string field, string ours, string expected) => mismatches.Add(new(MainnetReplayCheck.State, field, ours, expected));

        foreach (var (address, post) in diff.Post.OrderBy(p => p.Key))
        {
            var ours = After(address);
            if (post.Balance is { } balance && ours.Balance != balance)
            {
                Add($"{address}.balance", ours.Balance.ToHexString(), balance.ToHexString());
            }
            if (post.Nonce is { } nonce && ours.Nonce != nonce)
            {
                Add($"{address}.nonce", Decimal(ours.Nonce), Decimal(nonce));
            }
            if (post.Code is { } code && !ours.Code.AsSpan().SequenceEqual(code.Span))
            {
                Add($"{address}.code", CodeText(ours.Code), CodeText(code.Span));
            }
            foreach (var (slot, value) in post.Storage.OrderBy(s => s.Key))
            {
                if (ours.Slot(slot) != value)
                {
                    Add(SlotField(address, slot), ours.Slot(slot).ToHexString(), value.ToHexString());
                }
            }
            if (diff.Pre.TryGetValue(address, out var pre))
            {
                foreach (var slot in pre.Storage.Keys.Where(k => !post.Storage.ContainsKey(k)).Order())
                {
                    if (ours.Slot(slot) != UInt256.Zero)
                    {
                        Add(SlotField(address, slot), ours.Slot(slot).ToHexString(), "0x0 (cleared)");
                    }
                }
            }
        }

        foreach (var address in diff.Pre.Keys.Where(a => !diff.Post.ContainsKey(a)).Order())
        {
            var ours = After(address);
            if (!IsEmpty(ours))
            {
                Add(address.ToString(), $"exists ({AccountText(ours)})", "deleted");
            }
        }

        // What we changed that the trace does not list.
        foreach (var address in before.Keys.Union(after.Keys).Order())
        {
            var (was, now) = (Before(address), After(address));
            var post = diff.Post.GetValueOrDefault(address);
            var pre = diff.Pre.GetValueOrDefault(address);
            if (post is null && pre is not null)
            {
                continue; // deleted: checked above.
            }
            const string Unlisted = "unchanged (not in difftrace)";
            if (now.Balance != was.Balance && post?.Balance is null)
            {
                Add($"{address}.balance", $"{was.Balance.ToHexString()} → {now.Balance.ToHexString()}", Unlisted);
            }
            if (now.Nonce != was.Nonce && post?.Nonce is null)
            {
                Add($"{address}.nonce", $"{was.Nonce} → {now.Nonce}", Unlisted);
            }
            if (!now.Code.AsSpan().SequenceEqual(was.Code) && post?.Code is null)
            {
                Add($"{address}.code", $"{CodeText(was.Code)} → {CodeText(now.Code)}", Unlisted);
            }
            foreach (var slot in was.Storage.Keys.Union(now.Storage.Keys).Order())
            {
                var listed = post is not null && post.Storage.ContainsKey(slot) || pre is not null && pre.Storage.ContainsKey(slot);
                if (now.Slot(slot) != was.Slot(slot) && !listed)
                {
                    Add(SlotField(address, slot), $"{was.Slot(slot).ToHexString()} → {now.Slot(slot).ToHexString()}", Unlisted);
                }
            }
        }
    }

    /// <summary>
    /// Sets every account to the state before the transaction with the diff trace applied: what the
    /// node's state became. Runs between transactions, where nothing is journaled.
    /// </summary>
    private static void Resynchronize(
        IoSubsystem io, MainnetStateDiff diff, Dictionary<Address, MainnetAccountImage> before, Dictionary<Address, MainnetAccountImage> after)
    {
        var addresses = before.Keys.Union(after.Keys).Union(diff.Pre.Keys).Union(diff.Post.Keys).ToList();
        foreach (var address in addresses)
        {
            var expected = Expected(address, diff, before.GetValueOrDefault(address) ?? MainnetAccountImage.Empty);
            var ours = after.GetValueOrDefault(address) ?? MainnetAccountImage.Empty;
            if (!SameAccount(expected, ours))
            {
                // An account the trace deleted becomes empty, which EIP-161 treats as absent.
                io.SeedAccount(address, expected.Nonce, expected.Balance, expected.Code, expected.Storage);
            }
        }
    }

    private static MainnetAccountImage Expected(Address address, MainnetStateDiff diff, MainnetAccountImage before)
    {
        var post = diff.Post.GetValueOrDefault(address);
        var pre = diff.Pre.GetValueOrDefault(address);
        if (post is null)
        {
            return pre is null ? before : MainnetAccountImage.Empty;
        }
        var storage = new Dictionary<UInt256, UInt256>(before.Storage);
        if (pre is not null)
        {
            foreach (var slot in pre.Storage.Keys)
            {
                storage.Remove(slot); // listed in pre and not in post: set to zero.
            }
        }
        foreach (var (slot, value) in post.Storage)
        {
            storage[slot] = value;
        }
        return new MainnetAccountImage(post.Nonce ?? before.Nonce, post.Balance ?? before.Balance, post.Code?.ToArray() ?? before.Code, storage);
    }

    private static bool SameAccount(MainnetAccountImage a, MainnetAccountImage b) =>
        a.Nonce == b.Nonce && a.Balance == b.Balance && a.Code.AsSpan().SequenceEqual(b.Code)
        && a.Storage.Count(s => s.Value != UInt256.Zero) == b.Storage.Count(s => s.Value != UInt256.Zero)
        && a.Storage.All(s => b.Slot(s.Key) == s.Value);

    private static bool IsEmpty(MainnetAccountImage account) =>
        account.Nonce == 0 && account.Balance == UInt256.Zero && account.Code.Length == 0 && account.Storage.Count == 0;

    private static string StatusText(bool success, ExecutionError? error) =>
        success ? "success" : error is { } e && e != ExecutionError.None ? $"failed ({e})" : "failed";

    private static string Decimal(ulong value) => value.ToString(CultureInfo.InvariantCulture);

    private static string SlotField(Address address, UInt256 slot) => $"{address}.storage[{slot.ToHexString()}]";

    private static string TopicsText(IEnumerable<Bytes32> topics) => $"[{string.Join(", ", topics)}]";

    private static string CodeText(ReadOnlySpan<byte> code) =>
        code.IsEmpty ? "none" : $"{code.Length} bytes, keccak {Keccak256.Hash(code)}";

    private static string AccountText(MainnetAccountImage account) =>
        $"nonce {account.Nonce}, balance {account.Balance.ToHexString()}, {CodeText(account.Code)}, {account.Storage.Count} slots";
}

// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOs.Bootloader.Conformance.StateTests;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using static ZkOs.Bootloader.Conformance.ConformanceJson;

namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>
/// Reads a mainnet-block folder (<c>block.json</c>, <c>prestatetrace.json</c>, <c>difftrace.json</c>,
/// <c>receipts.json</c>: JSON-RPC envelopes from an archive node). Fields are checked as strictly as state
/// tests; fields a replay does not use (<c>totalDifficulty</c>, <c>size</c>, …) are ignored.
/// </summary>
public static class MainnetBlockLoader
{
    public const string BlockFile = "block.json";
    public const string PrestateFile = "prestatetrace.json";
    public const string DiffFile = "difftrace.json";
    public const string ReceiptsFile = "receipts.json";

    /// <summary>Loads a folder and checks its per-transaction files line up with the block's transactions.</summary>
    /// <exception cref="MainnetBlockFormatException">A file is malformed, or its entries do not match the block's transactions.</exception>
    /// <exception cref="IOException">A file cannot be read.</exception>
    public static MainnetBlockFixture Load(string directory)
    {
        var block = LoadBlock(Path.Combine(directory, BlockFile));
        var prestates = LoadPrestates(Path.Combine(directory, PrestateFile));
        var diffs = LoadDiffs(Path.Combine(directory, DiffFile));
        var receipts = LoadReceipts(Path.Combine(directory, ReceiptsFile));

        var hashes = block.Transactions.Select(t => t.Hash).ToList();
        CheckOrder(PrestateFile, "txHash", prestates.Select(p => p.TxHash).ToList(), hashes);
        CheckOrder(DiffFile, "txHash", diffs.Select(d => d.TxHash).ToList(), hashes);
        CheckOrder(ReceiptsFile, "transactionHash", receipts.Select(r => r.TransactionHash).ToList(), hashes);

        return new MainnetBlockFixture
        {
            Directory = directory,
            Block = block,
            Prestates = prestates,
            PreState = BuildPreState(prestates),
            Diffs = diffs,
            Receipts = receipts,
        };
    }

    /// <summary>
    /// The union of per-transaction prestates: the first occurrence of each account gives its balance,
    /// nonce and code, the first occurrence of each slot its value. Earlier occurrences are the state
    /// before the block; later ones may include writes of the transactions before them.
    /// </summary>
    public static IReadOnlyDictionary<Address, PreAccount> BuildPreState(IEnumerable<MainnetTransactionPrestate> prestates)
    {
        var accounts = new Dictionary<Address, (MainnetAccountTrace First, Dictionary<UInt256, UInt256> Storage)>();
        foreach (var prestate in prestates)
        {
            foreach (var (address, account) in prestate.Accounts)
            {
                if (!accounts.TryGetValue(address, out var entry))
                {
                    entry = (account, new Dictionary<UInt256, UInt256>());
                    accounts.Add(address, entry);
                }
                foreach (var (slot, value) in account.Storage)
                {
                    entry.Storage.TryAdd(slot, value);
                }
            }
        }
        return accounts.ToDictionary(a => a.Key, a => new PreAccount
        {
            Balance = a.Value.First.Balance ?? UInt256.Zero,
            Nonce = a.Value.First.Nonce ?? 0,
            Code = a.Value.First.Code ?? ReadOnlyMemory<byte>.Empty,
            Storage = a.Value.Storage,
        });
    }

    public static MainnetBlock LoadBlock(string path) => Read(path, (result, p) =>
    {
        AsObject(result, p);
        return new MainnetBlock
        {
            Header = ReadHeader(result, p),
            Transactions = ReadArray(result, "transactions", p, ReadTransaction),
            Withdrawals = Optional(result, "withdrawals", p, out _) ? ReadArray(result, "withdrawals", p, ReadWithdrawal) : [],
        };
    });

    public static IReadOnlyList<MainnetTransactionPrestate> LoadPrestates(string path) => Read(path, (result, p) =>
        ReadItems(result, p, (entry, e) => new MainnetTransactionPrestate(
            AsBytes32(Required(entry, "txHash", e), Child(e, "txHash")),
            ReadAccounts(Required(entry, "result", e), Child(e, "result")))));

    public static IReadOnlyList<MainnetStateDiff> LoadDiffs(string path) => Read(path, (result, p) =>
        ReadItems(result, p, (entry, e) =>
        {
            var diffPath = Child(e, "result");
            var diff = Required(entry, "result", e);
            return new MainnetStateDiff(
                AsBytes32(Required(entry, "txHash", e), Child(e, "txHash")),
                ReadAccounts(Required(diff, "pre", diffPath), Child(diffPath, "pre")),
                ReadAccounts(Required(diff, "post", diffPath), Child(diffPath, "post")));
        }));

    public static IReadOnlyList<MainnetReceipt> LoadReceipts(string path) => Read(path, (result, p) =>
        ReadItems(result, p, ReadReceipt));

    /// <summary>Opens a JSON-RPC envelope and reads its <c>result</c>, turning field errors into errors naming the file.</summary>
    private static T Read<T>(string path, Func<JsonElement, string, T> read)
    {
        var file = Path.GetFileName(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path), DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new MainnetBlockFormatException(file, null, $"not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            try
            {
                var envelope = AsObject(document.RootElement, "");
                if (Optional(envelope, "error", "", out var error))
                {
                    throw new ConformanceFieldException("error", $"the node answered with an error: {error.GetRawText()}");
                }
                return read(Required(envelope, "result", ""), "result");
            }
            catch (ConformanceFieldException e)
            {
                throw new MainnetBlockFormatException(file, e.Field.Length == 0 ? null : e.Field, e.Detail, e);
            }
        }
    }

    private static void CheckOrder(string file, string field, List<Bytes32> found, List<Bytes32> expected)
    {
        if (found.Count != expected.Count)
        {
            throw new MainnetBlockFormatException(file, "result", $"has {found.Count} entries but {BlockFile} has {expected.Count} transactions");
        }
        for (int i = 0; i < found.Count; i++)
        {
            if (found[i] != expected[i])
            {
                throw new MainnetBlockFormatException(file, $"result[{i}].{field}",
                    $"{found[i]} is not transaction {i} of {BlockFile} ({expected[i]}): entries must be in block order");
            }
        }
    }

    private static MainnetBlockHeader ReadHeader(JsonElement b, string p) => new()
    {
        Hash = AsBytes32(Required(b, "hash", p), Child(p, "hash")),
        ParentHash = AsBytes32(Required(b, "parentHash", p), Child(p, "parentHash")),
        Sha3Uncles = AsBytes32(Required(b, "sha3Uncles", p), Child(p, "sha3Uncles")),
        Miner = AsAddress(Required(b, "miner", p), Child(p, "miner")),
        StateRoot = AsBytes32(Required(b, "stateRoot", p), Child(p, "stateRoot")),
        TransactionsRoot = AsBytes32(Required(b, "transactionsRoot", p), Child(p, "transactionsRoot")),
        ReceiptsRoot = AsBytes32(Required(b, "receiptsRoot", p), Child(p, "receiptsRoot")),
        LogsBloom = AsBytes(Required(b, "logsBloom", p), Child(p, "logsBloom")),
        Difficulty = AsQuantity(Required(b, "difficulty", p), Child(p, "difficulty")),
        Number = AsU64(Required(b, "number", p), Child(p, "number")),
        GasLimit = AsU64(Required(b, "gasLimit", p), Child(p, "gasLimit")),
        GasUsed = AsU64(Required(b, "gasUsed", p), Child(p, "gasUsed")),
        Timestamp = AsU64(Required(b, "timestamp", p), Child(p, "timestamp")),
        ExtraData = AsBytes(Required(b, "extraData", p), Child(p, "extraData")),
        MixHash = AsBytes32(Required(b, "mixHash", p), Child(p, "mixHash")),
        Nonce = AsBytes(Required(b, "nonce", p), Child(p, "nonce")),
        BaseFeePerGas = Optional(b, "baseFeePerGas", p, out var baseFee) ? AsQuantity(baseFee, Child(p, "baseFeePerGas")) : null,
        WithdrawalsRoot = Optional(b, "withdrawalsRoot", p, out var withdrawalsRoot) ? AsBytes32(withdrawalsRoot, Child(p, "withdrawalsRoot")) : null,
        BlobGasUsed = Optional(b, "blobGasUsed", p, out var blobGasUsed) ? AsU64(blobGasUsed, Child(p, "blobGasUsed")) : null,
        ExcessBlobGas = Optional(b, "excessBlobGas", p, out var excess) ? AsU64(excess, Child(p, "excessBlobGas")) : null,
        ParentBeaconBlockRoot = Optional(b, "parentBeaconBlockRoot", p, out var beaconRoot) ? AsBytes32(beaconRoot, Child(p, "parentBeaconBlockRoot")) : null,
    };

    private static MainnetTransaction ReadTransaction(JsonElement t, string p)
    {
        AsObject(t, p);
        UInt256? OptionalQuantity(string name) => Optional(t, name, p, out var v) ? AsQuantity(v, Child(p, name)) : null;
        return new MainnetTransaction
        {
            Hash = AsBytes32(Required(t, "hash", p), Child(p, "hash")),
            Type = AsByte(Required(t, "type", p), Child(p, "type")),
            ChainId = Optional(t, "chainId", p, out var chainId) ? AsU64(chainId, Child(p, "chainId")) : null,
            Nonce = AsU64(Required(t, "nonce", p), Child(p, "nonce")),
            From = AsAddress(Required(t, "from", p), Child(p, "from")),
            // JSON-RPC writes a creation's recipient as null.
            To = Optional(t, "to", p, out var to) ? AsAddress(to, Child(p, "to")) : null,
            Value = AsQuantity(Required(t, "value", p), Child(p, "value")),
            Gas = AsU64(Required(t, "gas", p), Child(p, "gas")),
            GasPrice = OptionalQuantity("gasPrice"),
            MaxFeePerGas = OptionalQuantity("maxFeePerGas"),
            MaxPriorityFeePerGas = OptionalQuantity("maxPriorityFeePerGas"),
            MaxFeePerBlobGas = OptionalQuantity("maxFeePerBlobGas"),
            Input = AsBytes(Required(t, "input", p), Child(p, "input")),
            AccessList = Optional(t, "accessList", p, out _) ? ReadArray(t, "accessList", p, ReadAccessListEntry) : null,
            BlobVersionedHashes = Optional(t, "blobVersionedHashes", p, out _) ? ReadArray(t, "blobVersionedHashes", p, AsBytes32) : [],
            V = AsQuantity(Required(t, "v", p), Child(p, "v")),
            R = AsQuantity(Required(t, "r", p), Child(p, "r")),
            S = AsQuantity(Required(t, "s", p), Child(p, "s")),
            YParity = Optional(t, "yParity", p, out var yParity) ? AsByte(yParity, Child(p, "yParity")) : null,
            TransactionIndex = AsU64(Required(t, "transactionIndex", p), Child(p, "transactionIndex")),
            BlockHash = AsBytes32(Required(t, "blockHash", p), Child(p, "blockHash")),
            BlockNumber = AsU64(Required(t, "blockNumber", p), Child(p, "blockNumber")),
        };
    }

    private static AccessListEntry ReadAccessListEntry(JsonElement entry, string p) => new(
        AsAddress(Required(entry, "address", p), Child(p, "address")),
        ReadArray(entry, "storageKeys", p, AsBytes32));

    private static MainnetWithdrawal ReadWithdrawal(JsonElement w, string p) => new(
        AsU64(Required(w, "index", p), Child(p, "index")),
        AsU64(Required(w, "validatorIndex", p), Child(p, "validatorIndex")),
        AsAddress(Required(w, "address", p), Child(p, "address")),
        AsU64(Required(w, "amount", p), Child(p, "amount")));

    private static MainnetReceipt ReadReceipt(JsonElement r, string p)
    {
        AsObject(r, p);
        return new MainnetReceipt
        {
            TransactionHash = AsBytes32(Required(r, "transactionHash", p), Child(p, "transactionHash")),
            TransactionIndex = AsU64(Required(r, "transactionIndex", p), Child(p, "transactionIndex")),
            Type = AsByte(Required(r, "type", p), Child(p, "type")),
            Status = AsByte(Required(r, "status", p), Child(p, "status")),
            GasUsed = AsU64(Required(r, "gasUsed", p), Child(p, "gasUsed")),
            CumulativeGasUsed = AsU64(Required(r, "cumulativeGasUsed", p), Child(p, "cumulativeGasUsed")),
            EffectiveGasPrice = AsQuantity(Required(r, "effectiveGasPrice", p), Child(p, "effectiveGasPrice")),
            From = AsAddress(Required(r, "from", p), Child(p, "from")),
            To = Optional(r, "to", p, out var to) ? AsAddress(to, Child(p, "to")) : null,
            ContractAddress = Optional(r, "contractAddress", p, out var created) ? AsAddress(created, Child(p, "contractAddress")) : null,
            LogsBloom = AsBytes(Required(r, "logsBloom", p), Child(p, "logsBloom")),
            Logs = ReadArray(r, "logs", p, ReadLog),
            BlobGasUsed = Optional(r, "blobGasUsed", p, out var blobGas) ? AsU64(blobGas, Child(p, "blobGasUsed")) : null,
            BlobGasPrice = Optional(r, "blobGasPrice", p, out var blobPrice) ? AsQuantity(blobPrice, Child(p, "blobGasPrice")) : null,
        };
    }

    private static MainnetLog ReadLog(JsonElement l, string p) => new(
        AsAddress(Required(l, "address", p), Child(p, "address")),
        ReadArray(l, "topics", p, AsBytes32),
        AsBytes(Required(l, "data", p), Child(p, "data")),
        AsU64(Required(l, "logIndex", p), Child(p, "logIndex")));

    /// <summary>A tracer's account map: address → account, each field optional (see <see cref="MainnetAccountTrace"/>).</summary>
    private static Dictionary<Address, MainnetAccountTrace> ReadAccounts(JsonElement accounts, string p)
    {
        var read = new Dictionary<Address, MainnetAccountTrace>();
        foreach (var account in AsObject(accounts, p).EnumerateObject())
        {
            var a = Child(p, account.Name);
            var value = AsObject(account.Value, a);
            var trace = new MainnetAccountTrace
            {
                Balance = Optional(value, "balance", a, out var balance) ? AsQuantity(balance, Child(a, "balance")) : null,
                // geth's tracers write the nonce as a JSON number.
                Nonce = Optional(value, "nonce", a, out var nonce) ? AsNumberOrU64(nonce, Child(a, "nonce")) : null,
                // Typed, or a missing code would become an empty (but present) one through byte[] → memory.
                Code = Optional(value, "code", a, out var code) ? (ReadOnlyMemory<byte>?)AsBytes(code, Child(a, "code")) : null,
                Storage = Optional(value, "storage", a, out var storage) ? AsStorage(storage, Child(a, "storage")) : new Dictionary<UInt256, UInt256>(),
            };
            if (!read.TryAdd(AddressKey(account.Name, a), trace))
            {
                throw new ConformanceFieldException(a, "the account is given twice");
            }
        }
        return read;
    }

    private static byte AsByte(JsonElement element, string path)
    {
        var value = AsU64(element, path);
        if (value > byte.MaxValue)
        {
            throw Expected(path, "a hex quantity of at most 0xff", element);
        }
        return (byte)value;
    }

    private static List<T> ReadItems<T>(JsonElement array, string path, Func<JsonElement, string, T> read)
    {
        var items = new List<T>();
        int i = 0;
        foreach (var element in AsArray(array, path).EnumerateArray())
        {
            var itemPath = Item(path, i);
            items.Add(read(element, itemPath));
            i++;
        }
        return items;
    }

    private static List<T> ReadArray<T>(JsonElement obj, string name, string path, Func<JsonElement, string, T> read) =>
        ReadItems(Required(obj, name, path), Child(path, name), read);
}

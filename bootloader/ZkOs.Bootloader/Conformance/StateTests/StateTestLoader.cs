// SPDX-License-Identifier: MIT
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using static ZkOs.Bootloader.Conformance.ConformanceJson;

namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>
/// Reads filled state-test files (ethereum/tests GeneralStateTests, ipsilon/evm-benchmarks): one file →
/// its tests → their cases. Every field the harness uses is checked; fields it does not use
/// (<c>_info</c> apart from labels, a post entry's <c>state</c>, …) are ignored so newer fillers still load.
/// </summary>
public static class StateTestLoader
{
    /// <summary>How a value wider than 256 bits is written (retesteth's notation, e.g. ValueOverflowParis).</summary>
    private const string BigIntPrefix = "0x:bigint ";

    private static readonly SearchValues<char> _hexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    /// <summary>Reads every test of a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="file">The name cases carry; the file name when omitted.</param>
    /// <exception cref="StateTestFormatException">The file is not a valid state-test file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static IReadOnlyList<StateTest> LoadFile(string path, string? file = null) =>
        Parse(File.ReadAllBytes(path), file ?? Path.GetFileName(path));

    /// <summary>The cases of one fork in a file, in file order.</summary>
    public static IReadOnlyList<StateTestCase> LoadCases(string path, string fork, string? file = null) =>
        [.. LoadFile(path, file).SelectMany(t => t.CasesFor(fork))];

    /// <summary>Reads the tests of a file's text; <paramref name="file"/> names it in cases and errors.</summary>
    public static IReadOnlyList<StateTest> Parse(string json, string file) => Parse(Encoding.UTF8.GetBytes(json), file);

    /// <inheritdoc cref="Parse(string, string)"/>
    public static IReadOnlyList<StateTest> Parse(ReadOnlyMemory<byte> utf8Json, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new StateTestFormatException(file, null, null, $"not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new StateTestFormatException(file, null, null, $"expected an object of tests, found {Describe(root)}");
            }
            var tests = new List<StateTest>();
            foreach (var test in root.EnumerateObject())
            {
                try
                {
                    tests.Add(ReadTest(file, test.Name, test.Value));
                }
                catch (ConformanceFieldException e)
                {
                    throw new StateTestFormatException(file, test.Name, e.Field.Length == 0 ? null : e.Field, e.Detail, e);
                }
            }
            if (tests.Count == 0)
            {
                throw new StateTestFormatException(file, null, null, "holds no tests");
            }
            return tests;
        }
    }

    private static StateTest ReadTest(string file, string name, JsonElement test)
    {
        AsObject(test, "");
        var environment = ReadEnvironment(Required(test, "env", ""), "env", ReadChainId(test));
        var pre = ReadPre(Required(test, "pre", ""), "pre");
        var transaction = ReadTransaction(Required(test, "transaction", ""), "transaction");
        var labels = ReadLabels(test);
        var post = AsObject(Required(test, "post", ""), "post");

        var cases = new List<StateTestCase>();
        foreach (var fork in post.EnumerateObject())
        {
            var forkPath = Child("post", fork.Name);
            int index = 0;
            foreach (var entry in AsArray(fork.Value, forkPath).EnumerateArray())
            {
                cases.Add(ReadCase(file, name, fork.Name, index, entry, Item(forkPath, index), environment, pre, transaction, labels));
                index++;
            }
        }
        return new StateTest
        {
            File = file,
            Name = name,
            Environment = environment,
            Pre = pre,
            Transaction = transaction,
            Labels = labels,
            Cases = cases,
        };
    }

    private static StateTestCase ReadCase(
        string file, string test, string fork, int postIndex, JsonElement entry, string path,
        StateTestEnvironment environment, IReadOnlyDictionary<Address, PreAccount> pre,
        StateTestTransaction transaction, IReadOnlyDictionary<int, string> labels)
    {
        var indexesPath = Child(path, "indexes");
        var indexes = Required(entry, "indexes", path);
        int data = CheckIndex(Required(indexes, "data", indexesPath), Child(indexesPath, "data"), transaction.Data.Count, "transaction.data");
        int gas = CheckIndex(Required(indexes, "gas", indexesPath), Child(indexesPath, "gas"), transaction.GasLimit.Count, "transaction.gasLimit");
        int value = CheckIndex(Required(indexes, "value", indexesPath), Child(indexesPath, "value"), transaction.Value.Count, "transaction.value");

        string? expectException = null;
        if (Optional(entry, "expectException", path, out var exception))
        {
            expectException = AsString(exception, Child(path, "expectException"));
            if (expectException.Length == 0)
            {
                throw new ConformanceFieldException(Child(path, "expectException"), "is empty: leave it out for a valid transaction");
            }
        }

        return new StateTestCase
        {
            File = file,
            TestName = test,
            Fork = fork,
            PostIndex = postIndex,
            DataIndex = data,
            GasIndex = gas,
            ValueIndex = value,
            Label = labels.GetValueOrDefault(data),
            Environment = environment,
            Pre = pre,
            Transaction = transaction.Resolve(data, gas, value),
            ExpectedStateRoot = AsBytes32(Required(entry, "hash", path), Child(path, "hash")),
            ExpectedLogsHash = AsBytes32(Required(entry, "logs", path), Child(path, "logs")),
            // The harness does not need txbytes (the transaction is given field by field), so old
            // fixtures without it still load.
            TxBytes = Optional(entry, "txbytes", path, out var txBytes) ? ReadBytes(txBytes, Child(path, "txbytes")) : ReadOnlyMemory<byte>.Empty,
            ExpectException = expectException,
        };
    }

    private static int CheckIndex(JsonElement element, string path, int count, string array)
    {
        int index = AsIndex(element, path);
        if (index >= count)
        {
            throw new ConformanceFieldException(path, $"index {index} is past the end of {array} ({count} {(count == 1 ? "entry" : "entries")})");
        }
        return index;
    }

    private static ulong ReadChainId(JsonElement test)
    {
        if (Optional(test, "config", "", out var config) && Optional(config, "chainid", "config", out var chainId))
        {
            return AsU64(chainId, "config.chainid");
        }
        return 1;
    }

    private static StateTestEnvironment ReadEnvironment(JsonElement env, string path, ulong chainId)
    {
        AsObject(env, path);
        return new StateTestEnvironment
        {
            Coinbase = AsAddress(Required(env, "currentCoinbase", path), Child(path, "currentCoinbase")),
            GasLimit = AsU64(Required(env, "currentGasLimit", path), Child(path, "currentGasLimit")),
            Number = AsU64(Required(env, "currentNumber", path), Child(path, "currentNumber")),
            Timestamp = AsU64(Required(env, "currentTimestamp", path), Child(path, "currentTimestamp")),
            // Post-merge fixtures may leave the difficulty out: it is zero there.
            Difficulty = Optional(env, "currentDifficulty", path, out var difficulty) ? AsQuantity(difficulty, Child(path, "currentDifficulty")) : UInt256.Zero,
            // retesteth writes 64 digits, other fillers a short quantity: both are the same 32-byte word.
            PrevRandao = Optional(env, "currentRandom", path, out var random)
                ? Bytes32.FromUInt256(AsQuantity(random, Child(path, "currentRandom")))
                : null,
            BaseFee = Optional(env, "currentBaseFee", path, out var baseFee) ? AsQuantity(baseFee, Child(path, "currentBaseFee")) : null,
            ExcessBlobGas = Optional(env, "currentExcessBlobGas", path, out var excess) ? AsU64(excess, Child(path, "currentExcessBlobGas")) : null,
            PreviousHash = Optional(env, "previousHash", path, out var previous) ? AsBytes32(previous, Child(path, "previousHash")) : null,
            ChainId = chainId,
        };
    }

    private static Dictionary<Address, PreAccount> ReadPre(JsonElement pre, string path)
    {
        var accounts = new Dictionary<Address, PreAccount>();
        foreach (var account in AsObject(pre, path).EnumerateObject())
        {
            var accountPath = Child(path, account.Name);
            var address = AddressKey(account.Name, accountPath);
            var value = AsObject(account.Value, accountPath);
            var read = new PreAccount
            {
                Nonce = AsU64(Required(value, "nonce", accountPath), Child(accountPath, "nonce")),
                Balance = AsQuantity(Required(value, "balance", accountPath), Child(accountPath, "balance")),
                Code = Optional(value, "code", accountPath, out var code) ? ReadBytes(code, Child(accountPath, "code")) : ReadOnlyMemory<byte>.Empty,
                Storage = Optional(value, "storage", accountPath, out var storage)
                    ? AsStorage(storage, Child(accountPath, "storage"))
                    : new Dictionary<UInt256, UInt256>(),
            };
            if (!accounts.TryAdd(address, read))
            {
                throw new ConformanceFieldException(accountPath, "the account is given twice");
            }
        }
        return accounts;
    }

    private static StateTestTransaction ReadTransaction(JsonElement tx, string path)
    {
        AsObject(tx, path);
        UInt256? OptionalQuantity(string name) =>
            Optional(tx, name, path, out var value) ? AsQuantity(value, Child(path, name)) : null;

        var gasPrice = OptionalQuantity("gasPrice");
        var maxFee = OptionalQuantity("maxFeePerGas");
        var maxPriorityFee = OptionalQuantity("maxPriorityFeePerGas");
        var maxFeePerBlobGas = OptionalQuantity("maxFeePerBlobGas");
        // The fee fields decide the type, so a combination that fits no type is an error, not a guess.
        if (gasPrice is not null && maxFee is not null)
        {
            throw new ConformanceFieldException(Child(path, "gasPrice"), "is given with maxFeePerGas: a transaction has one or the other");
        }
        if (gasPrice is null && maxFee is null)
        {
            throw new ConformanceFieldException(Child(path, "gasPrice"), "is missing, and so is maxFeePerGas: a transaction needs one of them");
        }
        if ((maxFee is null) != (maxPriorityFee is null))
        {
            throw new ConformanceFieldException(Child(path, maxFee is null ? "maxFeePerGas" : "maxPriorityFeePerGas"), "is missing: maxFeePerGas and maxPriorityFeePerGas come together");
        }

        var data = ReadList(tx, "data", path, ReadBytes);
        var gasLimit = ReadList(tx, "gasLimit", path, AsU64);
        var value = ReadList(tx, "value", path, ReadValue);

        IReadOnlyList<IReadOnlyList<AccessListEntry>?>? accessLists = null;
        if (Optional(tx, "accessLists", path, out var lists))
        {
            var listsPath = Child(path, "accessLists");
            var read = new List<IReadOnlyList<AccessListEntry>?>();
            int i = 0;
            foreach (var list in AsArray(lists, listsPath).EnumerateArray())
            {
                read.Add(list.ValueKind == JsonValueKind.Null ? null : ReadAccessList(list, Item(listsPath, i)));
                i++;
            }
            // One per data index: a shorter or longer array would leave the type of some case a guess.
            if (read.Count != data.Count)
            {
                throw new ConformanceFieldException(listsPath, $"has {read.Count} entries but transaction.data has {data.Count}: there is one access list (or null) per data index");
            }
            accessLists = read;
        }

        IReadOnlyList<Bytes32>? blobHashes = null;
        if (Optional(tx, "blobVersionedHashes", path, out var hashes))
        {
            var hashesPath = Child(path, "blobVersionedHashes");
            blobHashes = [.. AsArray(hashes, hashesPath).EnumerateArray().Select((h, i) => AsBytes32(h, Item(hashesPath, i)))];
            if (maxFee is null)
            {
                throw new ConformanceFieldException(Child(path, "maxFeePerGas"), "is missing: a blob transaction is a dynamic-fee transaction");
            }
            if (maxFeePerBlobGas is null)
            {
                throw new ConformanceFieldException(Child(path, "maxFeePerBlobGas"), "is missing: a blob transaction needs it");
            }
        }
        else if (maxFeePerBlobGas is not null)
        {
            throw new ConformanceFieldException(Child(path, "blobVersionedHashes"), "is missing: maxFeePerBlobGas is only for blob transactions");
        }

        var toText = AsString(Required(tx, "to", path), Child(path, "to"));
        return new StateTestTransaction
        {
            Nonce = AsU64(Required(tx, "nonce", path), Child(path, "nonce")),
            GasPrice = gasPrice,
            MaxFeePerGas = maxFee,
            MaxPriorityFeePerGas = maxPriorityFee,
            GasLimit = gasLimit,
            Value = value,
            Data = data,
            AccessLists = accessLists,
            BlobVersionedHashes = blobHashes,
            MaxFeePerBlobGas = maxFeePerBlobGas,
            // "" is how the format writes a contract creation.
            To = toText.Length == 0 ? null : AsAddress(Required(tx, "to", path), Child(path, "to")),
            Sender = AsAddress(Required(tx, "sender", path), Child(path, "sender")),
            SecretKey = AsBytes32(Required(tx, "secretKey", path), Child(path, "secretKey")),
        };
    }

    /// <summary>A non-empty array of one kind of value, each read with its own path.</summary>
    private static List<T> ReadList<T>(JsonElement obj, string name, string path, Func<JsonElement, string, T> read)
    {
        var listPath = Child(path, name);
        var list = AsArray(Required(obj, name, path), listPath);
        var result = new List<T>(list.GetArrayLength());
        int i = 0;
        foreach (var element in list.EnumerateArray())
        {
            result.Add(read(element, Item(listPath, i)));
            i++;
        }
        if (result.Count == 0)
        {
            throw new ConformanceFieldException(listPath, "is empty: a case needs at least one entry to index");
        }
        return result;
    }

    /// <summary>A value: a quantity, or retesteth's <c>0x:bigint 0x…</c> for one that may exceed 256 bits (null then).</summary>
    private static UInt256? ReadValue(JsonElement element, string path)
    {
        var text = AsString(element, path);
        if (!text.StartsWith(BigIntPrefix, StringComparison.Ordinal))
        {
            return AsQuantity(element, path);
        }
        var digits = text[BigIntPrefix.Length..];
        if (!digits.StartsWith("0x", StringComparison.Ordinal) || digits.Length == 2 || digits.AsSpan(2).ContainsAnyExcept(_hexDigits))
        {
            throw Expected(path, "a hex quantity or \"0x:bigint 0x…\"", element);
        }
        return TryParseQuantity(digits, out var value) ? value : null;
    }

    private static List<AccessListEntry> ReadAccessList(JsonElement list, string path)
    {
        var entries = new List<AccessListEntry>();
        int i = 0;
        foreach (var entry in AsArray(list, path).EnumerateArray())
        {
            var entryPath = Item(path, i);
            var keysPath = Child(entryPath, "storageKeys");
            var keys = AsArray(Required(entry, "storageKeys", entryPath), keysPath);
            entries.Add(new AccessListEntry(
                AsAddress(Required(entry, "address", entryPath), Child(entryPath, "address")),
                [.. keys.EnumerateArray().Select((k, j) => AsBytes32(k, Item(keysPath, j)))]));
            i++;
        }
        return entries;
    }

    private static Dictionary<int, string> ReadLabels(JsonElement test)
    {
        var labels = new Dictionary<int, string>();
        if (!Optional(test, "_info", "", out var info) || !Optional(info, "labels", "_info", out var read))
        {
            return labels;
        }
        foreach (var label in AsObject(read, "_info.labels").EnumerateObject())
        {
            var labelPath = Child("_info.labels", label.Name);
            if (!int.TryParse(label.Name, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
            {
                throw new ConformanceFieldException(labelPath, "expected a data index as the key");
            }
            labels[index] = AsString(label.Value, labelPath);
        }
        return labels;
    }

    private static ReadOnlyMemory<byte> ReadBytes(JsonElement element, string path) => AsBytes(element, path);
}

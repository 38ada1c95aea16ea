// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOs.Bootloader.Conformance;
using ZkOs.Bootloader.ZkSync.Transactions;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.ZkSync.Blocks;

/// <summary>
/// Reads a block file (samples/ZkSyncBlock/README.md). Transactions are either <c>raw</c> encoded bodies
/// or described field by field with the sender's <c>privateKey</c>, and then signed here: RFC 6979
/// signatures are deterministic, so a block file always yields the same bytes. Every problem names the
/// file and the JSON path.
/// </summary>
public static class ZkSyncBlockFileReader
{
    public static ZkSyncBlockFile Load(string path)
    {
        if (!global::System.IO.File.Exists(path))
        {
            throw new ZkSyncBlockFileException(path, "$", "the file does not exist");
        }
        return Parse(global::System.IO.File.ReadAllText(path), path);
    }

    public static ZkSyncBlockFile Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new ZkSyncBlockFileException(source, $"line {e.LineNumber + 1}", e.Message, e);
        }
        using (document)
        {
            var reader = new Reader(source);
            var root = document.RootElement;
            var chainId = reader.U64(root, "$", "chainId");
            var block = reader.Object(root, "$", "block");
            return new ZkSyncBlockFile
            {
                ChainId = chainId,
                Genesis = reader.Array(root, "$", "genesis", reader.Genesis),
                Number = reader.U64(block, "$.block", "number"),
                Timestamp = reader.U64(block, "$.block", "timestamp"),
                BaseFee = reader.U256(block, "$.block", "baseFee"),
                GasPerPubdata = reader.U256(block, "$.block", "gasPerPubdata"),
                NativePrice = reader.U256(block, "$.block", "nativePrice"),
                GasLimit = reader.U64(block, "$.block", "gasLimit"),
                Coinbase = reader.Address(block, "$.block", "coinbase"),
                MixHash = reader.OptionalU256(block, "$.block", "mixHash") ?? UInt256.One,
                Transactions = reader.Array(root, "$", "transactions", (element, path) => reader.Transaction(element, path, chainId)),
            };
        }
    }

    /// <summary>Field readers that say where a problem is.</summary>
    private sealed class Reader(string source)
    {
        public JsonElement Object(JsonElement parent, string path, string name) =>
            Property(parent, path, name) is { ValueKind: JsonValueKind.Object } value ? value : throw Error($"{path}.{name}", "must be an object");

        public IReadOnlyList<T> Array<T>(JsonElement parent, string path, string name, Func<JsonElement, string, T> item)
        {
            var value = Property(parent, path, name);
            if (value.ValueKind != JsonValueKind.Array)
            {
                throw Error($"{path}.{name}", "must be an array");
            }
            var items = new List<T>();
            var i = 0;
            foreach (var element in value.EnumerateArray())
            {
                items.Add(item(element, $"{path}.{name}[{i++}]"));
            }
            return items;
        }

        public GenesisAccount Genesis(JsonElement element, string path)
        {
            var storage = new Dictionary<UInt256, UInt256>();
            if (element.TryGetProperty("storage", out var slots))
            {
                foreach (var slot in slots.EnumerateObject())
                {
                    storage[ParseU256(slot.Name, $"{path}.storage")] = ParseU256(slot.Value.GetString(), $"{path}.storage.{slot.Name}");
                }
            }
            return new GenesisAccount(
                Address(element, path, "address"),
                OptionalU256(element, path, "balance") ?? UInt256.Zero,
                OptionalU64(element, path, "nonce") ?? 0,
                OptionalBytes(element, path, "code") ?? [],
                storage);
        }

        public byte[] Transaction(JsonElement element, string path, ulong chainId)
        {
            if (element.TryGetProperty("raw", out _))
            {
                return OptionalBytes(element, path, "raw")!;
            }
            var type = (byte)U64(element, path, "type");
            var isL1 = type is ZkSyncTransaction.L1ToL2Type or ZkSyncTransaction.UpgradeType;
            var maxFee = U256(element, path, "maxFeePerGas");
            var transaction = new ZkSyncTransaction
            {
                TxType = type,
                To = OptionalAddress(element, path, "to") ?? ZkOs.Framework.Primitives.Address.Zero,
                GasLimit = U64(element, path, "gasLimit"),
                GasPerPubdataLimit = (uint)(OptionalU64(element, path, "gasPerPubdataLimit") ?? 0),
                MaxFeePerGas = ToU128(maxFee, $"{path}.maxFeePerGas"),
                MaxPriorityFeePerGas = ToU128(OptionalU256(element, path, "maxPriorityFeePerGas") ?? maxFee, $"{path}.maxPriorityFeePerGas"),
                Nonce = OptionalU256(element, path, "nonce") ?? UInt256.Zero,
                Value = OptionalU256(element, path, "value") ?? UInt256.Zero,
                Data = OptionalBytes(element, path, "data") ?? [],
                AccessList = AccessList(element, path),
                Paymaster = OptionalAddress(element, path, "paymaster") ?? ZkOs.Framework.Primitives.Address.Zero,
                PaymasterInput = OptionalBytes(element, path, "paymasterInput") ?? [],
                Reserved0 = isL1 ? U256(element, path, "totalDeposited") : (OptionalBool(element, path, "eip155") ?? false) ? UInt256.One : UInt256.Zero,
                Reserved1 = isL1
                    ? (OptionalAddress(element, path, "refundRecipient") ?? Address(element, path, "from")).ToUInt256()
                    : (OptionalBool(element, path, "deploy") ?? false) ? UInt256.One : UInt256.Zero,
            };
            try
            {
                if (isL1)
                {
                    return ZkSyncTransactionEncoder.Encode(transaction with { From = Address(element, path, "from") });
                }
                var key = OptionalBytes(element, path, "privateKey") ?? throw Error($"{path}.privateKey", "is required to sign an L2 transaction");
                if (OptionalAddress(element, path, "from") is { } account)
                {
                    // A contract account (0x71): the key is its owner's, signing the hash the bootloader suggests.
                    transaction = transaction with { From = account };
                    var signedHash = ZkSyncTransactionHashes.SignedHash(transaction, chainId).Hash;
                    return ZkSyncTransactionEncoder.Encode(transaction with { Signature = ZkSyncTransactionSigner.SignHash(signedHash, key) });
                }
                transaction = transaction with { From = ZkSyncTransactionSigner.AddressOf(key) };
                return ZkSyncTransactionEncoder.Encode(ZkSyncTransactionSigner.Sign(transaction, chainId, key));
            }
            catch (ZkSyncTransactionException e)
            {
                throw Error(path, e.Message);
            }
        }

        private IReadOnlyList<AccessListEntry>? AccessList(JsonElement element, string path)
        {
            if (!element.TryGetProperty("accessList", out var list))
            {
                return null;
            }
            var entries = new List<AccessListEntry>();
            var i = 0;
            foreach (var entry in list.EnumerateArray())
            {
                var entryPath = $"{path}.accessList[{i++}]";
                var keys = entry.TryGetProperty("storageKeys", out var keyList)
                    ? keyList.EnumerateArray().Select(k => Bytes32.FromUInt256(ParseU256(k.GetString(), $"{entryPath}.storageKeys"))).ToList()
                    : [];
                entries.Add(new AccessListEntry(Address(entry, entryPath, "address"), keys));
            }
            return entries;
        }

        public ulong U64(JsonElement parent, string path, string name) =>
            OptionalU64(parent, path, name) ?? throw Error($"{path}.{name}", "is required");

        public UInt256 U256(JsonElement parent, string path, string name) =>
            OptionalU256(parent, path, name) ?? throw Error($"{path}.{name}", "is required");

        public Address Address(JsonElement parent, string path, string name) =>
            OptionalAddress(parent, path, name) ?? throw Error($"{path}.{name}", "is required");

        public ulong? OptionalU64(JsonElement parent, string path, string name)
        {
            if (!parent.TryGetProperty(name, out var value))
            {
                return null;
            }
            if (value.ValueKind == JsonValueKind.Number && value.TryGetUInt64(out var number))
            {
                return number;
            }
            var parsed = ParseU256(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(), $"{path}.{name}");
            return UInt256.FitsInUlong(in parsed) ? parsed.U0 : throw Error($"{path}.{name}", "does not fit 64 bits");
        }

        public UInt256? OptionalU256(JsonElement parent, string path, string name) =>
            parent.TryGetProperty(name, out var value)
                ? ParseU256(value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(), $"{path}.{name}")
                : null;

        private bool? OptionalBool(JsonElement parent, string path, string name) =>
            !parent.TryGetProperty(name, out var value) ? null
            : value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean()
            : throw Error($"{path}.{name}", "must be true or false");

        private Address? OptionalAddress(JsonElement parent, string path, string name)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }
            try
            {
                return ZkOs.Framework.Primitives.Address.Parse(value.GetString() ?? "");
            }
            catch (FormatException e)
            {
                throw Error($"{path}.{name}", e.Message);
            }
        }

        private byte[]? OptionalBytes(JsonElement parent, string path, string name)
        {
            if (!parent.TryGetProperty(name, out var value))
            {
                return null;
            }
            try
            {
                return Hex.Decode(value.GetString() ?? "");
            }
            catch (HexFormatException e)
            {
                throw Error($"{path}.{name}", e.Message);
            }
        }

        private UInt256 ParseU256(string? text, string path) =>
            UInt256.TryParse(text, null, out var value) ? value : throw Error(path, $"'{text}' is not a number (decimal or 0x-hex)");

        private UInt128 ToU128(in UInt256 value, string path) =>
            value.U2 == 0 && value.U3 == 0 ? new UInt128(value.U1, value.U0) : throw Error(path, "does not fit 128 bits");

        private static JsonElement Property(JsonElement parent, string path, string name) =>
            parent.TryGetProperty(name, out var value) ? value : default;

        private ZkSyncBlockFileException Error(string path, string problem) => new(source, path, problem);
    }
}

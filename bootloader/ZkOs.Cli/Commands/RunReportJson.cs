// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOs.Bootloader.ZkSync;
using ZkOs.Bootloader.ZkSync.Forward;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Pubdata;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.Cli.Commands;

/// <summary>
/// <c>zkos run --json</c>: every output of the block, and in <c>publicInputParts</c> everything the block
/// public input is computed from, so anyone can recompute it (reference §7.4). Hashes are 0x-hex.
/// </summary>
internal static class RunReportJson
{
    public static void Write(TextWriter output, ZkSyncRunReport report, FlatStorageTree? tree)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var block = report.Block;
            json.WriteStartObject();
            json.WriteNumber("blockNumber", block.Metadata.Number);
            json.WriteString("blockHash", block.BlockHash.ToString());
            json.WriteStartArray("transactions");
            foreach (var tx in block.Transactions)
            {
                WriteTransaction(json, tx);
            }
            json.WriteEndArray();
            json.WriteStartArray("stateDiffs");
            foreach (var diff in block.StateDiffs)
            {
                WriteDiff(json, diff);
            }
            json.WriteEndArray();
            json.WriteString("pubdata", Hex.Encode(block.Pubdata.Span));
            json.WriteStartObject("stateCommitment");
            json.WriteString("root", report.StateAfter.Root.ToString());
            json.WriteNumber("nextFreeSlot", report.StateAfter.NextFreeSlot);
            json.WriteEndObject();
            json.WriteString("publicInput", report.PublicInput.ToString());
            json.WriteStartArray("publicInputWords");
            foreach (var word in report.PublicInputWords)
            {
                json.WriteNumberValue(word);
            }
            json.WriteEndArray();
            json.WriteString("batchPublicInput", report.BatchPublicInput.ToString());
            WriteParts(json, report);
            if (tree is not null)
            {
                json.WriteStartArray("tree");
                foreach (var (index, leaf) in tree.EnumerateLeaves())
                {
                    json.WriteStartObject();
                    json.WriteNumber("index", index);
                    json.WriteString("key", leaf.Key.ToString());
                    json.WriteString("value", leaf.Value.ToString());
                    json.WriteNumber("next", leaf.Next);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        output.WriteLine(global::System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteTransaction(Utf8JsonWriter json, ZkSyncTransactionResult tx)
    {
        json.WriteStartObject();
        json.WriteNumber("index", tx.Index);
        json.WriteString("type", $"0x{tx.Type:x2}");
        json.WriteString("hash", tx.Hash.ToString());
        if (tx.Invalid is { } invalid)
        {
            json.WriteString("status", "invalid");
            json.WriteString("invalid", invalid.ToString());
            json.WriteString("reason", tx.InvalidReason);
            json.WriteEndObject();
            return;
        }
        json.WriteString("status", tx.Success ? "success" : "reverted");
        json.WriteNumber("gasUsed", tx.GasUsed);
        json.WriteNumber("nativeUsed", tx.NativeUsed);
        json.WriteNumber("pubdata", tx.Pubdata);
        json.WriteString("output", Hex.Encode(tx.Output));
        if (tx.ContractAddress is { } address)
        {
            json.WriteString("contractAddress", address.ToString());
        }
        json.WriteStartArray("logs");
        foreach (var log in tx.Logs)
        {
            json.WriteStartObject();
            json.WriteString("address", log.Address.ToString());
            json.WriteStartArray("topics");
            foreach (var topic in log.Topics)
            {
                json.WriteStringValue(Bytes32.FromUInt256(topic).ToString());
            }
            json.WriteEndArray();
            json.WriteString("data", Hex.Encode(log.Data));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("l2ToL1Logs");
        foreach (var log in tx.L2ToL1Logs)
        {
            json.WriteStringValue(Hex.Encode(log.Encode()));
        }
        json.WriteEndArray();
        json.WriteStartArray("l2ToL1Messages");
        foreach (var message in tx.Messages)
        {
            json.WriteStringValue(Hex.Encode(message.Span));
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteDiff(Utf8JsonWriter json, StateDiff diff)
    {
        json.WriteStartObject();
        json.WriteString("flatKey", diff.FlatKey.ToString());
        switch (diff)
        {
            case AccountPropertiesDiff account:
                json.WriteString("kind", "account");
                json.WriteString("initial", Hex.Encode(account.Initial.Encode()));
                json.WriteString("final", Hex.Encode(account.Final.Encode()));
                break;
            case StorageValueDiff value:
                json.WriteString("kind", "storage");
                json.WriteString("initial", value.InitialValue.ToString());
                json.WriteString("final", value.FinalValue.ToString());
                break;
        }
        json.WriteEndObject();
    }

    private static void WriteParts(Utf8JsonWriter json, ZkSyncRunReport report)
    {
        var parts = report.PublicInputParts;
        json.WriteStartObject("publicInputParts");
        json.WriteNumber("chainId", parts.ChainId);
        json.WriteNumber("blockNumber", parts.BlockNumber);
        json.WriteNumber("timestamp", parts.Timestamp);
        json.WriteStartArray("blockHashes");
        foreach (var hash in parts.BlockHashes)
        {
            json.WriteStringValue(hash.ToString());
        }
        json.WriteEndArray();
        json.WriteStartObject("stateBefore");
        json.WriteString("root", parts.StateBefore.Root.ToString());
        json.WriteNumber("nextFreeSlot", parts.StateBefore.NextFreeSlot);
        json.WriteEndObject();
        json.WriteStartArray("l1TxHashes");
        foreach (var hash in parts.L1TxHashes)
        {
            json.WriteStringValue(hash.ToString());
        }
        json.WriteEndArray();
        json.WriteStartArray("l2ToL1Logs");
        foreach (var log in parts.L2ToL1Logs)
        {
            json.WriteStringValue(Hex.Encode(log.Encode()));
        }
        json.WriteEndArray();
        json.WriteString("upgradeTxHash", parts.UpgradeTxHash.ToString());
        json.WriteEndObject();
    }
}

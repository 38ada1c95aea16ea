// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync.Forward;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Pubdata;

namespace ZkOs.Cli.Commands;

/// <summary>The human-readable report of <c>zkos run</c>.</summary>
internal static class RunReportText
{
    public static void Write(TextWriter output, ZkSyncRunReport report)
    {
        var block = report.Block;
        output.WriteLine($"block {block.Metadata.Number}: {block.Transactions.Count} transactions, hash {block.BlockHash}");
        foreach (var tx in block.Transactions)
        {
            if (tx.Invalid is { } invalid)
            {
                output.WriteLine($"  tx {tx.Index} (type 0x{tx.Type:x2}): invalid, {invalid}: {tx.InvalidReason}");
                continue;
            }
            var created = tx.ContractAddress is { } address ? $", deployed {address}" : "";
            output.WriteLine($"  tx {tx.Index} (type 0x{tx.Type:x2}) {tx.Hash}: {(tx.Success ? "success" : "reverted")}, " +
                $"gas {tx.GasUsed}, native {tx.NativeUsed}, pubdata {tx.Pubdata} B{created}");
            foreach (var log in tx.Logs)
            {
                output.WriteLine($"      log {log.Address} topics [{string.Join(", ", log.Topics.Select(t => t.ToHexString()))}] data {Hex.Encode(log.Data)}");
            }
            foreach (var l2ToL1 in tx.L2ToL1Logs)
            {
                output.WriteLine($"      L2→L1 log {Hex.Encode(l2ToL1.Encode())}");
            }
        }
        output.WriteLine($"state diffs: {block.StateDiffs.Count}");
        foreach (var diff in block.StateDiffs)
        {
            output.WriteLine(diff switch
            {
                AccountPropertiesDiff account =>
                    $"  {diff.FlatKey} account: nonce {account.Initial.Nonce} → {account.Final.Nonce}, balance {account.Initial.Balance} → {account.Final.Balance}" +
                    (account.Initial.BytecodeHash != account.Final.BytecodeHash ? $", code {account.Final.BytecodeLength} B" : ""),
                StorageValueDiff value => $"  {diff.FlatKey} slot: {value.InitialValue} → {value.FinalValue}",
                _ => $"  {diff.FlatKey}",
            });
        }
        output.WriteLine($"pubdata: {block.Pubdata.Length} B, keccak {Keccak256.Hash(block.Pubdata.Span)}");
        output.WriteLine($"state before: root {report.StateBefore.Root}, next free slot {report.StateBefore.NextFreeSlot}");
        output.WriteLine($"state after:  root {report.StateAfter.Root}, next free slot {report.StateAfter.NextFreeSlot}");
        output.WriteLine($"public input: {report.PublicInput}");
        output.WriteLine($"              words [{string.Join(", ", report.PublicInputWords.Select(w => $"0x{w:x8}"))}]");
        output.WriteLine($"batch public input (one-block batch, keccak): {report.BatchPublicInput}");
    }
}

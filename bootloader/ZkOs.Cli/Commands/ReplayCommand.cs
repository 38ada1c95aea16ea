// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using ZkOs.Bootloader.Conformance.MainnetBlocks;
using ZkOs.Evm;

namespace ZkOs.Cli.Commands;

/// <summary>
/// <c>zkos replay &lt;block-dir&gt; [--json]</c>: replays a mainnet block (block.json, prestatetrace.json,
/// difftrace.json, receipts.json) through the built-in EVM under the Ethereum policy and prints one line
/// per transaction, each mismatch in detail under it, then <c>N matched, M mismatched</c>. Exit code 0
/// when every transaction matches, 1 when one does not, 2 for a missing or malformed folder.
/// </summary>
internal static class ReplayCommand
{
    private static readonly JsonWriterOptions _jsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var directory = new Argument<string>("block-dir") { Description = "A mainnet-block folder, e.g. mainnet-blocks/22244135." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per transaction and one for the summary instead of text." };
        var command = new Command("replay", "Replay a mainnet block against its receipts and diff trace.") { directory, json };
        command.SetAction(parse => CommandRunner.Run(() => Run(parse.GetValue(directory)!, parse.GetValue(json), Console.Out)));
        return command;
    }

    /// <summary>The command's body, with its output passed in.</summary>
    internal static int Run(string directory, bool json, TextWriter stdout)
    {
        var result = Replay(directory);
        if (json)
        {
            foreach (var tx in result.Transactions)
            {
                stdout.WriteLine(TransactionJson(tx));
            }
            stdout.WriteLine(SummaryJson(result));
        }
        else
        {
            stdout.WriteLine($"block {result.BlockNumber}: {result.BeaconRoot}");
            foreach (var tx in result.Transactions)
            {
                stdout.WriteLine(TransactionLine(tx));
                foreach (var mismatch in tx.Mismatches)
                {
                    stdout.WriteLine($"    {mismatch}");
                }
                if (tx.MayBeUnknownBlockHash)
                {
                    stdout.WriteLine($"    may be explained by BLOCKHASH of block(s) whose hash is unknown: {string.Join(", ", tx.UnknownBlockHashReads)}");
                }
            }
            stdout.WriteLine($"{result.Matched} matched, {result.Mismatched} mismatched");
        }
        return result.AllMatch ? 0 : 1;
    }

    private static MainnetReplayResult Replay(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CliInputException($"{directory}: no such directory");
        }
        try
        {
            // The replay too can find the folder unusable (a header without Cancun's fields).
            return new MainnetBlockReplayer(new EvmEnvironment(EvmSpec.Cancun)).Replay(MainnetBlockLoader.Load(directory));
        }
        catch (MainnetBlockFormatException e)
        {
            throw new CliInputException($"{directory}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliInputException($"{directory}: {e.Message}");
        }
    }

    private static string TransactionLine(MainnetTransactionReplay tx)
    {
        var status = $"{StatusText(tx.Success)}/{StatusText(tx.ExpectedSuccess)}";
        var gas = $"{(tx.GasUsed is { } used ? used.ToString(CultureInfo.InvariantCulture) : "-")}/{tx.ExpectedGasUsed}";
        var verdict = tx.IsMatch ? "ok" : "MISMATCH";
        return $"{tx.Index,3} {tx.Hash} status {status} gas {gas} logs {Check(tx.LogsMatch)} state {Check(tx.StateMatch)} {verdict}";
    }

    private static string StatusText(bool? success) => success switch
    {
        true => "success",
        false => "failed",
        null => "not run",
    };

    private static string Check(bool match) => match ? "ok" : "differ";

    private static string TransactionJson(MainnetTransactionReplay tx) => WriteJson(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("index", tx.Index);
        json.WriteString("hash", tx.Hash.ToString());
        json.WriteBoolean("match", tx.IsMatch);
        if (tx.Success is { } success)
        {
            json.WriteBoolean("success", success);
        }
        else
        {
            json.WriteNull("success");
        }
        json.WriteBoolean("expectedSuccess", tx.ExpectedSuccess);
        if (tx.GasUsed is { } gas)
        {
            json.WriteNumber("gasUsed", gas);
        }
        else
        {
            json.WriteNull("gasUsed");
        }
        json.WriteNumber("expectedGasUsed", tx.ExpectedGasUsed);
        json.WriteBoolean("logsMatch", tx.LogsMatch);
        json.WriteBoolean("stateMatch", tx.StateMatch);
        json.WriteStartArray("mismatches");
        foreach (var mismatch in tx.Mismatches)
        {
            json.WriteStartObject();
            json.WriteString("check", JsonNamingPolicy.CamelCase.ConvertName(mismatch.Check.ToString()));
            json.WriteString("field", mismatch.Field);
            json.WriteString("ours", mismatch.Ours);
            json.WriteString("expected", mismatch.Expected);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("unknownBlockHashReads");
        foreach (var number in tx.UnknownBlockHashReads)
        {
            json.WriteNumberValue(number);
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static string SummaryJson(MainnetReplayResult result) => WriteJson(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("block", result.BlockNumber);
        json.WriteNumber("matched", result.Matched);
        json.WriteNumber("mismatched", result.Mismatched);
        json.WriteString("beaconRoot", result.BeaconRoot);
        json.WriteEndObject();
    });

    private static string WriteJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, _jsonOptions))
        {
            write(json);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using ZkOs.Bootloader.ZkSync.Proving;
using ZkOs.System.Oracle.Csr;
using ZkOs.System.Precompiles;

namespace ZkOs.Cli.Commands;

/// <summary>
/// <c>zkos prove-run WITNESS [--config zkos.json] [--json]</c>: runs the proving variant of the STF over
/// a witness alone (nothing else is consulted) and prints the block public input, as one hex string and
/// as its 8 words, with the run's statistics. A witness that is truncated, altered or inconsistent with
/// the state root fails with the reason and the word where the run stopped (exit code 1).
/// </summary>
internal static class ProveRunCommand
{
    public static Command Create()
    {
        var witness = new Argument<string>("witness") { Description = "A witness written by zkos witness." };
        var json = new Option<bool>("--json") { Description = "Write the result as JSON." };
        var config = CommonOptions.Config();
        var command = new Command("prove-run", "Run the proving variant over a witness and print the public input.") { witness, json, config };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var path = parse.GetValue(witness)!;
            uint[] tape;
            try
            {
                tape = WitnessFile.Read(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or WitnessException)
            {
                throw new CliInputException(e is WitnessException ? e.Message : $"cannot read the witness {path}: {e.Message}");
            }
            var environments = ZkSyncInputs.Environments(parse.GetValue(config));
            // The report's parts live in the prover's arena: it stays alive until they are written.
            using var prover = new ProvingRun(environments, PrecompileSet.Cancun);
            ProvingRunReport report;
            try
            {
                report = prover.Run(tape);
            }
            catch (ProvingRunException e)
            {
                Console.Error.WriteLine($"zkos: {e.Message}");
                return 1;
            }
            if (parse.GetValue(json))
            {
                WriteJson(report);
            }
            else
            {
                WriteText(report);
            }
            return 0;
        }));
        return command;
    }

    private static void WriteText(ProvingRunReport report)
    {
        var proof = report.Proof;
        Console.WriteLine($"public input  {proof.PublicInput}");
        Console.WriteLine($"words         {string.Join(' ', proof.PublicInputWords.Select(Word))}");
        Console.WriteLine($"state before  root {proof.StateBefore.Root}, next free slot {proof.StateBefore.NextFreeSlot}");
        Console.WriteLine($"state after   root {proof.StateAfter.Root}, next free slot {proof.StateAfter.NextFreeSlot}");
        Console.WriteLine($"block         {proof.Parts.BlockNumber}, hash {proof.Parts.CurrentBlockHash}");
        Console.WriteLine($"witness       {report.WordsRead} words read");
        Console.WriteLine($"arena         {report.ArenaHighWaterMark} bytes at the high-water mark");
        Console.WriteLine($"time          {report.Elapsed.TotalMilliseconds.ToString("F1", CultureInfo.InvariantCulture)} ms");
    }

    private static void WriteJson(ProvingRunReport report)
    {
        var proof = report.Proof;
        var node = new JsonObject
        {
            ["publicInput"] = proof.PublicInput.ToString(),
            ["publicInputWords"] = new JsonArray([.. proof.PublicInputWords.Select(w => (JsonNode)Word(w))]),
            ["stateBefore"] = Commitment(proof.StateBefore),
            ["stateAfter"] = Commitment(proof.StateAfter),
            ["blockNumber"] = proof.Parts.BlockNumber,
            ["blockHash"] = proof.Parts.CurrentBlockHash.ToString(),
            ["wordsRead"] = report.WordsRead,
            ["arenaHighWaterMark"] = report.ArenaHighWaterMark,
            ["milliseconds"] = report.Elapsed.TotalMilliseconds,
        };
        Console.WriteLine(node.ToJsonString(new() { WriteIndented = true }));
    }

    private static JsonObject Commitment(System.ZkSync.Tree.FlatStorageCommitment commitment) => new()
    {
        ["root"] = commitment.Root.ToString(),
        ["nextFreeSlot"] = commitment.NextFreeSlot,
    };

    private static string Word(uint word) => "0x" + word.ToString("x8", CultureInfo.InvariantCulture);
}

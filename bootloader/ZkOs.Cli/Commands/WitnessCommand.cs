// SPDX-License-Identifier: MIT
using System.CommandLine;
using ZkOs.Bootloader.ZkSync.Forward;
using ZkOs.System.Oracle.Csr;
using ZkOs.System.Precompiles;
using ZkOs.System.ZkSync.Storage;

namespace ZkOs.Cli.Commands;

/// <summary>
/// <c>zkos witness [block.json] -o FILE [--config zkos.json]</c>: records the prover's input for a block,
/// every 32-bit word the proving run reads from the oracle (reference §6.3), one per line as eight hex
/// digits. With no block file it uses the embedded sample block. <c>zkos prove-run FILE</c> replays it.
/// </summary>
internal static class WitnessCommand
{
    public static Command Create()
    {
        var block = new Argument<string?>("block") { Description = "A block file (samples/ZkSyncBlock/README.md); the embedded sample block when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string>("--output", "-o") { Description = "Where to write the witness.", Required = true };
        var config = CommonOptions.Config();
        var command = new Command("witness", "Record the witness (the oracle tape) of a block for zkos prove-run.") { block, output, config };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var file = ZkSyncInputs.LoadBlock(parse.GetValue(block));
            var environments = ZkSyncInputs.Environments(parse.GetValue(config));
            using var database = StateDatabase.Open(new InMemoryStateStore(), ownsStore: true);
            var (witness, proof) = new ZkSyncChain(database, environments, PrecompileSet.Cancun).RecordWitness(file);
            var path = parse.GetValue(output)!;
            try
            {
                WitnessFile.Write(path, witness);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliInputException($"cannot write the witness to {path}: {e.Message}");
            }
            Console.WriteLine($"block {file.Number}: {witness.Length} words ({witness.Length * 4} bytes) written to {path}");
            Console.WriteLine($"public input {proof.PublicInput}");
            return 0;
        }));
        return command;
    }
}

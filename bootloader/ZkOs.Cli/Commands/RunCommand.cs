// SPDX-License-Identifier: MIT
using System.CommandLine;
using ZkOs.Bootloader.ZkSync;
using ZkOs.Bootloader.ZkSync.Blocks;
using ZkOs.Framework.Execution;
using ZkOs.System.Precompiles;
using ZkOs.System.ZkSync.Storage;

namespace ZkOs.Cli.Commands;

/// <summary>
/// <c>zkos run [block.json] [--state DIR] [--config zkos.json] [--json] [--with-tree]</c>: runs a block
/// through the ZKsync STF and prints per transaction its status, gas, native, pubdata, logs and L2→L1
/// messages, then the state diffs, the pubdata size, the new state commitment and the public input.
/// With no block file it runs the embedded sample block (samples/ZkSyncBlock/sample-block.json).
/// </summary>
internal static class RunCommand
{
    private const string SampleResource = "ZkOs.Cli.sample-block.json";

    public static Command Create()
    {
        var block = new Argument<string?>("block") { Description = "A block file (samples/ZkSyncBlock/README.md); the embedded sample block when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var state = new Option<string?>("--state") { Description = "A folder holding the chain's state (SQLite); kept between runs. In memory when omitted." };
        var json = new Option<bool>("--json") { Description = "Write everything as JSON." };
        var withTree = new Option<bool>("--with-tree") { Description = "With --json: add every leaf of the state tree after the block." };
        var config = CommonOptions.Config();
        var command = new Command("run", "Run a block through the ZKsync state transition function.") { block, state, json, withTree, config };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var file = parse.GetValue(block) is { } path ? ZkSyncBlockFileReader.Load(path) : LoadSample();
            var registry = ConfiguredEnvironments.Load(parse.GetValue(config));
            var environments = new IExecutionEnvironment?[256];
            foreach (var registration in registry.Environments)
            {
                environments[registration.Type] = registration.Environment;
            }
            if (environments[EeType.Evm] is null)
            {
                throw new CliInputException("the configuration has no EVM (type 1): ZKsync blocks deploy and run EVM code.");
            }
            using var database = StateDatabase.Open(OpenStore(parse.GetValue(state)), ownsStore: true);
            var report = new ZkSyncChain(database, environments, PrecompileSet.Cancun).Run(file);
            if (parse.GetValue(json))
            {
                RunReportJson.Write(Console.Out, report, parse.GetValue(withTree) ? database.Tree : null);
            }
            else
            {
                RunReportText.Write(Console.Out, report);
            }
            return 0;
        }));
        return command;
    }

    private static IStateStore OpenStore(string? folder)
    {
        if (folder is null)
        {
            return new InMemoryStateStore();
        }
        Directory.CreateDirectory(folder);
        return new SqliteStateStore(Path.Combine(folder, "state.db"));
    }

    private static ZkSyncBlockFile LoadSample()
    {
        using var stream = typeof(RunCommand).Assembly.GetManifestResourceStream(SampleResource)
            ?? throw new InvalidOperationException($"The embedded resource {SampleResource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return ZkSyncBlockFileReader.Parse(reader.ReadToEnd(), "embedded sample-block.json");
    }
}

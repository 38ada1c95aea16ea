// SPDX-License-Identifier: MIT
using System.CommandLine;
using ZkOs.Bootloader.ZkSync.Forward;
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
            var file = ZkSyncInputs.LoadBlock(parse.GetValue(block));
            var environments = ZkSyncInputs.Environments(parse.GetValue(config));
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
}

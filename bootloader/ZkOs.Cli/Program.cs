// SPDX-License-Identifier: MIT
using System.CommandLine;
using ZkOs.Cli.Commands;

namespace ZkOs.Cli;

/// <summary>The <c>zkos</c> command line: each command lives in Commands/.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("ZkOs.Net: the ZKsync OS state transition function, with pluggable execution environments.")
        {
            EesCommand.Create(),
            ExecCommand.Create(),
            RunCommand.Create(),
            WitnessCommand.Create(),
            ProveRunCommand.Create(),
            StateTestCommand.Create(),
            ReplayCommand.Create(),
            BenchCommand.Create(),
            DisasmCommand.Create(),
            HarnessCommand.Create(),
        };
        return root.Parse(args).Invoke();
    }
}

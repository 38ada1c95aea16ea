// SPDX-License-Identifier: MIT
using System.CommandLine;

namespace ZkOs.Cli.Commands;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<string?> Config() => new("--config")
    {
        Description = "A zkos.json configuration; without it the embedded default is used.",
    };
}

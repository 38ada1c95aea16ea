// SPDX-License-Identifier: MIT
using System.CommandLine;
using Spectre.Console;

namespace ZkOs.Cli.Commands;

/// <summary><c>zkos ees [--config zkos.json]</c>: lists the configured execution environments.</summary>
internal static class EesCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var command = new Command("ees", "List the configured execution environments: type byte, name, version, origin.") { config };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var registry = ConfiguredEnvironments.Load(parse.GetValue(config));
            var table = new Table().AddColumns("type", "name", "version", "origin");
            foreach (var registration in registry.Environments)
            {
                var ee = registration.Environment;
                table.AddRow(registration.Type.ToString(), Markup.Escape(ee.Name), Markup.Escape(ee.Version), Markup.Escape(registration.Origin));
            }
            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }
}

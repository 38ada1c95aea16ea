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
            if (Console.IsOutputRedirected)
            {
                // For scripts and pipes: one tab-separated line per EE, never wrapped.
                Console.WriteLine("type\tname\tversion\torigin");
                foreach (var registration in registry.Environments)
                {
                    var ee = registration.Environment;
                    Console.WriteLine($"{registration.Type}\t{ee.Name}\t{ee.Version}\t{registration.Origin}");
                }
                return 0;
            }
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

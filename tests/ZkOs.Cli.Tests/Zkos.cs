// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Reflection;

namespace ZkOs.Cli.Tests;

/// <summary>Runs the built <c>zkos</c> in a child process and captures what it prints.</summary>
internal static class Zkos
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static string ProgramPath(string name) => Path.Combine(AppContext.BaseDirectory, "Programs", name);

    public static Outcome Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliPath);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"zkos {string.Join(' ', args)} did not finish in 2 minutes.");
        }
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string CliPath
    {
        get
        {
            var assembly = typeof(Zkos).Assembly;
            var relative = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Cli").Value!;
            var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(assembly.Location)!, relative));
            return File.Exists(path) ? path : throw new InvalidOperationException($"zkos is not built at '{path}'.");
        }
    }
}

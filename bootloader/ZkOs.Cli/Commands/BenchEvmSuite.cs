// SPDX-License-Identifier: MIT
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ZkOs.Bootloader.Conformance.StateTests;
using ZkOs.Evm;

namespace ZkOs.Cli.Commands;

/// <summary>
/// The evm-benchmarks (ipsilon/evm-benchmarks, main and micro) through the state-test path under London:
/// each case's pre-state is built outside the timing (<see cref="EthereumStateTestExecutor.TryPrepare"/>),
/// only the transaction is timed. Every case first runs once, checked against the file's post-state, which
/// also warms the JIT on the whole mix (a single-workload warm-up lets PGO specialise the dispatch for that
/// workload); then each gets a warm-up of a quarter of its budget and timed runs until the budget is spent.
/// Instructions are counted in one more run with a counting tracer, never timed.
/// </summary>
internal static class BenchEvmSuite
{
    public const string Fork = "London";

    /// <summary>At least this many timed runs, however long a run takes: a median needs a few.</summary>
    private const int MinRuns = 5;

    private static readonly string[] _defaultLocation = ["..", "shared", "conformance", "evm-benchmarks"];

    /// <summary>
    /// The default folder: ../shared/conformance/evm-benchmarks from the current directory or any folder
    /// above it (the shared data sits next to the repository, so this finds it from the repo root and from
    /// inside it), or null.
    /// </summary>
    public static string? FindDefault()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.GetFullPath(Path.Combine([directory.FullName, .. _defaultLocation]));
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    public static IReadOnlyList<BenchEvmWorkload> Run(string directory, string? filter, double seconds, TextWriter progress)
    {
        var cases = Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(path => StateTestLoader.LoadCases(path, Fork, Path.GetRelativePath(directory, path).Replace('\\', '/')))
            .Where(c => filter is null || Describe(c).Contains(filter, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (cases.Count == 0)
        {
            throw new CliInputException($"--evm: no {Fork} case{(filter is null ? "" : $" matching '{filter}'")} under {directory}.");
        }

        // One environment for every run, as a chain keeps one: code it has started before gets its jump map
        // from the environment's cache (JumpDestinationCache), as repeated calls in a block do; evmone's
        // benchmarks likewise analyse the code once, outside the timing.
        var london = new EvmEnvironment(EvmSpec.For(EvmFork.London));
        var plain = new EthereumStateTestExecutor(_ => london);
        // The mixed warm-up and the correctness check in one pass.
        var checks = cases.Select(c => Check(plain, c)).ToList();

        var results = new List<BenchEvmWorkload>(cases.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            var testCase = cases[i];
            progress.WriteLine($"  {Describe(testCase)}");
            var timings = Time(plain, testCase, seconds);
            var instructions = CountInstructions(testCase);
            results.Add(new BenchEvmWorkload(Group(testCase), testCase.TestName, Input(testCase), timings, instructions, checks[i].Gas, checks[i].RootMatches));
        }
        return results;
    }

    private static (ulong Gas, bool RootMatches) Check(EthereumStateTestExecutor executor, StateTestCase testCase)
    {
        var prepared = Prepare(executor, testCase);
        prepared.Execute();
        var result = prepared.Finish();
        if (result.Unsupported is { } unsupported)
        {
            throw new InvalidOperationException($"{testCase.Name}: {unsupported}");
        }
        return (result.GasUsed ?? 0, result.StateRoot == testCase.ExpectedStateRoot);
    }

    private static BenchTimings Time(EthereumStateTestExecutor executor, StateTestCase testCase, double seconds) =>
        BenchTimings.Measure(() =>
        {
            var prepared = Prepare(executor, testCase);
            var start = Stopwatch.GetTimestamp();
            prepared.Execute();
            return Stopwatch.GetElapsedTime(start).TotalNanoseconds;
        }, seconds, MinRuns);

    private static long CountInstructions(StateTestCase testCase)
    {
        var counter = new BenchInstructionCounter();
        var traced = new EthereumStateTestExecutor(_ => new EvmEnvironment(EvmSpec.For(EvmFork.London), counter));
        Prepare(traced, testCase).Execute();
        return counter.Count;
    }

    private static PreparedStateTestCase Prepare(EthereumStateTestExecutor executor, StateTestCase testCase) =>
        executor.TryPrepare(testCase, tracer: null, out var prepared, out var unsupported)
            ? prepared
            : throw new InvalidOperationException($"{testCase.Name}: {unsupported}");

    /// <summary>The folder holding the file (main, micro), whatever lies above it.</summary>
    private static string Group(StateTestCase testCase) =>
        Path.GetFileName(Path.GetDirectoryName(testCase.File) ?? "");

    /// <summary>The data index's label (e.g. "benchmark"), or the index itself when the file gives none.</summary>
    private static string Input(StateTestCase testCase) =>
        testCase.Label ?? testCase.DataIndex.ToString(CultureInfo.InvariantCulture);

    private static string Describe(StateTestCase testCase) => $"{Group(testCase)}/{testCase.TestName}/{Input(testCase)}";

    public static void PrintTable(IReadOnlyList<BenchEvmWorkload> results, TextWriter output)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"workload",-40} {"median",11} {"min",11} {"max",11} {"runs",6} {"instructions",13} {"ns/instr",9} {"Mgas/s",9}  root"));
        foreach (var r in results)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{$"{r.Group}/{r.Workload}/{r.Input}",-40} {Time(r.Timings.MedianNs),11} {Time(r.Timings.MinNs),11} {Time(r.Timings.MaxNs),11} {r.Timings.Runs,6} {r.Instructions,13:N0} {r.NsPerInstruction,9:F2} {r.GasPerSecond / 1e6,9:F1}  {(r.StateRootMatches ? "ok" : "MISMATCH")}"));
        }

        var compared = results
            .Where(r => BenchEvmoneReference.Nanoseconds.ContainsKey((r.Workload, r.Input)))
            .Select(r => (r, Reference: BenchEvmoneReference.Nanoseconds[(r.Workload, r.Input)]))
            .ToList();
        if (compared.Count == 0)
        {
            return;
        }
        output.WriteLine();
        output.WriteLine($"{"vs evmone v0.15.0 (baseline)",-40} {"ours",11} {"evmone",11} {"ratio",8}");
        foreach (var (r, reference) in compared)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{$"{r.Workload}/{r.Input}",-40} {Time(r.Timings.MedianNs),11} {Time(reference),11} {r.Timings.MedianNs / reference,7:F2}x"));
        }
        // The geometric mean, as ratios multiply: twice as slow on one and twice as fast on another is even.
        var geomean = Math.Exp(compared.Average(c => Math.Log(c.r.Timings.MedianNs / c.Reference)));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{$"geometric mean ({compared.Count} workloads)",-40} {"",11} {"",11} {geomean,7:F2}x"));
    }

    public static void PrintJson(IReadOnlyList<BenchEvmWorkload> results, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (var r in results)
            {
                writer.WriteStartObject();
                writer.WriteString("workload", r.Workload);
                writer.WriteString("input", r.Input);
                writer.WriteNumber("medianNs", Math.Round(r.Timings.MedianNs));
                writer.WriteNumber("instructions", r.Instructions);
                writer.WriteNumber("gas", r.Gas);
                writer.WriteString("group", r.Group);
                writer.WriteNumber("minNs", Math.Round(r.Timings.MinNs));
                writer.WriteNumber("maxNs", Math.Round(r.Timings.MaxNs));
                writer.WriteNumber("runs", r.Timings.Runs);
                writer.WriteBoolean("stateRootMatches", r.StateRootMatches);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        output.WriteLine(global::System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>A duration in the unit that keeps three or four significant digits.</summary>
    public static string Time(double ns) => ns switch
    {
        >= 1e9 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e9:F3} s"),
        >= 1e6 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e6:F3} ms"),
        >= 1e3 => string.Create(CultureInfo.InvariantCulture, $"{ns / 1e3:F2} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{ns:F0} ns"),
    };
}

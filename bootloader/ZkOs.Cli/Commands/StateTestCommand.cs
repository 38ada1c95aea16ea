// SPDX-License-Identifier: MIT
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;
using ZkOs.Bootloader.Conformance.StateTests;

namespace ZkOs.Cli.Commands;

/// <summary>
/// <c>zkos statetest &lt;file|dir&gt;... [--fork Cancun] [--filter s] [--trace s] [--timing] [--json] [--list]</c>:
/// runs Ethereum state tests through the EVM executor and prints one line per failure, then
/// <c>N passed, M failed[, K skipped]</c> and the skip reasons with their counts. Exit code 0 when
/// nothing failed, 1 when something did, 2 for bad input (a missing path, a malformed file, no case to run,
/// no executor).
/// </summary>
internal static class StateTestCommand
{
    /// <summary>
    /// Runs of at most this many files print the time of each single-test file unasked: such a run is a
    /// benchmark (the evm-benchmarks are 14 single-test files). A GeneralStateTests run (2,704 files,
    /// nearly all single-test) would drown its failures in timing lines; <c>--timing</c> still asks for them.
    /// </summary>
    private const int AutoTimingMaxFiles = 32;

    private static readonly JsonWriterOptions _jsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "State-test files, or directories searched recursively for *.json.",
            Arity = ArgumentArity.OneOrMore,
        };
        var fork = new Option<string>("--fork")
        {
            Description = "The fork whose expectations to check (London for the evm-benchmarks).",
            DefaultValueFactory = _ => StateTestCatalog.DefaultFork,
        };
        var filter = new Option<string?>("--filter") { Description = "Run only the cases whose name (<file>::<test>::<fork>[d,g,v]) contains this." };
        var trace = new Option<string?>("--trace") { Description = "Write an EIP-3155 trace (JSON lines, on stderr) of the cases whose name contains this." };
        var timing = new Option<bool>("--timing") { Description = "Print the execution time of every file." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per case and one for the summary instead of text." };
        var list = new Option<bool>("--list") { Description = "Print the names of the cases that would run, without running them." };

        var command = new Command("statetest", "Run Ethereum state tests (GeneralStateTests, evm-benchmarks) against the EVM.")
        {
            paths, fork, filter, trace, timing, json, list,
        };
        command.SetAction(parse => CommandRunner.Run(() => Run(
            new StateTestOptions(parse.GetValue(paths)!, parse.GetValue(fork)!, parse.GetValue(filter), parse.GetValue(trace),
                parse.GetValue(timing), parse.GetValue(json), parse.GetValue(list)),
            StateTestExecutors.Create,
            Console.Out,
            Console.Error,
            interactive: !Console.IsOutputRedirected)));
        return command;
    }

    /// <summary>The command's body, with its executor and outputs passed in so it can run without a terminal or an EVM.</summary>
    /// <param name="interactive">Stdout is a terminal: long runs show a progress display (CI has none and gets plain lines).</param>
    internal static int Run(StateTestOptions options, Func<IStateTestExecutor> createExecutor, TextWriter stdout, TextWriter stderr, bool interactive)
    {
        if (string.IsNullOrWhiteSpace(options.Fork))
        {
            throw new CliInputException("--fork: give a fork name, e.g. Cancun or London.");
        }
        var files = FindFiles(options.Paths);
        if (options.List)
        {
            return List(files, options, stdout, stderr);
        }
        // After the paths are checked, so a typo is reported before a missing executor.
        var executor = createExecutor();

        var tally = new StateTestTally();
        int inputErrors = 0;
        var forksSeen = new SortedSet<string>(StringComparer.Ordinal);
        bool autoTiming = files.Count <= AutoTimingMaxFiles;
        // While the progress display owns the terminal, lines wait and are printed when it ends.
        List<string>? held = null;
        void Emit(string line)
        {
            if (held is null)
            {
                stdout.WriteLine(line);
            }
            else
            {
                held.Add(line);
            }
        }

        void RunFile(StateTestFile file)
        {
            IReadOnlyList<StateTest> tests;
            try
            {
                tests = file.Load();
            }
            catch (Exception e) when (e is StateTestFormatException or IOException or UnauthorizedAccessException)
            {
                // A bad file does not stop the run; it makes the exit code 2 at the end.
                inputErrors++;
                stderr.WriteLine($"zkos: {(e is StateTestFormatException ? e.Message : $"{file.Name}: {e.Message}")}");
                return;
            }
            foreach (var test in tests)
            {
                forksSeen.UnionWith(test.Forks);
            }
            var cases = tests.SelectMany(t => t.CasesFor(options.Fork)).Where(c => Matches(c, options.Filter)).ToList();
            if (cases.Count == 0)
            {
                return;
            }

            var fileTime = TimeSpan.Zero;
            ulong gasUsed = 0;
            bool gasKnown = true;
            foreach (var testCase in cases)
            {
                var tracer = options.Trace is not null && Matches(testCase, options.Trace) ? new Eip3155JsonTracer(stderr) : null;
                long start = Stopwatch.GetTimestamp();
                var verdict = StateTestVerdict.Run(executor, testCase, tracer);
                var time = Stopwatch.GetElapsedTime(start);
                fileTime += time;
                tally.Add(verdict);
                if (verdict.Result?.GasUsed is { } gas)
                {
                    gasUsed += gas;
                }
                else
                {
                    gasKnown = false;
                }
                if (options.Json)
                {
                    Emit(CaseJson(testCase, verdict, time));
                }
                else if (verdict.Outcome == StateTestOutcome.Fail)
                {
                    Emit($"FAIL {testCase.Name}: {verdict.Reason}");
                }
            }
            if (!options.Json && (options.Timing || (autoTiming && tests.Count == 1)))
            {
                Emit(TimingLine(file, cases.Count, fileTime, gasKnown ? gasUsed : null));
            }
        }

        if (interactive && files.Count > 1 && !options.Json && options.Trace is null)
        {
            held = [];
            AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("state tests", maxValue: files.Count);
                    foreach (var file in files)
                    {
                        task.Description = Markup.Escape($"{tally.Passed} passed, {tally.Failed} failed · {Tail(file.Name, 40)}");
                        RunFile(file);
                        task.Increment(1);
                    }
                });
            foreach (var line in held)
            {
                stdout.WriteLine(line);
            }
            held = null;
        }
        else
        {
            foreach (var file in files)
            {
                RunFile(file);
            }
        }

        if (tally.Total == 0 && inputErrors == 0)
        {
            throw new CliInputException(NothingToRun(options, forksSeen));
        }
        if (options.Json)
        {
            stdout.WriteLine(SummaryJson(tally));
        }
        else
        {
            stdout.WriteLine(tally.SummaryLine());
            foreach (var line in tally.SkipLines())
            {
                stdout.WriteLine(line);
            }
        }
        return inputErrors > 0 ? 2 : tally.Failed > 0 ? 1 : 0;
    }

    private static IReadOnlyList<StateTestFile> FindFiles(IReadOnlyList<string> paths)
    {
        try
        {
            return StateTestCatalog.FindFiles(paths);
        }
        catch (FileNotFoundException e)
        {
            throw new CliInputException(e.Message);
        }
    }

    private static int List(IReadOnlyList<StateTestFile> files, StateTestOptions options, TextWriter stdout, TextWriter stderr)
    {
        int listed = 0, inputErrors = 0;
        var forksSeen = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            try
            {
                foreach (var test in file.Load())
                {
                    forksSeen.UnionWith(test.Forks);
                    foreach (var testCase in test.CasesFor(options.Fork).Where(c => Matches(c, options.Filter)))
                    {
                        stdout.WriteLine(testCase.Name);
                        listed++;
                    }
                }
            }
            catch (Exception e) when (e is StateTestFormatException or IOException or UnauthorizedAccessException)
            {
                inputErrors++;
                stderr.WriteLine($"zkos: {(e is StateTestFormatException ? e.Message : $"{file.Name}: {e.Message}")}");
            }
        }
        if (listed == 0 && inputErrors == 0)
        {
            throw new CliInputException(NothingToRun(options, forksSeen));
        }
        return inputErrors > 0 ? 2 : 0;
    }

    /// <summary>The end of a long name (where the file name is), so the progress line keeps to one row.</summary>
    private static string Tail(string text, int maxChars) => text.Length <= maxChars ? text : $"…{text[^(maxChars - 1)..]}";

    private static bool Matches(StateTestCase testCase, string? substring) =>
        substring is null || testCase.Name.Contains(substring, StringComparison.Ordinal);

    private static string NothingToRun(StateTestOptions options, SortedSet<string> forksSeen)
    {
        var what = options.Filter is null ? $"no {options.Fork} cases" : $"no {options.Fork} cases matching '{options.Filter}'";
        var where = options.Paths.Count == 1 ? options.Paths[0] : $"the {options.Paths.Count} paths given";
        // Naming the forks present turns "nothing ran" into the fix (e.g. --fork London for the benchmarks).
        var forks = forksSeen.Count == 0 ? "" : $" (the files have cases for {string.Join(", ", forksSeen)})";
        return $"{what} in {where}{forks}";
    }

    private static string TimingLine(StateTestFile file, int cases, TimeSpan time, ulong? gasUsed)
    {
        var line = $"{file.Name}: {Format(time)}, {cases} {(cases == 1 ? "case" : "cases")}";
        if (gasUsed is { } gas && time > TimeSpan.Zero)
        {
            line += string.Create(CultureInfo.InvariantCulture, $", {gas / time.TotalSeconds / 1e6:F1} Mgas/s");
        }
        return line;
    }

    private static string Format(TimeSpan time) => time.TotalSeconds switch
    {
        >= 1 => string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:F2} s"),
        >= 0.001 => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMilliseconds:F1} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{time.TotalMicroseconds:F0} µs"),
    };

    private static string CaseJson(StateTestCase testCase, StateTestVerdict verdict, TimeSpan time) => WriteJson(json =>
    {
        json.WriteStartObject();
        json.WriteString("name", testCase.Name);
        json.WriteString("fork", testCase.Fork);
        json.WriteString("outcome", verdict.Outcome.ToString().ToLowerInvariant());
        json.WriteBoolean("pass", verdict.Outcome == StateTestOutcome.Pass);
        if (verdict.Reason is not null)
        {
            json.WriteString("reason", verdict.Reason);
        }
        if (verdict.Result is { Unsupported: null } result)
        {
            json.WriteString("stateRoot", result.StateRoot.ToString());
            if (result.InvalidTransaction is not null)
            {
                json.WriteString("invalidTransaction", result.InvalidTransaction);
            }
            if (result.GasUsed is { } gas)
            {
                json.WriteNumber("gasUsed", gas);
            }
        }
        json.WriteNumber("timeMs", Math.Round(time.TotalMilliseconds, 3));
        json.WriteEndObject();
    });

    private static string SummaryJson(StateTestTally tally) => WriteJson(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("passed", tally.Passed);
        json.WriteNumber("failed", tally.Failed);
        json.WriteNumber("skipped", tally.Skipped);
        json.WriteStartObject("skipReasons");
        foreach (var (reason, count) in tally.SkipReasons)
        {
            json.WriteNumber(reason, count);
        }
        json.WriteEndObject();
        json.WriteEndObject();
    });

    private static string WriteJson(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, _jsonOptions))
        {
            write(json);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

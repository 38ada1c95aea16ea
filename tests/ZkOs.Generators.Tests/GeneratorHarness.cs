// SPDX-License-Identifier: MIT
using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using ZkOs.Framework.Interpretation;

namespace ZkOs.Generators.Tests;

/// <summary>An AdditionalFiles item held in memory.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>The outcome of one generator run: the driver (to run again), the compilations and the results.</summary>
internal sealed record GeneratorRun(
    GeneratorDriver Driver,
    CSharpCompilation Input,
    Compilation Output,
    GeneratorRunResult Result)
{
    public ImmutableArray<Diagnostic> GeneratorDiagnostics => Result.Diagnostics;

    /// <summary>Errors and warnings of the input plus the generated code, as the compiler would report them.</summary>
    public ImmutableArray<Diagnostic> CompilationDiagnostics =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();

    public string Source(string hintSuffix) =>
        Result.GeneratedSources.Single(s => s.HintName.EndsWith(hintSuffix, StringComparison.Ordinal)).SourceText.ToString();
}

/// <summary>
/// Runs <see cref="StackInterpreterGenerator"/> the way the compiler does, over in-memory sources and
/// tables, with step tracking on for the incrementality tests.
/// </summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> _references = new(LoadReferences);

    /// <summary>The folder of the test project's sources, where TestData and Snapshots live.</summary>
    public static string ProjectDirectory { get; } = typeof(GeneratorHarness).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "ProjectDirectory").Value!;

    public static string ReadTestData(string name) => File.ReadAllText(Path.Combine(ProjectDirectory, "TestData", name));

    public static CSharpCompilation CreateCompilation(params string[] sources) => CSharpCompilation.Create(
        "Sample",
        sources.Select((text, i) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: $"/src/Source{i}.cs")),
        _references.Value,
        new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            allowUnsafe: true,
            nullableContextOptions: NullableContextOptions.Enable,
            // Documentation is parsed in Diagnose mode to catch malformed XML in the generated comments;
            // missing comments are fine, as in the repository's own builds.
            specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1591"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver CreateDriver(params AdditionalText[] tables) => CSharpGeneratorDriver.Create(
        [new StackInterpreterGenerator().AsSourceGenerator()],
        tables,
        ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static GeneratorRun Run(GeneratorDriver driver, CSharpCompilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        return new GeneratorRun(driver, compilation, output, driver.GetRunResult().Results.Single());
    }

    public static GeneratorRun Run(string source, params AdditionalText[] tables) =>
        Run(CreateDriver(tables), CreateCompilation(source));

    /// <summary>The sample of TestData: the tiny interpreter, its handlers and both tables.</summary>
    public static GeneratorRun RunSample() => Run(
        ReadTestData("Tiny.cs"),
        new InMemoryAdditionalText("/src/Tables/tiny.opcodes.csv", ReadTestData("tiny.opcodes.csv")),
        new InMemoryAdditionalText("/src/Tables/tiny.resources.csv", ReadTestData("tiny.resources.csv")));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The runtime's own assemblies (what the test host runs on) plus the framework the generated
        // code targets; emitted sample assemblies can then be loaded into this process.
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal)
                || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .Append(typeof(InterpreterState).Assembly.Location)
            .Append(typeof(global::ZkOs.System.Variants.ISystemTypes).Assembly.Location)
            .Distinct(StringComparer.Ordinal);
        return [.. paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}

// SPDX-License-Identifier: MIT
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ZkOs.Generators.SystemVariants;

namespace ZkOs.Generators.Tests;

/// <summary>
/// Runs <see cref="SystemVariantGenerator"/> over an in-memory <c>*.variants.csv</c> with the MSBuild
/// properties it reads (ZkOsVariant, RootNamespace, ProjectDir), compiling against the real components.
/// </summary>
internal static class SystemVariantHarness
{
    public const string TablePath = "/src/Variants/system.variants.csv";

    /// <summary>The repository's own declaration, read from the source tree.</summary>
    public static string RepositoryTable { get; } = File.ReadAllText(Path.Combine(
        GeneratorHarness.ProjectDirectory, "..", "..", "system", "ZkOs.System", "Variants", "system.variants.csv"));

    public static GeneratorRun Run(string table, string? selectedVariant = null, GeneratorDriver? driver = null)
    {
        var options = new Dictionary<string, string>
        {
            ["build_property.RootNamespace"] = "ZkOs.System",
            ["build_property.ProjectDir"] = "/src/",
        };
        if (selectedVariant is not null)
        {
            options["build_property.ZkOsVariant"] = selectedVariant;
        }
        driver ??= CSharpGeneratorDriver.Create(
            [new SystemVariantGenerator().AsSourceGenerator()],
            [new InMemoryAdditionalText(TablePath, table)],
            GeneratorHarness.ParseOptions,
            new OptionsProvider(options),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        // An assembly of its own: its variant types are not confused with the referenced ZkOs.System's.
        return GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation("namespace Probe; internal static class Empty { }"));
    }

    private sealed class OptionsProvider(Dictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options([]);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options([]);
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);

        public override IEnumerable<string> Keys => values.Keys;
    }
}

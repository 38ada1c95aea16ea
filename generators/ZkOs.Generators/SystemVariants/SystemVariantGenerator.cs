// SPDX-License-Identifier: MIT
using Microsoft.CodeAnalysis;

namespace ZkOs.Generators.SystemVariants;

/// <summary>
/// Emits the system variants (ARCHITECTURE.md "Forward and proving variants") from their one
/// declaration, a <c>*.variants.csv</c> AdditionalFile: for each row a <c>readonly struct</c> implementing
/// <c>ISystemTypes</c> whose members forward to the components the row names (allocator, oracle
/// transport, checks, result keeper), so the bootloader, generic over <c>ISystemTypes</c>, is compiled
/// once per variant by the JIT. The <c>ZkOsVariant</c> MSBuild property, when set, keeps one variant only.
/// </summary>
/// <remarks>
/// The generated namespace is the project's root namespace followed by the table's folder, the C#
/// convention, so the variants sit beside the components they name.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class SystemVariantGenerator : IIncrementalGenerator
{
    internal const string TableSuffix = ".variants.csv";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var build = context.AnalyzerConfigOptionsProvider.Select(static (options, _) =>
        {
            options.GlobalOptions.TryGetValue("build_property.ZkOsVariant", out var selected);
            options.GlobalOptions.TryGetValue("build_property.RootNamespace", out var rootNamespace);
            options.GlobalOptions.TryGetValue("build_property.ProjectDir", out var projectDir);
            return new BuildOptions(selected?.Trim() ?? string.Empty, rootNamespace ?? string.Empty, projectDir ?? string.Empty);
        });

        var tables = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(TableSuffix, System.StringComparison.OrdinalIgnoreCase))
            .Combine(build)
            .Select(static (input, cancellationToken) => Parse(
                input.Left.Path,
                input.Left.GetText(cancellationToken)?.ToString() ?? string.Empty,
                input.Right,
                cancellationToken))
            .WithTrackingName(TrackingNames.SystemVariantTables);

        context.RegisterSourceOutput(tables, static (output, table) =>
        {
            foreach (var diagnostic in table.Diagnostics)
            {
                output.ReportDiagnostic(diagnostic.ToDiagnostic());
            }
            if (table.Diagnostics.Count == 0)
            {
                Emit(output, table);
            }
        });
    }

    /// <summary>The MSBuild properties the generator reads, as plain strings so the step stays equatable.</summary>
    internal sealed record BuildOptions(string SelectedVariant, string RootNamespace, string ProjectDirectory);
}

// SPDX-License-Identifier: MIT
using Microsoft.CodeAnalysis;

namespace ZkOs.Generators.Tests;

/// <summary>The system variants: emitted from their one declaration, filtered by ZkOsVariant, validated.</summary>
public sealed class SystemVariantTests
{
    [Fact]
    public void RepositoryDeclaration_EmitsBothVariants_AsSnapshotted()
    {
        var run = SystemVariantHarness.Run(SystemVariantHarness.RepositoryTable);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(
            ["ForwardSystem.g.cs", "ProvingSystem.g.cs", "system.SystemVariants.g.cs"],
            run.Result.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
        SnapshotAssert.Matches("SystemVariants", run.Result.GeneratedSources);
    }

    [Fact]
    public void GeneratedVariants_CompileAgainstTheRealComponents()
    {
        var run = SystemVariantHarness.Run(SystemVariantHarness.RepositoryTable);

        Assert.Empty(run.CompilationDiagnostics);
        Assert.NotNull(run.Output.Assembly.GetTypeByMetadataName("ZkOs.System.Variants.ProvingSystem"));
    }

    [Fact]
    public void ZkOsVariantProving_BuildsTheProvingVariantAlone()
    {
        var run = SystemVariantHarness.Run(SystemVariantHarness.RepositoryTable, selectedVariant: "Proving");

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Equal(["ProvingSystem.g.cs", "system.SystemVariants.g.cs"], run.Result.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
        var catalog = run.Source("SystemVariants.g.cs");
        Assert.Contains("Built { get; } = [\"Proving\"]", catalog);
        Assert.Contains("Declared { get; } = [\"Forward\", \"Proving\"]", catalog);
        Assert.Null(run.Output.Assembly.GetTypeByMetadataName("ZkOs.System.Variants.ForwardSystem"));
    }

    [Fact]
    public void AnUndeclaredZkOsVariant_IsReported()
    {
        var run = SystemVariantHarness.Run(SystemVariantHarness.RepositoryTable, selectedVariant: "Simulation");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("ZKOS0103", diagnostic.Id);
        Assert.Contains("'Simulation'", diagnostic.GetMessage());
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void AMalformedHeader_IsReported()
    {
        var run = SystemVariantHarness.Run("variant,allocator,oracle\nForward,HeapAllocator,DirectOracle\n");

        Assert.Equal("ZKOS0101", Assert.Single(run.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void ARowWithMissingCells_IsReportedAtItsLine()
    {
        var run = SystemVariantHarness.Run(Header + "Forward,HeapAllocator,DirectOracle\n");

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("ZKOS0101", diagnostic.Id);
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Fact]
    public void ADuplicateVariant_IsReported()
    {
        var run = SystemVariantHarness.Run(Header + Row("Forward") + Row("Forward"));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("ZKOS0102", diagnostic.Id);
        Assert.Contains("line 2", diagnostic.GetMessage());
    }

    [Theory]
    [InlineData("Forward System", "variant")]
    [InlineData("class", "variant")]
    public void ACellThatIsNotAnIdentifier_IsReported(string name, string column)
    {
        var run = SystemVariantHarness.Run(Header + Row(name));

        var diagnostic = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("ZKOS0104", diagnostic.Id);
        Assert.Contains($"The {column} cell", diagnostic.GetMessage());
    }

    [Fact]
    public void AnUnrelatedEdit_LeavesTheParsedTableCached()
    {
        var first = SystemVariantHarness.Run(SystemVariantHarness.RepositoryTable);
        var second = GeneratorHarness.Run(first.Driver, GeneratorHarness.CreateCompilation("namespace Probe; internal static class Edited { }"));

        var step = Assert.Single(second.Result.TrackedSteps[TrackingNames.SystemVariantTables]);
        Assert.All(step.Outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    private const string Header = "variant,allocator,oracle,checks,results,summary\n";

    private static string Row(string name) => $"{name},HeapAllocator,DirectOracle,TrustedState,FullResults,A test variant.\n";
}

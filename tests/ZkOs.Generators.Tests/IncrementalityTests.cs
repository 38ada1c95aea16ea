// SPDX-License-Identifier: MIT
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ZkOs.Generators.Tests;

/// <summary>
/// Proves each pipeline step is cached when its inputs did not change, and re-runs when they did, so an
/// edit elsewhere in a project never regenerates the interpreter.
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly string[] _steps =
    [
        TrackingNames.Interpreters,
        TrackingNames.HandlerClasses,
        TrackingNames.OpcodeTables,
        TrackingNames.ResourceTables,
        TrackingNames.Generation,
    ];

    [Fact]
    public void AnUnrelatedClassLeavesEveryStepCached()
    {
        var first = GeneratorHarness.RunSample();
        var unrelated = CSharpSyntaxTree.ParseText("namespace Sample; public static class Unrelated { public static int Answer => 42; }", GeneratorHarness.ParseOptions, path: "/src/Unrelated.cs");

        var second = GeneratorHarness.Run(first.Driver, first.Input.AddSyntaxTrees(unrelated));

        foreach (var step in _steps)
        {
            AssertAllOutputs(second.Result, step, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }

        AssertOutputsReused(second.Result);
        Assert.Equal(
            first.Result.GeneratedSources.Select(s => s.SourceText.ToString()),
            second.Result.GeneratedSources.Select(s => s.SourceText.ToString()));
    }

    [Fact]
    public void AHandlerBodyEditIsUnchangedDownstream()
    {
        var first = GeneratorHarness.RunSample();
        var tree = first.Input.SyntaxTrees.Single();
        var edited = tree.WithChangedText(tree.GetText().Replace(
            tree.GetText().ToString().IndexOf("ctx->Creates++;", StringComparison.Ordinal), "ctx->Creates++;".Length, "ctx->Creates += 1;"));

        var second = GeneratorHarness.Run(first.Driver, first.Input.ReplaceSyntaxTree(tree, edited));

        // The tree changed, so the handler classes are read again, but into equal models.
        AssertAllOutputs(second.Result, TrackingNames.HandlerClasses, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertAllOutputs(second.Result, TrackingNames.Generation, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertOutputsReused(second.Result);
    }

    [Fact]
    public void ATableEditRegenerates()
    {
        var opcodes = new InMemoryAdditionalText("/src/Tables/tiny.opcodes.csv", GeneratorHarness.ReadTestData("tiny.opcodes.csv"));
        var resources = new InMemoryAdditionalText("/src/Tables/tiny.resources.csv", GeneratorHarness.ReadTestData("tiny.resources.csv"));
        var compilation = GeneratorHarness.CreateCompilation(GeneratorHarness.ReadTestData("Tiny.cs"));
        var first = GeneratorHarness.Run(GeneratorHarness.CreateDriver(opcodes, resources), compilation);
        var edited = new InMemoryAdditionalText(
            opcodes.Path,
            opcodes.GetText().ToString().Replace("0x01,ADD,2,1,0,3,23", "0x01,ADD,2,1,0,4,23", StringComparison.Ordinal));

        var second = GeneratorHarness.Run(first.Driver.ReplaceAdditionalText(opcodes, edited), compilation);

        AssertAllOutputs(second.Result, TrackingNames.OpcodeTables, IncrementalStepRunReason.Modified);
        AssertAllOutputs(second.Result, TrackingNames.ResourceTables, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertAllOutputs(second.Result, TrackingNames.Interpreters, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertAllOutputs(second.Result, TrackingNames.Generation, IncrementalStepRunReason.Modified);
        Assert.Contains("if ((ergs -= 1024) < 0) goto OutOfErgs;", second.Source("Run.g.cs"), StringComparison.Ordinal);
    }

    private static void AssertAllOutputs(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        Assert.True(result.TrackedSteps.TryGetValue(step, out var runs), $"step {step} was not tracked");
        var outputs = runs.SelectMany(run => run.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.True(
            allowed.Contains(output.Reason),
            $"step {step} produced an output that is {output.Reason}, expected {string.Join(" or ", allowed)}"));
    }

    private static void AssertOutputsReused(GeneratorRunResult result)
    {
        var outputs = result.TrackedOutputSteps.SelectMany(step => step.Value).SelectMany(run => run.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }
}

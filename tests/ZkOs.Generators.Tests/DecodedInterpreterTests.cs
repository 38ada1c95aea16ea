// SPDX-License-Identifier: MIT
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ZkOs.Generators.Tests;

/// <summary>
/// The decode-table generator (EraVM's design): a tiny register machine with three entries, its emitted
/// table compared with a snapshot and compiled, one case per diagnostic, and the cached pipeline.
/// </summary>
public sealed class DecodedInterpreterTests
{
    private const string DecodePath = "/src/Tables/mini.decode.csv";
    private const string HandlersPath = "/src/Tables/mini.handlers.csv";

    private const string Decode = """
        # a comment line
        index,opcode,src0_mode,dst0_mode,flag0,flag1,flag_meaning,ergs,kernel_only,forbidden_in_static
        0,invalid,reg,reg,0,0,,4294967295,0,0
        1,add,reg,stack_push,1,0,set_flags,6,0,0
        2,log_event,reg,reg,0,0,is_first,34,1,1
        """;

    private const string Handlers = """
        opcode,handler
        invalid,Ops.Invalid
        add,"Ops.Add<{src}, {dst}, {flag0}>"
        log_event,Ops.Event<{flag0}>
        """;

    private const string Source = """
        using Sample.Modes;
        using ZkOs.Framework.Interpretation;

        namespace Sample.Modes
        {
            public interface IMode { }
            public struct SrcReg : IMode { }
            public struct DstReg : IMode { }
            public struct DstStackPush : IMode { }
            public struct On : IMode { }
            public struct Off : IMode { }
        }

        namespace Sample
        {
            public sealed class Machine { public int Count; }
            public struct Instr { public int A; }

            public static class Ops
            {
                public static void Invalid(Machine m, in Instr i) => m.Count = -1;
                public static void Add<TSrc, TDst, TFlags>(Machine m, in Instr i) where TSrc : struct, IMode where TDst : struct, IMode where TFlags : struct, IMode => m.Count += 1;
                public static void Event<TFirst>(Machine m, in Instr i) where TFirst : struct, IMode => m.Count += 100;
            }

            /// <summary>Uses <see cref="IMode"/> so the using stays needed here as well.</summary>
            [DecodedInterpreter("mini", typeof(Machine), typeof(Instr))]
            public static unsafe partial class Dispatch
            {
                public static Entry At(int index) => BuildEntries()[index];
            }
        }
        """;

    [Fact]
    public void MiniTable_Generated_MatchesSnapshotAndCompiles()
    {
        var run = Run(Source, Decode, Handlers);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
        SnapshotAssert.Matches("MiniDecoded", run.Result.GeneratedSources);
    }

    [Fact]
    public void MiniTable_EachEntry_NamesItsRowAndSpecialisesItsModes()
    {
        var source = Run(Source, Decode, Handlers).Source("Dispatch.Decode.g.cs");

        Assert.Contains("// 1: add src=reg dst=stack_push set_flags=1, 6 ergs", source, StringComparison.Ordinal);
        Assert.Contains("entries[1] = new(&Ops.Add<SrcReg, DstStackPush, On>, 6u, 0);", source, StringComparison.Ordinal);
        Assert.Contains("// 2: log_event src=reg dst=reg is_first=0, 34 ergs, kernel only, forbidden in static mode", source, StringComparison.Ordinal);
        Assert.Contains("entries[2] = new(&Ops.Event<Off>, 34u, 3);", source, StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeTable_IndexOutOfOrder_ReportsZkos0020()
    {
        var decode = Decode.Replace("2,log_event", "5,log_event", StringComparison.Ordinal);

        var diagnostic = Assert.Single(Run(Source, decode, Handlers).GeneratorDiagnostics);

        Assert.Equal("ZKOS0020", diagnostic.Id);
    }

    [Fact]
    public void HandlerTable_OperationWithoutRow_ReportsZkos0021()
    {
        var handlers = Handlers.Replace("log_event,Ops.Event<{flag0}>", "", StringComparison.Ordinal);

        var diagnostic = Assert.Single(Run(Source, Decode, handlers).GeneratorDiagnostics);

        Assert.Equal("ZKOS0021", diagnostic.Id);
        Assert.Contains("log_event", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void HandlerTemplate_UnknownPlaceholder_ReportsZkos0022()
    {
        var handlers = Handlers.Replace("{flag0}>\"", "{flag2}>\"", StringComparison.Ordinal);

        var diagnostic = Assert.Single(Run(Source, Decode, handlers).GeneratorDiagnostics);

        Assert.Equal("ZKOS0022", diagnostic.Id);
    }

    [Fact]
    public void Interpreter_WithoutItsDecodeTable_ReportsZkos0023()
    {
        var diagnostic = Assert.Single(Run(Source, null, Handlers).GeneratorDiagnostics);

        Assert.Equal("ZKOS0023", diagnostic.Id);
        Assert.Contains("mini.decode.csv", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void DecodeTable_UnrelatedSourceEdit_StepsStayCached()
    {
        var tables = Tables(Decode, Handlers);
        var driver = CreateDriver(tables);
        var first = GeneratorHarness.Run(driver, GeneratorHarness.CreateCompilation(Source));
        var second = GeneratorHarness.Run(first.Driver, GeneratorHarness.CreateCompilation(Source, "namespace Other { class Unrelated { } }"));

        foreach (var step in new[] { TrackingNames.DecodeTables, TrackingNames.HandlerTemplates, TrackingNames.DecodedGeneration })
        {
            Assert.All(second.Result.TrackedSteps[step].SelectMany(s => s.Outputs),
                output => Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {output.Reason}"));
        }
    }

    private static GeneratorRun Run(string source, string? decode, string handlers) =>
        GeneratorHarness.Run(CreateDriver(Tables(decode, handlers)), GeneratorHarness.CreateCompilation(source));

    private static AdditionalText[] Tables(string? decode, string handlers) => decode is null
        ? [new InMemoryAdditionalText(HandlersPath, handlers)]
        : [new InMemoryAdditionalText(DecodePath, decode), new InMemoryAdditionalText(HandlersPath, handlers)];

    private static GeneratorDriver CreateDriver(AdditionalText[] tables) => CSharpGeneratorDriver.Create(
        [new DecodedInterpreterGenerator().AsSourceGenerator()],
        tables,
        GeneratorHarness.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
}

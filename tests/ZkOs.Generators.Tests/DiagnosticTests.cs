// SPDX-License-Identifier: MIT
using Microsoft.CodeAnalysis;
using ZkOs.Generators.Diagnostics;

namespace ZkOs.Generators.Tests;

/// <summary>One test per diagnostic: a minimal broken input, the ID it must produce and the line it points at.</summary>
public sealed class DiagnosticTests
{
    private const string Header = "opcode,mnemonic,stack_in,stack_out,immediate,gas,native,since,flags,handler";
    private const string Stop = "0x00,STOP,0,0,0,0,0,,terminates,";
    private const string OpcodesPath = "/src/Tables/mini.opcodes.csv";
    private const string ResourcesPath = "/src/Tables/mini.resources.csv";

    private const string MiniSource = """
        using ZkOs.Framework.Interpretation;
        using ZkOs.Framework.Numerics;

        namespace Sample;

        public enum Fork { Frontier, London }

        public struct MiniContext { public InterpreterState State; }

        public struct OtherContext { public InterpreterState State; }

        [StackInterpreter("mini", typeof(MiniContext), Versions = typeof(Fork))]
        public static partial class MiniInterpreter { }

        [OpcodeHandlers("mini")]
        public unsafe class MiniHandlers
        {
            public static void Add(UInt256* operands) { }
            public static void WithInt(int value) { }
            public static byte* NotAJump(MiniContext* ctx) => null;
            public static void VoidJump(MiniContext* ctx) { }
            public static bool NoContext(UInt256* operands) => true;
            public static void WrongContext(OtherContext* ctx) { }
            public static void TwoStacks(UInt256* a, UInt256* b) { }
            public static void BadByteName(byte* code) { }
            public void Instance() { }
        }
        """;

    [Fact]
    public void ZKOS0001_MalformedHeader()
    {
        var diagnostics = Run("opcode,mnemonic,stack_in\n0x00,STOP,0\n");

        AssertSingle(diagnostics, "ZKOS0001", OpcodesPath, line: 1);
    }

    [Fact]
    public void ZKOS0001_MalformedResourcesHeader()
    {
        var diagnostics = Run(Table(), resources: "name,gas,native\nInstructionStep,0,20\n");

        AssertSingle(diagnostics, "ZKOS0001", ResourcesPath, line: 1);
    }

    [Fact]
    public void ZKOS0002_WrongColumnCount()
    {
        var diagnostics = Run(Table("0x01,ADD,2,1,0,3,23,,"));

        AssertSingle(diagnostics, "ZKOS0002", OpcodesPath, line: 3);
    }

    [Theory]
    [InlineData("0x1G,ADD,2,1,0,3,23,,,Add")]
    [InlineData("1,ADD,2,1,0,3,23,,,Add")]
    [InlineData("0x101,ADD,2,1,0,3,23,,,Add")]
    [InlineData("0x01,ADD,-2,1,0,3,23,,,Add")]
    [InlineData("0x01,ADD,2,256,0,3,23,,,Add")]
    [InlineData("0x01,ADD,2,1,0,3.5,23,,,Add")]
    [InlineData("0x01,ADD,2,1,0,3,lots,,,Add")]
    [InlineData("0x01,ADD,2,1,0,36028797018963968,23,,,Add")]
    public void ZKOS0003_InvalidNumber(string row)
    {
        var diagnostics = Run(Table(row));

        AssertSingle(diagnostics, "ZKOS0003", OpcodesPath, line: 3);
    }

    [Fact]
    public void ZKOS0004_DuplicateOpcode()
    {
        var diagnostics = Run(Table("0x01,ADD,2,1,0,3,23,,,Add", "0x01,SUB,2,1,0,3,23,,,Add"));

        AssertSingle(diagnostics, "ZKOS0004", OpcodesPath, line: 4);
    }

    [Fact]
    public void ZKOS0005_DuplicateMnemonic()
    {
        var diagnostics = Run(Table("0x01,ADD,2,1,0,3,23,,,Add", "0x02,ADD,2,1,0,3,23,,,Add"));

        AssertSingle(diagnostics, "ZKOS0005", OpcodesPath, line: 4);
    }

    [Fact]
    public void ZKOS0006_UnknownFlag()
    {
        var diagnostics = Run(Table("0x01,ADD,2,1,0,3,23,,pure,Add"));

        AssertSingle(diagnostics, "ZKOS0006", OpcodesPath, line: 3);
    }

    [Fact]
    public void ZKOS0007_UnknownVersion()
    {
        var diagnostics = Run(Table("0x01,ADD,2,1,0,3,23,Paris,,Add"));

        AssertSingle(diagnostics, "ZKOS0007", OpcodesPath, line: 3);
    }

    [Fact]
    public void ZKOS0007_SinceWithoutVersionsEnum()
    {
        var source = MiniSource.Replace(", Versions = typeof(Fork)", string.Empty, StringComparison.Ordinal);
        var diagnostics = Run(Table("0x01,ADD,2,1,0,3,23,London,,Add"), source: source);

        AssertSingle(diagnostics, "ZKOS0007", OpcodesPath, line: 3);
    }

    [Fact]
    public void ZKOS0008_MissingHandler()
    {
        var diagnostics = Run(Table("0x01,ADD,2,1,0,3,23,,,Mul"));

        AssertSingle(diagnostics, "ZKOS0008", OpcodesPath, line: 3);
    }

    [Theory]
    [InlineData("0x01,ADD,2,1,0,3,23,,,WithInt", "parameter 'value'")]
    [InlineData("0x01,ADD,2,1,0,3,23,,,NotAJump", "only a 'jumps' row")]
    [InlineData("0x56,JUMP,1,0,0,8,0,,jumps,VoidJump", "must return byte*")]
    [InlineData("0x01,ADD,2,1,0,3,23,,,NoContext", "must take the context")]
    [InlineData("0x01,ADD,2,1,0,3,23,,,WrongContext", "OtherContext")]
    [InlineData("0x01,ADD,2,1,0,3,23,,,TwoStacks", "same value")]
    [InlineData("0x01,ADD,2,1,0,3,23,,,BadByteName", "parameter 'code'")]
    [InlineData("0x01,ADD,2,1,0,3,23,,,Instance", "static")]
    public void ZKOS0009_UnsupportedHandlerSignature(string row, string reason)
    {
        var diagnostics = Run(Table(row));

        var diagnostic = AssertSingle(diagnostics, "ZKOS0009", OpcodesPath, line: 3);
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ZKOS0010_PushImmediateMismatch()
    {
        var diagnostics = Run(Table("0x61,PUSH2,0,1,1,3,5,,,"));

        AssertSingle(diagnostics, "ZKOS0010", OpcodesPath, line: 3);
    }

    [Fact]
    public void ZKOS0011_StopDoesNotTerminate()
    {
        var diagnostics = Run(Header + "\n0x00,STOP,0,0,0,0,0,,,\n");

        AssertSingle(diagnostics, "ZKOS0011", OpcodesPath, line: 2);
    }

    [Fact]
    public void ZKOS0011_StopMissing()
    {
        var diagnostics = Run(Header + "\n0x01,ADD,2,1,0,3,23,,,Add\n");

        AssertSingle(diagnostics, "ZKOS0011", OpcodesPath, line: 1);
    }

    [Fact]
    public void ZKOS0012_MissingOpcodeTable()
    {
        var run = GeneratorHarness.Run(MiniSource);

        AssertSingle(run.GeneratorDiagnostics, "ZKOS0012", "/src/Source0.cs", line: LineOf(MiniSource, "[StackInterpreter("));
        Assert.Empty(run.Result.GeneratedSources);
    }

    [Fact]
    public void ZKOS0013_TerminatesAndYields()
    {
        var diagnostics = Run(Table("0xf0,CREATE,3,1,0,0,0,,terminates|yields,"));

        AssertSingle(diagnostics, "ZKOS0013", OpcodesPath, line: 3);
    }

    [Fact]
    public void ZKOS0013_JumpsWithoutHandler()
    {
        var diagnostics = Run(Table("0x56,JUMP,1,0,0,8,0,,jumps,"));

        AssertSingle(diagnostics, "ZKOS0013", OpcodesPath, line: 3);
    }

    [Fact]
    public void ZKOS0014_DuplicateCost()
    {
        var diagnostics = Run(Table(), resources: "name,ergs,native,description\nColdSload,2100,900,cold\nColdSload,1,1,again\n");

        AssertSingle(diagnostics, "ZKOS0014", ResourcesPath, line: 3);
    }

    [Fact]
    public void ZKOS0015_AmbiguousHandler()
    {
        var source = MiniSource + """

            [OpcodeHandlers("mini")]
            public static unsafe class MoreHandlers
            {
                public static void Add(UInt256* operands) { }
            }
            """;
        var diagnostics = Run(Table("0x01,ADD,2,1,0,3,23,,,Add"), source: source);

        AssertSingle(diagnostics, "ZKOS0015", OpcodesPath, line: 3);
    }

    [Theory]
    [InlineData("0x01,2X,2,1,0,3,23,,,Add")]
    [InlineData("0x01,Find,2,1,0,3,23,,,Add")]
    [InlineData("0x01,class,2,1,0,3,23,,,Add")]
    public void ZKOS0016_InvalidIdentifier(string row)
    {
        var diagnostics = Run(Table(row));

        AssertSingle(diagnostics, "ZKOS0016", OpcodesPath, line: 3);
    }

    [Fact]
    public void ZKOS0017_InvalidInterpreterDeclaration()
    {
        var source = MiniSource.Replace("public static partial class MiniInterpreter", "public partial class MiniInterpreter", StringComparison.Ordinal);
        var diagnostics = Run(Table(), source: source);

        var diagnostic = AssertSingle(diagnostics, "ZKOS0017", "/src/Source0.cs", line: LineOf(source, "[StackInterpreter("));
        Assert.Contains("must be static", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("public struct MiniContext { public int State; }")]
    // A managed field: the loop and its tracers take a pointer to the context.
    [InlineData("public struct MiniContext { public InterpreterState State; public string Name; }")]
    public void ZKOS0018_InvalidContextType(string context)
    {
        var source = MiniSource.Replace("public struct MiniContext { public InterpreterState State; }", context, StringComparison.Ordinal);
        var diagnostics = Run(Table(), source: source);

        AssertSingle(diagnostics, "ZKOS0018", "/src/Source0.cs", line: LineOf(source, "[StackInterpreter("));
    }

    [Fact]
    public void ZKOS0019_DuplicateTable()
    {
        var run = GeneratorHarness.Run(
            MiniSource,
            new InMemoryAdditionalText(OpcodesPath, Table()),
            new InMemoryAdditionalText("/src/Other/mini.opcodes.csv", Table()));

        AssertSingle(run.GeneratorDiagnostics, "ZKOS0019", "/src/Source0.cs", line: LineOf(MiniSource, "[StackInterpreter("));
    }

    [Fact]
    public void ValidMiniTableHasNoDiagnostics()
    {
        var run = GeneratorHarness.Run(MiniSource, new InMemoryAdditionalText(OpcodesPath, Table("0x01,ADD,2,1,0,3,23,London,,Add", "0x80,DUP1,1,2,0,3,5,,,", "0x90,SWAP1,2,2,0,3,5,,,")));

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void RowsWithErrorsAreLeftOutButTheRestStillGenerates()
    {
        var run = GeneratorHarness.Run(MiniSource, new InMemoryAdditionalText(OpcodesPath, Table("0x01,ADD,2,1,0,3,23,,,Mul", "0x50,POP,1,0,0,2,2,,,")));

        AssertSingle(run.GeneratorDiagnostics, "ZKOS0008", OpcodesPath, line: 3);
        var opcodes = run.Source("Opcodes.g.cs");
        Assert.DoesNotContain("ADD", opcodes, StringComparison.Ordinal);
        Assert.Contains("public const byte POP = 0x50;", opcodes, StringComparison.Ordinal);
        Assert.Empty(run.CompilationDiagnostics);
    }

    [Fact]
    public void EveryDiagnosticIsTrackedAndDocumented()
    {
        var generatorDirectory = Path.Combine(GeneratorHarness.ProjectDirectory, "..", "..", "generators", "ZkOs.Generators");
        var unshipped = File.ReadAllText(Path.Combine(generatorDirectory, "AnalyzerReleases.Unshipped.md"));
        var shipped = File.ReadAllText(Path.Combine(generatorDirectory, "AnalyzerReleases.Shipped.md"));
        var readme = File.ReadAllText(Path.Combine(generatorDirectory, "README.md"));

        Assert.All(DiagnosticDescriptors.All, descriptor =>
        {
            Assert.True(unshipped.Contains(descriptor.Id + " ", StringComparison.Ordinal) || shipped.Contains(descriptor.Id + " ", StringComparison.Ordinal),
                $"{descriptor.Id} is not in AnalyzerReleases.*.md");
            Assert.Contains("`" + descriptor.Id + "`", readme, StringComparison.Ordinal);
        });
    }

    private static string Table(params string[] rows) => string.Join("\n", [Header, Stop, .. rows]) + "\n";

    private static IReadOnlyList<Diagnostic> Run(string opcodes, string? resources = null, string? source = null)
    {
        var tables = new List<AdditionalText> { new InMemoryAdditionalText(OpcodesPath, opcodes) };
        if (resources is not null)
        {
            tables.Add(new InMemoryAdditionalText(ResourcesPath, resources));
        }

        return GeneratorHarness.Run(source ?? MiniSource, [.. tables]).GeneratorDiagnostics;
    }

    /// <summary>Asserts there is exactly one diagnostic, with this ID, in this file, on this 1-based line.</summary>
    private static Diagnostic AssertSingle(IReadOnlyList<Diagnostic> diagnostics, string id, string path, int line)
    {
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, span.Path);
        Assert.Equal(line, span.StartLinePosition.Line + 1);
        Assert.DoesNotContain("{", diagnostic.GetMessage(), StringComparison.Ordinal);
        return diagnostic;
    }

    private static int LineOf(string text, string marker) =>
        text[..text.IndexOf(marker, StringComparison.Ordinal)].Count(c => c == '\n') + 1;
}

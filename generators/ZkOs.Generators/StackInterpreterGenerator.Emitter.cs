// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ZkOs.Generators.Helpers;
using ZkOs.Generators.Model;

namespace ZkOs.Generators;

// Joined model → C# text. Everything here is plain string work over the model: no symbols.
public sealed partial class StackInterpreterGenerator
{
    private const string Interpretation = "global::ZkOs.Framework.Interpretation";
    private const string Exit = Interpretation + ".InterpreterExit";
    private const string Error = Interpretation + ".ExecutionError";
    private const string Stack = Interpretation + ".WordStack";
    private const string NoTracer = Interpretation + ".NoTracer";

    /// <summary>The shared exits of the loop, in the order they are written; each sets State.Error.</summary>
    private static readonly string[] _errorLabels =
    {
        "InvalidOpcode",
        "StaticStateChange",
        "StackUnderflow",
        "StackOverflow",
        "OutOfErgs",
        "OutOfNative",
    };

    private const string FaultLabel = "Fault";

    internal static readonly string GeneratorVersion =
        typeof(StackInterpreterGenerator).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

    private static readonly string _generatedCode =
        $"[global::System.CodeDom.Compiler.GeneratedCode(\"ZkOs.Generators\", \"{GeneratorVersion}\")]";

    private static void Emit(SourceProductionContext output, InterpreterGenerationSpec spec)
    {
        var hint = (spec.Namespace.Length > 0 ? spec.Namespace + "." : string.Empty) + spec.ClassName;
        if (spec.CostsFileName.Length > 0)
        {
            output.AddSource(hint + ".Costs.g.cs", SourceText.From(EmitCosts(spec), Encoding.UTF8));
        }

        output.AddSource(hint + ".Opcodes.g.cs", SourceText.From(EmitOpcodes(spec), Encoding.UTF8));
        output.AddSource(hint + ".Run.g.cs", SourceText.From(EmitRun(spec), Encoding.UTF8));
    }

    internal static string EmitCosts(InterpreterGenerationSpec spec)
    {
        var writer = StartFile(spec, spec.CostsFileName);
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// The named costs of <c>{spec.CostsFileName}</c>, in ergs and native"
            + (spec.CostsUnit == CostUnit.Gas ? $" (gas converted at {Scale.ErgsPerGas} ergs per gas)." : "."));
        writer.WriteLine("/// </summary>");
        writer.WriteLine(_generatedCode);
        writer.WriteLine("public static class Costs");
        writer.OpenBlock();
        var first = true;
        foreach (var cost in spec.Costs)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            var summary = EscapeXml(cost.Description.Length > 0 ? cost.Description : cost.Name);
            writer.WriteLine($"/// <summary>{summary}</summary>");
            if (spec.CostsUnit == CostUnit.Gas)
            {
                writer.WriteLine($"/// <remarks>{Number(cost.Cost)} gas.</remarks>");
            }

            writer.WriteLine($"public const long {cost.Name}Ergs = {Number(cost.Ergs)};");
            writer.WriteLine();
            writer.WriteLine($"/// <summary>{summary}</summary>");
            writer.WriteLine($"public const long {cost.Name}Native = {Number(cost.Native)};");
        }

        writer.CloseBlock();
        return EndFile(writer);
    }

    internal static string EmitOpcodes(InterpreterGenerationSpec spec)
    {
        var maxImmediate = spec.Cases.Count == 0 ? 0 : spec.Cases.Max(c => c.Row.ImmediateSize);
        var writer = StartFile(spec, spec.OpcodesFileName);
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// The opcodes of <c>{spec.OpcodesFileName}</c> and their metadata, for tracers and disassemblers.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine(_generatedCode);
        writer.WriteLine("public static class Opcodes");
        writer.OpenBlock();
        writer.WriteLine("/// <summary>The largest immediate of any opcode, in bytes.</summary>");
        writer.WriteLine($"public const int MaxImmediateSize = {maxImmediate};");
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The zero bytes a caller must append to the bytecode: the loop has no pc bounds check, so an");
        writer.WriteLine("/// immediate cut off at the end reads zeros and the next opcode is 0x00, which terminates.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine($"public const int RequiredPadding = MaxImmediateSize + 1;");

        foreach (var opcase in spec.Cases)
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>{EscapeXml(Describe(spec, opcase.Row))}.</summary>");
            writer.WriteLine($"public const byte {opcase.Row.Mnemonic} = {opcase.Row.Hex};");
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// The metadata of <paramref name=\"opcode\"/>, or null when the table does not define it. The costs are");
        writer.WriteLine("/// the static charge of the dispatch loop"
            + (spec.StepErgs != 0 || spec.StepNative != 0 ? $", {InstructionStepCost} included." : "."));
        writer.WriteLine("/// </summary>");
        writer.WriteLine($"public static {Interpretation}.OpcodeInfo? Find(byte opcode) => opcode switch");
        writer.OpenBlock();
        foreach (var opcase in spec.Cases)
        {
            var row = opcase.Row;
            writer.WriteLine($"{row.Hex} => new {Interpretation}.OpcodeInfo({row.Hex}, \"{row.Mnemonic}\", {row.StackIn}, {row.StackOut}, "
                + $"{row.ImmediateSize}, {Number(opcase.Ergs)}, {Number(opcase.Native)}, \"{row.Since}\", {FlagsExpression(row.Flags)}),");
        }

        writer.WriteLine("_ => null,");
        writer.Unindent();
        writer.WriteLine("};");
        writer.WriteLine();
        writer.WriteLine("/// <summary>The number of immediate bytes that follow <paramref name=\"opcode\"/>; 0 when it is undefined.</summary>");
        var withImmediates = spec.Cases.Where(c => c.Row.ImmediateSize > 0).ToList();
        if (withImmediates.Count == 0)
        {
            writer.WriteLine("public static int ImmediateSize(byte opcode) => 0;");
        }
        else
        {
            writer.WriteLine("public static int ImmediateSize(byte opcode) => opcode switch");
            writer.OpenBlock();
            foreach (var opcase in withImmediates)
            {
                writer.WriteLine($"{opcase.Row.Hex} => {opcase.Row.ImmediateSize},");
            }

            writer.WriteLine("_ => 0,");
            writer.Unindent();
            writer.WriteLine("};");
        }

        writer.CloseBlock();
        return EndFile(writer);
    }

    internal static string EmitRun(InterpreterGenerationSpec spec)
    {
        var used = new HashSet<string>();
        var writer = StartFile(spec, spec.OpcodesFileName);
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// Runs the <c>{spec.TableName}</c> interpreter from the registers in <c>ctx-&gt;State</c> until an opcode");
        writer.WriteLine("/// terminates or yields or the frame faults; the registers are written back on every exit.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <remarks>");
        writer.WriteLine("/// <para>");
        writer.WriteLine("/// The bytecode must be followed by <see cref=\"Opcodes.RequiredPadding\"/> zero bytes (there is no pc bounds");
        writer.WriteLine($"/// check) and the stack must live in a <see cref=\"{Stack}\"/>, whose alignment turns");
        writer.WriteLine("/// <c>sp</c> into the stack depth without a bottom pointer.");
        writer.WriteLine("/// </para>");
        writer.WriteLine("/// <para>");
        writer.WriteLine("/// A handler that takes the context runs with <c>State.Pc</c> at the current instruction, <c>State.Sp</c>");
        writer.WriteLine("/// as it was before the instruction (its inputs still on the stack) and <c>State.Ergs</c> and");
        writer.WriteLine("/// <c>State.Native</c> current, so it can charge dynamic costs by lowering them. After the call the loop");
        writer.WriteLine("/// reloads ergs and native only: it applies the row's stack effect to sp itself, and changes a handler");
        writer.WriteLine("/// makes to <c>State.Pc</c> or <c>State.Sp</c> are overwritten at the next exit.");
        writer.WriteLine("/// </para>");
        writer.WriteLine("/// <para>");
        writer.WriteLine("/// On a fault, <c>State.Pc</c> and <c>State.Sp</c> are those of the faulting instruction and ergs and native");
        writer.WriteLine("/// are never left negative. After a terminating or yielding opcode, <c>State.Pc</c> is past it and");
        writer.WriteLine("/// <c>State.Sp</c> includes its stack effect; a yielded frame resumes by calling Run again.");
        writer.WriteLine("/// </para>");
        writer.WriteLine("/// </remarks>");
        writer.WriteLine(_generatedCode);
        writer.WriteLine($"public static unsafe {Exit} Run({spec.ContextType}* ctx) => Run<{NoTracer}<{spec.ContextType}>>(ctx);");
        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// <c>Run(ctx)</c> with a tracing switch: when <typeparamref name=\"TTracer\"/> is active, the loop writes its");
        writer.WriteLine("/// registers to <c>ctx-&gt;State</c> and calls <c>TTracer.BeforeInstruction(ctx)</c> before every instruction.");
        writer.WriteLine("/// </summary>");
        writer.WriteLine("/// <remarks>");
        writer.WriteLine("/// <typeparamref name=\"TTracer\"/> is a struct, so the JIT compiles one loop per tracer and folds its constant");
        writer.WriteLine("/// <c>IsActive</c> away: <c>Run&lt;NoTracer&lt;...&gt;&gt;</c>, which <c>Run(ctx)</c> is, has no tracing code at all.");
        writer.WriteLine("/// </remarks>");
        writer.WriteLine(_generatedCode);
        writer.WriteLine("[global::System.Runtime.CompilerServices.SkipLocalsInit]");
        writer.WriteLine($"public static unsafe {Exit} Run<TTracer>({spec.ContextType}* ctx)");
        writer.Indent();
        writer.WriteLine($"where TTracer : struct, {Interpretation}.IInterpreterTracer<{spec.ContextType}>");
        writer.Unindent();
        writer.OpenBlock();
        writer.WriteLine("// pc, sp, ergs, native and ctx are the only values live across iterations: with more, the JIT");
        writer.WriteLine("// spills the pc to memory (reference/performance.md, rule 2).");
        writer.WriteLine("byte* pc = ctx->State.Pc;");
        writer.WriteLine($"{WordType}* sp = ctx->State.Sp;");
        writer.WriteLine("long ergs = ctx->State.Ergs;");
        writer.WriteLine("long native = ctx->State.Native;");
        writer.WriteLine();
        writer.WriteLine("while (true)");
        writer.OpenBlock();
        writer.WriteLine("// The tracing hook, a compile-time switch: TTracer.IsActive is a constant, false for NoTracer, and the");
        writer.WriteLine("// JIT removes the block from that loop. A tracer sees the registers as they are before the instruction;");
        writer.WriteLine("// it observes only, so nothing is reloaded after it.");
        writer.WriteLine("if (TTracer.IsActive)");
        writer.OpenBlock();
        writer.WriteLine("ctx->State.Pc = pc;");
        writer.WriteLine("ctx->State.Sp = sp;");
        writer.WriteLine("ctx->State.Ergs = ergs;");
        writer.WriteLine("ctx->State.Native = native;");
        writer.WriteLine("TTracer.BeforeInstruction(ctx);");
        writer.CloseBlock();
        writer.WriteLine();
        if (spec.StepErgs != 0 || spec.StepNative != 0)
        {
            writer.WriteLine($"// Every charge below includes {InstructionStepCost} ({Number(spec.StepErgs)} ergs, {Number(spec.StepNative)} native).");
        }

        writer.WriteLine("switch (*pc)");
        writer.OpenBlock();
        var first = true;
        foreach (var opcase in spec.Cases)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            EmitCase(writer, spec, opcase, used);
        }

        if (spec.Cases.Count < 256)
        {
            if (!first)
            {
                writer.WriteLine();
            }

            writer.WriteLine("default:");
            writer.Indent();
            writer.WriteLine("goto InvalidOpcode;");
            writer.Unindent();
            used.Add("InvalidOpcode");
        }

        writer.CloseBlock();
        writer.CloseBlock();

        var errorLabels = _errorLabels.Where(used.Contains).ToList();
        if (errorLabels.Count > 0)
        {
            used.Add(FaultLabel);
        }

        foreach (var label in errorLabels)
        {
            writer.WriteLine();
            writer.WriteLabel(label);
            writer.WriteLine($"ctx->State.Error = {Error}.{label};");
            if (label != errorLabels[errorLabels.Count - 1])
            {
                writer.WriteLine($"goto {FaultLabel};");
            }
        }

        if (used.Contains(FaultLabel))
        {
            writer.WriteLine();
            writer.WriteLabel(FaultLabel);
            writer.WriteLine("// The handler or the label above set State.Error. The registers stay at the faulting instruction;");
            writer.WriteLine("// a failed charge left its counter negative, which is clamped to 0.");
            writer.WriteLine("ctx->State.Pc = pc;");
            writer.WriteLine("ctx->State.Sp = sp;");
            writer.WriteLine("ctx->State.Ergs = ergs < 0 ? 0 : ergs;");
            writer.WriteLine("ctx->State.Native = native < 0 ? 0 : native;");
            writer.WriteLine($"return {Exit}.Faulted;");
        }

        writer.CloseBlock();
        return EndFile(writer);
    }

    private static void EmitCase(SourceWriter writer, InterpreterGenerationSpec spec, OpcodeCaseSpec opcase, HashSet<string> used)
    {
        var row = opcase.Row;
        var call = opcase.Handler;
        var terminates = (row.Flags & OpcodeRowFlags.Terminates) != 0;
        var yields = (row.Flags & OpcodeRowFlags.Yields) != 0;
        var jumps = (row.Flags & OpcodeRowFlags.Jumps) != 0;

        // A handler whose result is checked after the registers are reloaded needs a local, hence a block.
        var needsBlock = call is not null && call.ReturnKind != HandlerReturnKind.Void && call.TakesContext;

        writer.WriteLine($"// {Describe(spec, row)}");
        writer.WriteLine($"case {row.Hex}:");
        if (needsBlock)
        {
            writer.OpenBlock();
        }
        else
        {
            writer.Indent();
        }

        if (opcase.VersionGuard.Length > 0)
        {
            writer.WriteLine($"if (ctx->State.Version < (int){opcase.VersionGuard}) goto InvalidOpcode;");
            used.Add("InvalidOpcode");
        }

        if ((row.Flags & OpcodeRowFlags.StaticForbidden) != 0)
        {
            writer.WriteLine("if (ctx->State.IsStatic) goto StaticStateChange;");
            used.Add("StaticStateChange");
        }

        if (row.StackIn > 0)
        {
            writer.WriteLine($"if (((nuint)sp & {Stack}.OffsetMask) < (nuint)({row.StackIn} * 32)) goto StackUnderflow;");
            used.Add("StackUnderflow");
        }

        var growth = row.StackOut - row.StackIn;
        if (growth > 0)
        {
            writer.WriteLine($"if (((nuint)sp & {Stack}.OffsetMask) > (nuint)(({Stack}.Capacity - {growth}) * 32)) goto StackOverflow;");
            used.Add("StackOverflow");
        }

        if (opcase.Ergs > 0)
        {
            writer.WriteLine($"if ((ergs -= {Number(opcase.Ergs)}) < 0) goto OutOfErgs;");
            used.Add("OutOfErgs");
        }

        if (opcase.Native > 0)
        {
            writer.WriteLine($"if ((native -= {Number(opcase.Native)}) < 0) goto OutOfNative;");
            used.Add("OutOfNative");
        }

        if (call is not null)
        {
            EmitCall(writer, row, call, used);
        }

        if (growth != 0)
        {
            writer.WriteLine(growth > 0 ? $"sp += {growth};" : $"sp -= {-growth};");
        }

        if (!jumps)
        {
            writer.WriteLine(row.ImmediateSize == 0 ? "pc += 1;" : $"pc += 1 + {row.ImmediateSize};");
        }

        if (terminates || yields)
        {
            writer.WriteLine("ctx->State.Pc = pc;");
            writer.WriteLine("ctx->State.Sp = sp;");
            writer.WriteLine("ctx->State.Ergs = ergs;");
            writer.WriteLine("ctx->State.Native = native;");
            writer.WriteLine($"return {Exit}.{(terminates ? "Halted" : "Yielded")};");
        }
        else
        {
            writer.WriteLine("break;");
        }

        if (needsBlock)
        {
            writer.CloseBlock();
        }
        else
        {
            writer.Unindent();
        }
    }

    private static void EmitCall(SourceWriter writer, OpcodeRowSpec row, HandlerCallSpec call, HashSet<string> used)
    {
        var arguments = string.Join(", ", call.Arguments.Select(kind => kind switch
        {
            HandlerParameterKind.Stack => row.StackIn == 0 ? "sp" : $"sp - {row.StackIn}",
            HandlerParameterKind.ContextCandidate => "ctx",
            HandlerParameterKind.Immediate => "pc + 1",
            _ => "pc",
        }));
        var invocation = $"{call.TypeName}.{call.MethodName}({arguments})";

        if (call.TakesContext)
        {
            writer.WriteLine("ctx->State.Pc = pc;");
            writer.WriteLine("ctx->State.Sp = sp;");
            writer.WriteLine("ctx->State.Ergs = ergs;");
            writer.WriteLine("ctx->State.Native = native;");
        }

        switch (call.ReturnKind)
        {
            case HandlerReturnKind.Void:
                writer.WriteLine(invocation + ";");
                Reload(writer, call);
                break;
            case HandlerReturnKind.Bool:
                writer.WriteLine($"bool ok = {invocation};");
                Reload(writer, call);
                writer.WriteLine($"if (!ok) goto {FaultLabel};");
                used.Add(FaultLabel);
                break;
            default:
                writer.WriteLine($"byte* next = {invocation};");
                Reload(writer, call);
                writer.WriteLine($"if (next == null) goto {FaultLabel};");
                writer.WriteLine("pc = next;");
                used.Add(FaultLabel);
                break;
        }
    }

    private static void Reload(SourceWriter writer, HandlerCallSpec call)
    {
        if (call.TakesContext)
        {
            writer.WriteLine("ergs = ctx->State.Ergs;");
            writer.WriteLine("native = ctx->State.Native;");
        }
    }

    /// <summary>The table row in words: <c>0x01 ADD: stack 2 → 1, 3 gas (768 ergs), 23 native, since Frontier</c>.</summary>
    private static string Describe(InterpreterGenerationSpec spec, OpcodeRowSpec row)
    {
        var text = new StringBuilder();
        text.Append(row.Display).Append(": stack ").Append(row.StackIn).Append(" → ").Append(row.StackOut);
        if (row.ImmediateSize > 0)
        {
            text.Append(", ").Append(row.ImmediateSize).Append(row.ImmediateSize == 1 ? " immediate byte" : " immediate bytes");
        }

        text.Append(", ").Append(Number(row.Cost));
        text.Append(spec.OpcodesUnit == CostUnit.Gas ? $" gas ({Number(row.Ergs)} ergs)" : " ergs");
        text.Append(", ").Append(Number(row.Native)).Append(" native");
        if (row.Since.Length > 0)
        {
            text.Append(", since ").Append(row.Since);
        }

        var flags = FlagNames(row.Flags);
        if (flags.Length > 0)
        {
            text.Append(", ").Append(flags);
        }

        return text.ToString();
    }

    private static string FlagNames(OpcodeRowFlags flags)
    {
        var names = new List<string>();
        if ((flags & OpcodeRowFlags.Terminates) != 0) names.Add("terminates");
        if ((flags & OpcodeRowFlags.Yields) != 0) names.Add("yields");
        if ((flags & OpcodeRowFlags.StaticForbidden) != 0) names.Add("static_forbidden");
        if ((flags & OpcodeRowFlags.Jumps) != 0) names.Add("jumps");
        return string.Join("|", names);
    }

    private static string FlagsExpression(OpcodeRowFlags flags)
    {
        if (flags == OpcodeRowFlags.None)
        {
            return Interpretation + ".OpcodeFlags.None";
        }

        var names = new List<string>();
        if ((flags & OpcodeRowFlags.Terminates) != 0) names.Add("Terminates");
        if ((flags & OpcodeRowFlags.Yields) != 0) names.Add("Yields");
        if ((flags & OpcodeRowFlags.StaticForbidden) != 0) names.Add("StaticForbidden");
        if ((flags & OpcodeRowFlags.Jumps) != 0) names.Add("Jumps");
        return string.Join(" | ", names.Select(n => Interpretation + ".OpcodeFlags." + n));
    }

    private static SourceWriter StartFile(InterpreterGenerationSpec spec, string sourceTable)
    {
        var writer = new SourceWriter();
        writer.WriteLine("// <auto-generated/>");
        writer.WriteLine($"// Generated by ZkOs.Generators from {sourceTable}: edit the table or the handlers, not this file.");
        writer.WriteLine("#nullable enable");
        writer.WriteLine();
        if (spec.Namespace.Length > 0)
        {
            writer.WriteLine($"namespace {spec.Namespace};");
            writer.WriteLine();
        }

        writer.WriteLine($"{spec.Accessibility} static partial class {spec.ClassName}");
        writer.OpenBlock();
        return writer;
    }

    private static string EndFile(SourceWriter writer)
    {
        writer.CloseBlock();
        return writer.ToString();
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string EscapeXml(string text) =>
        text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}

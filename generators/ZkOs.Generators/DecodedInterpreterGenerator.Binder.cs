// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ZkOs.Generators.Diagnostics;
using ZkOs.Generators.Helpers;
using ZkOs.Generators.Model;

namespace ZkOs.Generators;

/// <summary>The attribute → <see cref="DecodedInterpreterSpec"/>, and the join with the two tables.</summary>
public sealed partial class DecodedInterpreterGenerator
{
    private static DecodedInterpreterSpec? ReadInterpreter(GeneratorAttributeSyntaxContext context)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length != 1)
        {
            return null;
        }
        var arguments = context.Attributes[0].ConstructorArguments;
        if (arguments.Length != 3 || arguments[0].Value is not string table
            || arguments[1].Value is not INamedTypeSymbol machine || arguments[2].Value is not INamedTypeSymbol instruction)
        {
            return null;
        }
        var usings = context.TargetNode.SyntaxTree.GetRoot() is CompilationUnitSyntax unit
            ? unit.Usings.Select(u => u.ToString()).ToEquatableArray()
            : EquatableArray<string>.Empty;
        return new DecodedInterpreterSpec(
            type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            table,
            machine.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            instruction.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            usings,
            LocationInfo.From(context.TargetNode.GetLocation()));
    }

    private static DecodedGenerationSpec Bind(
        DecodedInterpreterSpec interpreter,
        ImmutableArray<DecodeTableSpec> decodeTables,
        ImmutableArray<HandlerTemplateTableSpec> handlerTables)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var decode = decodeTables.FirstOrDefault(t => t.TableName == interpreter.Table);
        var handlers = handlerTables.FirstOrDefault(t => t.TableName == interpreter.Table);
        if (decode is null || handlers is null)
        {
            var missing = interpreter.Table + (decode is null ? DecodeSuffix : HandlersSuffix);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingDecodeTable, interpreter.Location, missing, interpreter.Table));
            return new DecodedGenerationSpec(interpreter, EquatableArray<DecodeEntrySpec>.Empty, EquatableArray<string>.Empty, diagnostics.ToEquatableArray());
        }
        if (decode.Diagnostics.Count > 0 || handlers.Diagnostics.Count > 0)
        {
            // Already reported per file; emitting from a broken table would only add noise.
            return new DecodedGenerationSpec(interpreter, EquatableArray<DecodeEntrySpec>.Empty, EquatableArray<string>.Empty, EquatableArray<DiagnosticInfo>.Empty);
        }

        var templates = handlers.Templates.ToDictionary(t => t.Operation, t => t.Template);
        var reported = new HashSet<string>();
        var expressions = new List<string>();
        foreach (var entry in decode.Entries)
        {
            if (!templates.TryGetValue(entry.Operation, out var template))
            {
                if (reported.Add(entry.Operation))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingHandlerTemplate, interpreter.Location, entry.Operation, interpreter.Table));
                }
                expressions.Add(string.Empty);
                continue;
            }
            expressions.Add(template
                .Replace("{src}", "Src" + Pascal(entry.SourceMode))
                .Replace("{dst}", "Dst" + Pascal(entry.DestinationMode))
                .Replace("{flag0}", entry.Flag0 ? "On" : "Off")
                .Replace("{flag1}", entry.Flag1 ? "On" : "Off"));
        }
        return new DecodedGenerationSpec(interpreter, decode.Entries, expressions.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>stack_pop → StackPop.</summary>
    private static string Pascal(string snake)
    {
        var builder = new StringBuilder(snake.Length);
        var upper = true;
        foreach (var c in snake)
        {
            if (c == '_')
            {
                upper = true;
                continue;
            }
            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        return builder.ToString();
    }
}

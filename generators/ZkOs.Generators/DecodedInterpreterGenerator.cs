// SPDX-License-Identifier: MIT
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ZkOs.Generators.Diagnostics;
using ZkOs.Generators.Helpers;

namespace ZkOs.Generators;

/// <summary>
/// Generates the decode table of a register machine whose instructions are decoded once into handler
/// plus operands (EraVM): for every entry of <c>&lt;table&gt;.decode.csv</c>, the closed instantiation of
/// the generic handler that <c>&lt;table&gt;.handlers.csv</c> names for its operation, with the entry's
/// addressing modes and flags as struct type arguments, plus its static price and mode rules.
/// </summary>
/// <remarks>This file holds only the pipeline; parser, binder and emitter are the other parts.</remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class DecodedInterpreterGenerator : IIncrementalGenerator
{
    internal const string DecodedInterpreterAttributeName = "ZkOs.Framework.Interpretation.DecodedInterpreterAttribute";
    internal const string DecodeSuffix = ".decode.csv";
    internal const string HandlersSuffix = ".handlers.csv";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var decodeTables = context.AdditionalTextsProvider
            .Where(static file => StackInterpreterGenerator.TableName(file.Path, DecodeSuffix) is not null)
            .Select(static (file, cancellationToken) =>
                ParseDecodeTable(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty, cancellationToken))
            .WithTrackingName(TrackingNames.DecodeTables);

        var handlerTables = context.AdditionalTextsProvider
            .Where(static file => StackInterpreterGenerator.TableName(file.Path, HandlersSuffix) is not null)
            .Select(static (file, cancellationToken) =>
                ParseHandlerTable(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty, cancellationToken))
            .WithTrackingName(TrackingNames.HandlerTemplates);

        var interpreters = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DecodedInterpreterAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntaxContext, _) => ReadInterpreter(syntaxContext))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.DecodedInterpreters);

        var generation = interpreters
            .Combine(decodeTables.Collect())
            .Combine(handlerTables.Collect())
            .Select(static (inputs, _) => Bind(inputs.Left.Left, inputs.Left.Right, inputs.Right))
            .WithTrackingName(TrackingNames.DecodedGeneration);

        context.RegisterSourceOutput(decodeTables, static (output, table) => Report(output, table.Diagnostics));
        context.RegisterSourceOutput(handlerTables, static (output, table) => Report(output, table.Diagnostics));
        context.RegisterSourceOutput(generation, static (output, spec) =>
        {
            Report(output, spec.Diagnostics);
            if (spec.CanEmit)
            {
                Emit(output, spec);
            }
        });
    }

    private static void Report(SourceProductionContext output, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            output.ReportDiagnostic(diagnostic.ToDiagnostic());
        }
    }
}

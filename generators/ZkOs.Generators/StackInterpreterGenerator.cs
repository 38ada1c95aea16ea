// SPDX-License-Identifier: MIT
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ZkOs.Generators.Diagnostics;
using ZkOs.Generators.Helpers;

namespace ZkOs.Generators;

/// <summary>
/// Generates a stack-machine interpreter (dispatch loop, opcode metadata, cost constants) for every
/// class marked <c>[StackInterpreter]</c>, from its <c>&lt;table&gt;.opcodes.csv</c> and
/// <c>&lt;table&gt;.resources.csv</c> AdditionalFiles and its <c>[OpcodeHandlers]</c> classes.
/// </summary>
/// <remarks>
/// This file holds only the pipeline. Each input is turned into an equatable model on its own (so an
/// edit elsewhere leaves it cached), the models are joined in <see cref="Bind"/>, and the joined model
/// is emitted. The compilation itself never flows into a later step.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class StackInterpreterGenerator : IIncrementalGenerator
{
    internal const string StackInterpreterAttributeName = "ZkOs.Framework.Interpretation.StackInterpreterAttribute";
    internal const string OpcodeHandlersAttributeName = "ZkOs.Framework.Interpretation.OpcodeHandlersAttribute";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var opcodeTables = context.AdditionalTextsProvider
            .Where(static file => TableName(file.Path, OpcodesSuffix) is not null)
            .Select(static (file, cancellationToken) =>
                ParseOpcodeTable(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty, cancellationToken))
            .WithTrackingName(TrackingNames.OpcodeTables);

        var resourceTables = context.AdditionalTextsProvider
            .Where(static file => TableName(file.Path, ResourcesSuffix) is not null)
            .Select(static (file, cancellationToken) =>
                ParseResourceTable(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty, cancellationToken))
            .WithTrackingName(TrackingNames.ResourceTables);

        var handlerClasses = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                OpcodeHandlersAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntaxContext, cancellationToken) => ReadHandlerClass(syntaxContext, cancellationToken))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.HandlerClasses);

        var interpreters = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                StackInterpreterAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntaxContext, cancellationToken) => ReadInterpreter(syntaxContext, cancellationToken))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.Interpreters);

        var generation = interpreters
            .Combine(handlerClasses.Collect())
            .Combine(opcodeTables.Collect())
            .Combine(resourceTables.Collect())
            .Select(static (inputs, _) => Bind(inputs.Left.Left.Left, inputs.Left.Left.Right, inputs.Left.Right, inputs.Right))
            .WithTrackingName(TrackingNames.Generation);

        // A table's own problems are reported once per file, whichever interpreters use it.
        context.RegisterSourceOutput(opcodeTables, static (output, table) => Report(output, table.Diagnostics));
        context.RegisterSourceOutput(resourceTables, static (output, table) => Report(output, table.Diagnostics));
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

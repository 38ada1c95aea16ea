// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ZkOs.Generators.Diagnostics;
using ZkOs.Generators.Helpers;
using ZkOs.Generators.Model;

namespace ZkOs.Generators;

// Symbols → models (the only place that touches the semantic model), then the join of an interpreter
// with its tables and handlers, where every cross-reference is checked.
public sealed partial class StackInterpreterGenerator
{
    private const string InterpreterStateType = "global::ZkOs.Framework.Interpretation.InterpreterState";
    private const string WordType = "global::ZkOs.Framework.Numerics.UInt256";

    internal static InterpreterSpec? ReadInterpreter(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type || context.Attributes.Length != 1)
        {
            return null;
        }

        var attribute = context.Attributes[0];
        if (attribute.ConstructorArguments.Length != 2
            || attribute.ConstructorArguments[0].Value is not string table
            || attribute.ConstructorArguments[1].Value is not INamedTypeSymbol contextType)
        {
            // The compiler already reports the malformed attribute.
            return null;
        }

        var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation());
        var diagnostics = new List<DiagnosticInfo>();
        var problems = new List<string>();
        if (type.ContainingType is not null)
        {
            problems.Add("it must be a top-level class");
        }

        if (!type.IsStatic)
        {
            problems.Add("it must be static");
        }

        if (context.TargetNode is ClassDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
        {
            problems.Add("it must be partial");
        }

        if (type.TypeParameters.Length > 0)
        {
            problems.Add("it must not be generic");
        }

        var versionsType = string.Empty;
        var versions = new List<VersionSpec>();
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key != "Versions" || argument.Value.Value is not INamedTypeSymbol versionsSymbol)
            {
                continue;
            }

            if (versionsSymbol.TypeKind != TypeKind.Enum)
            {
                problems.Add($"Versions type '{versionsSymbol.ToDisplayString()}' must be an enum");
                continue;
            }

            versionsType = versionsSymbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            foreach (var member in versionsSymbol.GetMembers().OfType<IFieldSymbol>())
            {
                if (member.HasConstantValue)
                {
                    versions.Add(new VersionSpec(member.Name, ToInt64(member.ConstantValue)));
                }
            }
        }

        if (problems.Count > 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidInterpreterDeclaration, location, type.Name, string.Join("; ", problems)));
        }

        if (!IsValidContext(contextType))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidContextType, location, contextType.ToDisplayString()));
        }

        return new InterpreterSpec(
            table,
            type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
            type.Name,
            SyntaxFacts.GetText(type.DeclaredAccessibility),
            contextType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            versionsType,
            versions.OrderBy(v => v.Value).ToEquatableArray(),
            location,
            diagnostics.ToEquatableArray());
    }

    internal static HandlerClassSpec? ReadHandlerClass(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not INamedTypeSymbol type
            || context.Attributes.Length != 1
            || context.Attributes[0].ConstructorArguments.Length != 1
            || context.Attributes[0].ConstructorArguments[0].Value is not string table)
        {
            return null;
        }

        var methods = new List<HandlerMethodSpec>();
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (method.MethodKind != MethodKind.Ordinary)
            {
                continue;
            }

            var parameters = method.Parameters.Select(ReadParameter).ToEquatableArray();
            var callable = method.IsStatic
                && !method.IsGenericMethod
                && method.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;
            methods.Add(new HandlerMethodSpec(
                EscapeIdentifier(method.Name),
                ReturnKindOf(method),
                method.ReturnType.ToDisplayString(),
                callable,
                parameters));
        }

        return new HandlerClassSpec(table, type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), methods.ToEquatableArray());
    }

    /// <summary>
    /// Joins an interpreter with the handler classes and tables of its table name, checking every
    /// reference between them. Rows that fail a check are dropped from the generated loop.
    /// </summary>
    internal static InterpreterGenerationSpec Bind(
        InterpreterSpec interpreter,
        ImmutableArray<HandlerClassSpec> handlerClasses,
        ImmutableArray<OpcodeTableSpec> opcodeTables,
        ImmutableArray<ResourceTableSpec> resourceTables)
    {
        var diagnostics = new List<DiagnosticInfo>(interpreter.Diagnostics);
        var canEmit = interpreter.Diagnostics.Count == 0;

        var opcodeMatches = opcodeTables.Where(t => t.TableName == interpreter.TableName).ToList();
        var resourceMatches = resourceTables.Where(t => t.TableName == interpreter.TableName).ToList();
        if (opcodeMatches.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingOpcodeTable, interpreter.AttributeLocation, interpreter.TableName, interpreter.ClassName));
            canEmit = false;
        }

        if (opcodeMatches.Count > 1)
        {
            diagnostics.Add(DuplicateTable(interpreter, opcodeMatches.Select(t => t.FilePath)));
            canEmit = false;
        }

        if (resourceMatches.Count > 1)
        {
            diagnostics.Add(DuplicateTable(interpreter, resourceMatches.Select(t => t.FilePath)));
            canEmit = false;
        }

        var opcodes = opcodeMatches.Count == 1 ? opcodeMatches[0] : null;
        var resources = resourceMatches.Count == 1 ? resourceMatches[0] : null;
        var step = resources?.Rows.FirstOrDefault(r => r.Name == InstructionStepCost);
        var stepErgs = step?.Ergs ?? 0;
        var stepNative = step?.Native ?? 0;

        var handlers = new Dictionary<string, List<(HandlerClassSpec Owner, HandlerMethodSpec Method)>>(StringComparer.Ordinal);
        foreach (var handlerClass in handlerClasses)
        {
            if (handlerClass.TableName != interpreter.TableName)
            {
                continue;
            }

            foreach (var method in handlerClass.Methods)
            {
                var name = method.Name.TrimStart('@');
                if (!handlers.TryGetValue(name, out var list))
                {
                    handlers[name] = list = new List<(HandlerClassSpec, HandlerMethodSpec)>();
                }

                list.Add((handlerClass, method));
            }
        }

        var cases = new List<OpcodeCaseSpec>();
        foreach (var row in opcodes?.Rows ?? EquatableArray<OpcodeRowSpec>.Empty)
        {
            var errors = diagnostics.Count;
            var guard = BindVersion(interpreter, row, diagnostics);
            var call = row.Handler.Length == 0 ? null : BindHandler(interpreter, row, handlers, diagnostics);
            if (diagnostics.Count == errors)
            {
                cases.Add(new OpcodeCaseSpec(row, AddCost(row.Ergs, stepErgs), AddCost(row.Native, stepNative), guard, call));
            }
        }

        return new InterpreterGenerationSpec(
            interpreter.TableName,
            interpreter.Namespace,
            interpreter.ClassName,
            interpreter.Accessibility,
            interpreter.ContextType,
            opcodes?.FileName ?? string.Empty,
            opcodes?.Unit ?? CostUnit.Gas,
            resources?.FileName ?? string.Empty,
            resources?.Unit ?? CostUnit.Gas,
            resources?.Rows ?? EquatableArray<ResourceRowSpec>.Empty,
            stepErgs,
            stepNative,
            cases.ToEquatableArray(),
            canEmit,
            diagnostics.ToEquatableArray());
    }

    /// <summary>The guard's enum member, or empty when the opcode exists in every version.</summary>
    private static string BindVersion(InterpreterSpec interpreter, OpcodeRowSpec row, List<DiagnosticInfo> diagnostics)
    {
        if (row.Since.Length == 0)
        {
            return string.Empty;
        }

        if (interpreter.VersionsType.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownVersion, row.SinceCell, row.Display, row.Since,
                $"but interpreter '{interpreter.ClassName}' declares no Versions enum"));
            return string.Empty;
        }

        var version = interpreter.Versions.FirstOrDefault(v => v.Name == row.Since);
        if (version is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownVersion, row.SinceCell, row.Display, row.Since,
                $"which is not a member of {interpreter.VersionsType.Replace("global::", string.Empty)}"));
            return string.Empty;
        }

        // An opcode of the first version needs no guard: every valid Version is at least that.
        return version.Value > interpreter.Versions[0].Value ? interpreter.VersionsType + "." + version.Name : string.Empty;
    }

    private static HandlerCallSpec? BindHandler(
        InterpreterSpec interpreter,
        OpcodeRowSpec row,
        Dictionary<string, List<(HandlerClassSpec Owner, HandlerMethodSpec Method)>> handlers,
        List<DiagnosticInfo> diagnostics)
    {
        if (!handlers.TryGetValue(row.Handler, out var candidates))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingHandler, row.HandlerCell, row.Display, row.Handler, interpreter.TableName));
            return null;
        }

        if (candidates.Count > 1)
        {
            var where = string.Join(", ", candidates.Select(c => c.Owner.TypeName.Replace("global::", string.Empty) + "." + row.Handler));
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.AmbiguousHandler, row.HandlerCell, row.Handler, row.Display, where, interpreter.TableName));
            return null;
        }

        var (owner, method) = candidates[0];
        var problem = SignatureProblem(interpreter, row, method);
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedHandlerSignature, row.HandlerCell, row.Handler, row.Display, problem));
            return null;
        }

        return new HandlerCallSpec(owner.TypeName, method.Name, method.ReturnKind, method.Parameters.Select(p => p.Kind).ToEquatableArray());
    }

    /// <summary>Why <paramref name="method"/> cannot handle <paramref name="row"/>, or null when it can.</summary>
    private static string? SignatureProblem(InterpreterSpec interpreter, OpcodeRowSpec row, HandlerMethodSpec method)
    {
        if (!method.IsCallable)
        {
            return "it must be a static, non-generic, public or internal method";
        }

        var jumps = (row.Flags & OpcodeRowFlags.Jumps) != 0;
        switch (method.ReturnKind)
        {
            case HandlerReturnKind.Unsupported:
                return $"the return type '{method.ReturnType}' is not void, bool or byte*";
            case HandlerReturnKind.BytePointer when !jumps:
                return "only a 'jumps' row's handler may return byte*";
            case HandlerReturnKind.Void or HandlerReturnKind.Bool when jumps:
                return "a 'jumps' row's handler must return byte* (the next pc, or null to fault)";
        }

        var seen = new HashSet<HandlerParameterKind>();
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Kind == HandlerParameterKind.Unsupported)
            {
                return $"parameter '{parameter.Name}' of type '{parameter.Type}' is not UInt256*, "
                    + $"{interpreter.ContextType.Replace("global::", string.Empty)}*, byte* immediate or byte* pc";
            }

            if (parameter.Kind == HandlerParameterKind.ContextCandidate && parameter.Type != interpreter.ContextType)
            {
                return $"parameter '{parameter.Name}' points to '{parameter.Type.Replace("global::", string.Empty)}', "
                    + $"not to the interpreter's context '{interpreter.ContextType.Replace("global::", string.Empty)}'";
            }

            if (!seen.Add(parameter.Kind))
            {
                return $"parameter '{parameter.Name}' receives the same value as an earlier parameter";
            }
        }

        if (method.ReturnKind != HandlerReturnKind.Void && !seen.Contains(HandlerParameterKind.ContextCandidate))
        {
            return "a handler that can fail (returns bool or byte*) must take the context pointer to record State.Error";
        }

        return null;
    }

    private static HandlerParameterSpec ReadParameter(IParameterSymbol parameter)
    {
        var type = parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var kind = HandlerParameterKind.Unsupported;
        if (parameter.RefKind == RefKind.None && parameter.Type is IPointerTypeSymbol pointer)
        {
            var pointee = pointer.PointedAtType;
            var pointeeName = pointee.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (pointeeName == WordType)
            {
                kind = HandlerParameterKind.Stack;
            }
            else if (pointee.SpecialType == SpecialType.System_Byte)
            {
                kind = parameter.Name switch
                {
                    "immediate" => HandlerParameterKind.Immediate,
                    "pc" => HandlerParameterKind.Pc,
                    _ => HandlerParameterKind.Unsupported,
                };
            }
            else if (pointee.TypeKind == TypeKind.Struct && pointee.SpecialType == SpecialType.None)
            {
                // Checked against the interpreter's context type when bound: this step does not know it.
                kind = HandlerParameterKind.ContextCandidate;
                type = pointeeName;
            }
        }

        return new HandlerParameterSpec(parameter.Name, kind, type);
    }

    private static HandlerReturnKind ReturnKindOf(IMethodSymbol method)
    {
        if (method.ReturnsVoid)
        {
            return HandlerReturnKind.Void;
        }

        if (method.RefKind != RefKind.None)
        {
            return HandlerReturnKind.Unsupported;
        }

        return method.ReturnType switch
        {
            { SpecialType: SpecialType.System_Boolean } => HandlerReturnKind.Bool,
            IPointerTypeSymbol { PointedAtType.SpecialType: SpecialType.System_Byte } => HandlerReturnKind.BytePointer,
            _ => HandlerReturnKind.Unsupported,
        };
    }

    // Unmanaged because the loop and its tracers (IInterpreterTracer<TContext> where TContext : unmanaged)
    // take a pointer to it.
    private static bool IsValidContext(INamedTypeSymbol contextType) =>
        contextType.TypeKind == TypeKind.Struct
        && contextType.IsUnmanagedType
        && contextType.GetMembers("State").OfType<IFieldSymbol>().Any(field =>
            !field.IsStatic
            && field.DeclaredAccessibility == Accessibility.Public
            && field.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) == InterpreterStateType);

    private static DiagnosticInfo DuplicateTable(InterpreterSpec interpreter, IEnumerable<string> paths)
    {
        var list = paths.ToList();
        return DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateTable, interpreter.AttributeLocation,
            System.IO.Path.GetFileName(list[0]), string.Join(", ", list));
    }

    /// <summary>Sums two non-negative costs, saturating: a charge that large fails anyway.</summary>
    private static long AddCost(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static long ToInt64(object? value) => value switch
    {
        ulong u => unchecked((long)u),
        null => 0,
        _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string EscapeIdentifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}

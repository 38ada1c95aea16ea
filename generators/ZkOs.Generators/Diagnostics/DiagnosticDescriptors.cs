// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ZkOs.Generators.Diagnostics;

/// <summary>
/// Every diagnostic the generator reports, one descriptor per ID. IDs are never reused; each is listed
/// in AnalyzerReleases.*.md and explained, with its fix, in the generator's README.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "ZkOs.Generators";

    // ZKOS01xx: the system-variant declaration (*.variants.csv).

    public static readonly DiagnosticDescriptor MalformedVariantTable = Error(
        "ZKOS0101",
        "Malformed system-variant table",
        "'{0}' is malformed: {1}");

    public static readonly DiagnosticDescriptor DuplicateVariant = Error(
        "ZKOS0102",
        "Duplicate system variant",
        "Variant '{0}' is already declared on line {1}");

    public static readonly DiagnosticDescriptor UnknownSelectedVariant = Error(
        "ZKOS0103",
        "Unknown ZkOsVariant",
        "The ZkOsVariant property names '{0}', but '{1}' declares only {2}");

    public static readonly DiagnosticDescriptor InvalidVariantCell = Error(
        "ZKOS0104",
        "Invalid system-variant cell",
        "The {0} cell '{1}' is not a C# identifier");

    public static readonly DiagnosticDescriptor MalformedHeader = Error(
        "ZKOS0001",
        "Malformed table header",
        "The header of '{0}' must be exactly '{1}'");

    public static readonly DiagnosticDescriptor MalformedRow = Error(
        "ZKOS0002",
        "Malformed table row",
        "This row of '{0}' is malformed: {1}");

    public static readonly DiagnosticDescriptor InvalidNumber = Error(
        "ZKOS0003",
        "Invalid number in a table",
        "The {0} cell '{1}' is invalid: {2}");

    public static readonly DiagnosticDescriptor DuplicateOpcode = Error(
        "ZKOS0004",
        "Duplicate opcode",
        "Opcode {0} is already defined as {1} on line {2}");

    public static readonly DiagnosticDescriptor DuplicateMnemonic = Error(
        "ZKOS0005",
        "Duplicate mnemonic",
        "Mnemonic '{0}' is already used by opcode {1} on line {2}");

    public static readonly DiagnosticDescriptor UnknownFlag = Error(
        "ZKOS0006",
        "Unknown opcode flag",
        "Unknown flag '{0}': the flags are terminates, yields, static_forbidden and jumps");

    public static readonly DiagnosticDescriptor UnknownVersion = Error(
        "ZKOS0007",
        "Unknown version",
        "Opcode {0} is available since '{1}', {2}");

    public static readonly DiagnosticDescriptor MissingHandler = Error(
        "ZKOS0008",
        "Missing opcode handler",
        "Opcode {0} names handler '{1}', but no class marked [OpcodeHandlers(\"{2}\")] declares a method with that name");

    public static readonly DiagnosticDescriptor UnsupportedHandlerSignature = Error(
        "ZKOS0009",
        "Unsupported handler signature",
        "Handler '{0}' of opcode {1} has an unsupported signature: {2}");

    public static readonly DiagnosticDescriptor PushImmediateMismatch = Error(
        "ZKOS0010",
        "PUSH immediate size disagrees with its mnemonic",
        "{0} must have an immediate of {1} bytes, not {2}");

    public static readonly DiagnosticDescriptor MissingStopOpcode = Error(
        "ZKOS0011",
        "Opcode 0x00 must terminate",
        "{0}: the loop relies on the zero padding after the bytecode decoding as opcode 0x00, so 0x00 must be a 'terminates' row");

    public static readonly DiagnosticDescriptor MissingOpcodeTable = Error(
        "ZKOS0012",
        "Opcode table not found",
        "No AdditionalFiles item named '{0}.opcodes.csv' was found for interpreter '{1}'");

    public static readonly DiagnosticDescriptor InvalidFlagCombination = Error(
        "ZKOS0013",
        "Invalid flag combination",
        "Opcode {0}: {1}");

    public static readonly DiagnosticDescriptor DuplicateCost = Error(
        "ZKOS0014",
        "Duplicate cost name",
        "Cost '{0}' is already defined on line {1}");

    public static readonly DiagnosticDescriptor AmbiguousHandler = Error(
        "ZKOS0015",
        "Ambiguous opcode handler",
        "Handler '{0}' of opcode {1} is declared more than once ({2}); handler names must be unique across the [OpcodeHandlers(\"{3}\")] classes");

    public static readonly DiagnosticDescriptor InvalidIdentifier = Error(
        "ZKOS0016",
        "Name is not a usable identifier",
        "'{0}' cannot be used as a generated member name: {1}");

    public static readonly DiagnosticDescriptor InvalidInterpreterDeclaration = Error(
        "ZKOS0017",
        "Invalid interpreter declaration",
        "Interpreter '{0}' is invalid: {1}");

    public static readonly DiagnosticDescriptor InvalidContextType = Error(
        "ZKOS0018",
        "Invalid interpreter context type",
        "The context type '{0}' must be an unmanaged struct with a public field 'State' of type ZkOs.Framework.Interpretation.InterpreterState");

    public static readonly DiagnosticDescriptor DuplicateTable = Error(
        "ZKOS0019",
        "Duplicate table file",
        "More than one AdditionalFiles item is named '{0}' ({1})");

    public static readonly DiagnosticDescriptor IncompleteDecodeTable = Error(
        "ZKOS0020",
        "Incomplete decode table",
        "The decode table '{0}' must list entries 0, 1, 2 ... in order without gaps: {1}");

    public static readonly DiagnosticDescriptor MissingHandlerTemplate = Error(
        "ZKOS0021",
        "Missing handler template",
        "Operation '{0}' of the decode table '{1}' has no row in '{1}.handlers.csv'");

    public static readonly DiagnosticDescriptor UnknownTemplatePlaceholder = Error(
        "ZKOS0022",
        "Unknown handler template placeholder",
        "The handler template '{0}' uses '{1}': the placeholders are {{src}}, {{dst}}, {{flag0}} and {{flag1}}");

    public static readonly DiagnosticDescriptor MissingDecodeTable = Error(
        "ZKOS0023",
        "Decode table not found",
        "No AdditionalFiles item is named '{0}' for [DecodedInterpreter(\"{1}\")]");

    private static readonly Dictionary<string, DiagnosticDescriptor> _byId = Index(
        MalformedHeader,
        MalformedRow,
        InvalidNumber,
        DuplicateOpcode,
        DuplicateMnemonic,
        UnknownFlag,
        UnknownVersion,
        MissingHandler,
        UnsupportedHandlerSignature,
        PushImmediateMismatch,
        MissingStopOpcode,
        MissingOpcodeTable,
        InvalidFlagCombination,
        DuplicateCost,
        AmbiguousHandler,
        InvalidIdentifier,
        InvalidInterpreterDeclaration,
        InvalidContextType,
        DuplicateTable,
        IncompleteDecodeTable,
        MissingHandlerTemplate,
        UnknownTemplatePlaceholder,
        MissingDecodeTable,
        MalformedVariantTable,
        DuplicateVariant,
        UnknownSelectedVariant,
        InvalidVariantCell);

    /// <summary>Every descriptor, in ID order.</summary>
    public static IReadOnlyCollection<DiagnosticDescriptor> All => _byId.Values;

    public static DiagnosticDescriptor ById(string id) => _byId[id];

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static Dictionary<string, DiagnosticDescriptor> Index(params DiagnosticDescriptor[] descriptors)
    {
        var index = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var descriptor in descriptors)
        {
            index.Add(descriptor.Id, descriptor);
        }

        return index;
    }
}

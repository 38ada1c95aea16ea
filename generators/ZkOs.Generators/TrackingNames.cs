// SPDX-License-Identifier: MIT
namespace ZkOs.Generators;

/// <summary>
/// Names of the pipeline steps, so tests can check through <c>GeneratorRunResult.TrackedSteps</c> that
/// each step is cached after an unrelated edit.
/// </summary>
public static class TrackingNames
{
    /// <summary>The <c>[StackInterpreter]</c> classes, read into <c>InterpreterSpec</c>s.</summary>
    public const string Interpreters = nameof(Interpreters);

    /// <summary>The <c>[OpcodeHandlers]</c> classes, read into <c>HandlerClassSpec</c>s.</summary>
    public const string HandlerClasses = nameof(HandlerClasses);

    /// <summary>The parsed <c>*.opcodes.csv</c> files.</summary>
    public const string OpcodeTables = nameof(OpcodeTables);

    /// <summary>The parsed <c>*.resources.csv</c> files.</summary>
    public const string ResourceTables = nameof(ResourceTables);

    /// <summary>Each interpreter joined with its tables and handlers: what the emitter consumes.</summary>
    public const string Generation = nameof(Generation);

    /// <summary>The parsed <c>*.variants.csv</c> files with the selected variant applied.</summary>
    public const string SystemVariantTables = nameof(SystemVariantTables);
    /// <summary>The <c>[DecodedInterpreter]</c> classes.</summary>
    public const string DecodedInterpreters = nameof(DecodedInterpreters);

    /// <summary>The parsed <c>*.decode.csv</c> files.</summary>
    public const string DecodeTables = nameof(DecodeTables);

    /// <summary>The parsed <c>*.handlers.csv</c> files.</summary>
    public const string HandlerTemplates = nameof(HandlerTemplates);

    /// <summary>Each decoded interpreter joined with its tables.</summary>
    public const string DecodedGeneration = nameof(DecodedGeneration);
}

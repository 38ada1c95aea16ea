// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Interpretation;

/// <summary>
/// Marks a <c>static partial</c> class as the home of a generated stack-machine interpreter.
/// ZkOs.Generators reads <c>Tables/&lt;table&gt;.opcodes.csv</c> and <c>Tables/&lt;table&gt;.resources.csv</c>
/// (AdditionalFiles), finds the handlers in classes marked <see cref="OpcodeHandlersAttribute"/> with
/// the same table name, and emits into this class a <c>Run(TContext*)</c> dispatch loop, the opcode
/// metadata and the named cost constants.
/// </summary>
/// <param name="table">The table name: the file-name prefix of the two CSV tables.</param>
/// <param name="context">
/// The unmanaged frame-context struct the loop runs over. It must have a public field
/// <c>State</c> of type <see cref="InterpreterState"/>; handlers may take a pointer to it.
/// </param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class StackInterpreterAttribute(string table, Type context) : Attribute
{
    public string Table { get; } = table;

    public Type Context { get; } = context;

    /// <summary>
    /// Optional enum whose members name the versions (forks) used in the table's <c>since</c> column,
    /// in ascending order. An opcode introduced after the first version is guarded by
    /// <c>State.Version &lt; (int)Version.Member</c> and is an invalid opcode before it.
    /// </summary>
    public Type? Versions { get; init; }
}

// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Interpretation;

/// <summary>
/// Marks a <c>static partial</c> class as the home of a generated decode table for a register machine
/// whose instructions are decoded once into handler plus operands (EraVM, eravm.md §5). ZkOs.Generators
/// reads <c>&lt;table&gt;.decode.csv</c> (one row per table entry: its operation, addressing modes, flags,
/// static price and mode rules) and <c>&lt;table&gt;.handlers.csv</c> (per operation, the generic handler
/// to instantiate, with <c>{src}</c>, <c>{dst}</c>, <c>{flag0}</c>, <c>{flag1}</c> placeholders), and emits
/// one closed handler instantiation per entry.
/// </summary>
/// <param name="table">The table name: the file-name prefix of the two CSV tables.</param>
/// <param name="machine">The machine type handlers take first.</param>
/// <param name="instruction">The decoded-instruction struct handlers take by <c>in</c> reference.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DecodedInterpreterAttribute(string table, Type machine, Type instruction) : Attribute
{
    public string Table { get; } = table;

    public Type Machine { get; } = machine;

    public Type Instruction { get; } = instruction;
}

// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Interpretation;

/// <summary>
/// Marks a static class whose static methods are the business logic of the opcodes of a table.
/// The table's <c>handler</c> column names the methods; the generator checks each exists and has one of
/// the supported signatures (see the generators' README).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class OpcodeHandlersAttribute(string table) : Attribute
{
    public string Table { get; } = table;
}

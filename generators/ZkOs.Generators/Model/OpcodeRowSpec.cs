// SPDX-License-Identifier: MIT
namespace ZkOs.Generators.Model;

/// <summary>One valid row of an opcode table, as written (costs in the table's unit) plus ergs.</summary>
/// <param name="Cost">The 6th column as written, in the table's <see cref="CostUnit"/>.</param>
/// <param name="Ergs">The 6th column in ergs (gas times 256 for a gas table), without the step cost.</param>
/// <param name="Since">The version the opcode appears in; empty when it always existed.</param>
/// <param name="Handler">The handler method name; empty when the row needs no business logic.</param>
/// <param name="Line">Zero-based line of the row in its table.</param>
internal sealed record OpcodeRowSpec(
    int Opcode,
    string Mnemonic,
    int StackIn,
    int StackOut,
    int ImmediateSize,
    long Cost,
    long Ergs,
    long Native,
    string Since,
    OpcodeRowFlags Flags,
    string Handler,
    int Line,
    LocationInfo OpcodeCell,
    LocationInfo SinceCell,
    LocationInfo HandlerCell)
{
    /// <summary>The opcode as the tables and comments write it: <c>0x5f</c>.</summary>
    public string Hex => "0x" + Opcode.ToString("x2");

    /// <summary><c>0x01 ADD</c>, for messages.</summary>
    public string Display => Hex + " " + Mnemonic;
}

// SPDX-License-Identifier: MIT
namespace ZkOs.Generators.Model;

/// <summary>One row of a <c>*.decode.csv</c> table: one of the entries an instruction word's opcode field indexes.</summary>
internal sealed record DecodeEntrySpec(
    int Index,
    string Operation,
    string SourceMode,
    string DestinationMode,
    bool Flag0,
    bool Flag1,
    string FlagMeaning,
    long Ergs,
    bool KernelOnly,
    bool ForbiddenInStatic);

// SPDX-License-Identifier: MIT
using ZkOs.Generators.Diagnostics;
using ZkOs.Generators.Helpers;

namespace ZkOs.Generators.Model;

/// <summary>
/// Everything the emitter needs for one interpreter, with the tables and handlers already joined, plus
/// the diagnostics found while joining them. Rows with errors are left out, so the rest still compiles.
/// </summary>
/// <param name="CostsFileName">The resources table's file name, or empty when there is none (no Costs class).</param>
/// <param name="StepErgs">The <c>InstructionStep</c> ergs folded into every case (0 without such a row).</param>
/// <param name="StepNative">The <c>InstructionStep</c> native folded into every case.</param>
/// <param name="CanEmit">False when nothing sensible can be generated (no table, invalid declaration).</param>
internal sealed record InterpreterGenerationSpec(
    string TableName,
    string Namespace,
    string ClassName,
    string Accessibility,
    string ContextType,
    string OpcodesFileName,
    CostUnit OpcodesUnit,
    string CostsFileName,
    CostUnit CostsUnit,
    EquatableArray<ResourceRowSpec> Costs,
    long StepErgs,
    long StepNative,
    EquatableArray<OpcodeCaseSpec> Cases,
    bool CanEmit,
    EquatableArray<DiagnosticInfo> Diagnostics);

// SPDX-License-Identifier: MIT
using ZkOs.Generators.Diagnostics;
using ZkOs.Generators.Helpers;

namespace ZkOs.Generators.Model;

/// <summary>A parsed <c>&lt;name&gt;.opcodes.csv</c>: its valid rows and what was wrong with the others.</summary>
/// <param name="TableName">The file-name prefix that interpreters and handler classes refer to.</param>
/// <param name="Diagnostics">Problems found in the file alone; reported once per file.</param>
internal sealed record OpcodeTableSpec(
    string TableName,
    string FilePath,
    string FileName,
    CostUnit Unit,
    EquatableArray<OpcodeRowSpec> Rows,
    EquatableArray<DiagnosticInfo> Diagnostics);

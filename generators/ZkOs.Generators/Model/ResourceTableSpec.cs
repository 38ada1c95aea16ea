// SPDX-License-Identifier: MIT
using ZkOs.Generators.Diagnostics;
using ZkOs.Generators.Helpers;

namespace ZkOs.Generators.Model;

/// <summary>A parsed <c>&lt;name&gt;.resources.csv</c>.</summary>
internal sealed record ResourceTableSpec(
    string TableName,
    string FilePath,
    string FileName,
    CostUnit Unit,
    EquatableArray<ResourceRowSpec> Rows,
    EquatableArray<DiagnosticInfo> Diagnostics);

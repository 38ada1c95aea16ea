// SPDX-License-Identifier: MIT
using ZkOs.Generators.Diagnostics;
using ZkOs.Generators.Helpers;

namespace ZkOs.Generators.Model;

/// <summary>A parsed <c>*.handlers.csv</c> file and the problems found in it alone.</summary>
internal sealed record HandlerTemplateTableSpec(
    string FilePath,
    string TableName,
    EquatableArray<HandlerTemplateSpec> Templates,
    EquatableArray<DiagnosticInfo> Diagnostics);

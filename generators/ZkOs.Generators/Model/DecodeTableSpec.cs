// SPDX-License-Identifier: MIT
using ZkOs.Generators.Diagnostics;
using ZkOs.Generators.Helpers;

namespace ZkOs.Generators.Model;

/// <summary>A parsed <c>*.decode.csv</c> file and the problems found in it alone.</summary>
internal sealed record DecodeTableSpec(
    string FilePath,
    string TableName,
    EquatableArray<DecodeEntrySpec> Entries,
    EquatableArray<DiagnosticInfo> Diagnostics);

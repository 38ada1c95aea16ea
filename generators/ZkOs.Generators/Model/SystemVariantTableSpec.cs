// SPDX-License-Identifier: MIT
using ZkOs.Generators.Diagnostics;
using ZkOs.Generators.Helpers;

namespace ZkOs.Generators.Model;

/// <summary>
/// A parsed <c>*.variants.csv</c> with the build's choice applied: <see cref="Variants"/> holds the rows
/// to emit (all of them, or the one <c>ZkOsVariant</c> names), <see cref="Declared"/> every declared name.
/// </summary>
internal sealed record SystemVariantTableSpec(
    string FileName,
    string Namespace,
    EquatableArray<SystemVariantSpec> Variants,
    EquatableArray<string> Declared,
    EquatableArray<DiagnosticInfo> Diagnostics);

// SPDX-License-Identifier: MIT
using ZkOs.Generators.Diagnostics;
using ZkOs.Generators.Helpers;

namespace ZkOs.Generators.Model;

/// <summary>
/// A decoded interpreter joined with its tables: every entry with the handler expression it
/// instantiates (null when the entry has none, which the binder reported).
/// </summary>
internal sealed record DecodedGenerationSpec(
    DecodedInterpreterSpec Interpreter,
    EquatableArray<DecodeEntrySpec> Entries,
    EquatableArray<string> Handlers,
    EquatableArray<DiagnosticInfo> Diagnostics)
{
    public bool CanEmit => Diagnostics.Count == 0 && Entries.Count > 0;
}

// SPDX-License-Identifier: MIT
using ZkOs.Generators.Diagnostics;
using ZkOs.Generators.Helpers;

namespace ZkOs.Generators.Model;

/// <summary>What a <c>[StackInterpreter]</c> class declares, read from its symbol.</summary>
/// <param name="Namespace">The containing namespace, empty for the global namespace.</param>
/// <param name="Accessibility">The C# keyword(s) of the class's accessibility.</param>
/// <param name="ContextType">The context struct, fully qualified with <c>global::</c>.</param>
/// <param name="VersionsType">The versions enum, fully qualified, or empty when none was given.</param>
/// <param name="Versions">The enum's members in ascending value order.</param>
/// <param name="Diagnostics">Problems with the declaration itself (shape, context type, versions type).</param>
internal sealed record InterpreterSpec(
    string TableName,
    string Namespace,
    string ClassName,
    string Accessibility,
    string ContextType,
    string VersionsType,
    EquatableArray<VersionSpec> Versions,
    LocationInfo? AttributeLocation,
    EquatableArray<DiagnosticInfo> Diagnostics);

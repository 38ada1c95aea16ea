// SPDX-License-Identifier: MIT
using System.Linq;
using Microsoft.CodeAnalysis;
using ZkOs.Generators.Helpers;
using ZkOs.Generators.Model;

namespace ZkOs.Generators.Diagnostics;

/// <summary>
/// A diagnostic carried through the pipeline as data: the descriptor's ID, a plain location and the
/// message arguments. It becomes a <see cref="Diagnostic"/> only in the output step.
/// </summary>
internal sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> MessageArgs)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params object[] messageArgs) =>
        new(descriptor.Id, location, messageArgs.Select(a => a.ToString() ?? string.Empty).ToEquatableArray());

    public Diagnostic ToDiagnostic() => Diagnostic.Create(
        DiagnosticDescriptors.ById(Id),
        Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None,
        MessageArgs.Cast<object>().ToArray());
}

// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using ZkOs.Generators.Diagnostics;
using ZkOs.Generators.Helpers;
using ZkOs.Generators.Model;

namespace ZkOs.Generators.SystemVariants;

public sealed partial class SystemVariantGenerator
{
    internal static readonly string[] Columns = ["variant", "allocator", "oracle", "checks", "results", "summary"];

    internal static SystemVariantTableSpec Parse(string path, string text, BuildOptions build, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        var diagnostics = new List<DiagnosticInfo>();
        var variants = new List<SystemVariantSpec>();
        var lines = CsvReader.Read(text);
        var @namespace = NamespaceOf(path, build);

        if (lines.Count == 0 || !lines[0].Fields.Select(f => f.Value).SequenceEqual(Columns))
        {
            var location = lines.Count == 0 ? null : LocationInfo.OnLine(path, lines[0].Start, lines[0].LineNumber, 0, lines[0].Text.Length);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedVariantTable, location, fileName,
                $"the header must be exactly '{string.Join(",", Columns)}'"));
            return new SystemVariantTableSpec(fileName, @namespace, EquatableArray<SystemVariantSpec>.Empty, EquatableArray<string>.Empty, diagnostics.ToEquatableArray());
        }

        var lineOfName = new Dictionary<string, int>();
        foreach (var line in lines.Skip(1))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var rowLocation = LocationInfo.OnLine(path, line.Start, line.LineNumber, 0, line.Text.Length);
            if (line.Error is not null || line.Fields.Count != Columns.Length)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedVariantTable, rowLocation, fileName,
                    line.Error ?? $"line {line.LineNumber + 1} has {line.Fields.Count} cells where {Columns.Length} were expected"));
                continue;
            }
            var valid = true;
            for (var column = 0; column < Columns.Length - 1; column++)
            {
                var field = line.Fields[column];
                if (!SyntaxFacts.IsValidIdentifier(field.Value) || SyntaxFacts.GetKeywordKind(field.Value) != SyntaxKind.None)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidVariantCell,
                        LocationInfo.OnLine(path, line.Start, line.LineNumber, field.Column, field.Length), Columns[column], field.Value));
                    valid = false;
                }
            }
            if (!valid)
            {
                continue;
            }
            var name = line.Fields[0].Value;
            if (lineOfName.TryGetValue(name, out var firstLine))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateVariant, rowLocation, name, firstLine));
                continue;
            }
            lineOfName.Add(name, line.LineNumber + 1);
            variants.Add(new SystemVariantSpec(name, line.Fields[1].Value, line.Fields[2].Value, line.Fields[3].Value,
                line.Fields[4].Value, line.Fields[5].Value, line.LineNumber + 1));
        }

        var declared = variants.Select(v => v.Name).ToArray();
        if (build.SelectedVariant.Length > 0)
        {
            var selected = variants.Where(v => v.Name == build.SelectedVariant).ToList();
            if (selected.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownSelectedVariant, null,
                    build.SelectedVariant, fileName, string.Join(", ", declared)));
            }
            variants = selected;
        }
        return new SystemVariantTableSpec(fileName, @namespace, variants.ToEquatableArray(), declared.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>The root namespace followed by the table's folder below the project directory.</summary>
    private static string NamespaceOf(string path, BuildOptions build)
    {
        var directory = Path.GetDirectoryName(path) ?? string.Empty;
        var projectDirectory = build.ProjectDirectory.TrimEnd('/', '\\');
        var parts = new List<string>();
        if (build.RootNamespace.Length > 0)
        {
            parts.Add(build.RootNamespace);
        }
        if (projectDirectory.Length > 0 && directory.StartsWith(projectDirectory, System.StringComparison.Ordinal))
        {
            parts.AddRange(directory.Substring(projectDirectory.Length)
                .Split(['/', '\\'], System.StringSplitOptions.RemoveEmptyEntries));
        }
        return parts.Count == 0 ? "ZkOs.Variants" : string.Join(".", parts);
    }
}

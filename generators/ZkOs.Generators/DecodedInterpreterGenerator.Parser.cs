// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using ZkOs.Generators.Diagnostics;
using ZkOs.Generators.Helpers;
using ZkOs.Generators.Model;

namespace ZkOs.Generators;

/// <summary>Table text → <see cref="DecodeTableSpec"/> and <see cref="HandlerTemplateTableSpec"/>, with the diagnostics that need only the file.</summary>
public sealed partial class DecodedInterpreterGenerator
{
    internal const string DecodeHeader = "index,opcode,src0_mode,dst0_mode,flag0,flag1,flag_meaning,ergs,kernel_only,forbidden_in_static";
    internal const string HandlersHeader = "opcode,handler";

    internal static DecodeTableSpec ParseDecodeTable(string path, string text, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        var tableName = StackInterpreterGenerator.TableName(path, DecodeSuffix) ?? fileName;
        var diagnostics = new List<DiagnosticInfo>();
        var entries = new List<DecodeEntrySpec>();
        var lines = CsvReader.Read(text);
        if (!Header(path, fileName, lines, DecodeHeader, diagnostics))
        {
            return new DecodeTableSpec(path, tableName, EquatableArray<DecodeEntrySpec>.Empty, diagnostics.ToEquatableArray());
        }

        for (var i = 1; i < lines.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = lines[i];
            if (line.Error is not null || line.Fields.Count != 10)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedRow, Row(path, line), fileName,
                    line.Error ?? "expected 10 cells, found " + line.Fields.Count));
                continue;
            }

            var cells = line.Fields;
            LocationInfo Cell(int column) => LocationInfo.OnLine(path, line.Start, line.LineNumber, cells[column].Column, cells[column].Length);
            var index = Number(cells[0].Value, "index", Cell(0), diagnostics);
            var flag0 = Bit(cells[4].Value, "flag0", Cell(4), diagnostics);
            var flag1 = Bit(cells[5].Value, "flag1", Cell(5), diagnostics);
            var ergs = Number(cells[7].Value, "ergs", Cell(7), diagnostics);
            var kernel = Bit(cells[8].Value, "kernel_only", Cell(8), diagnostics);
            var noStatic = Bit(cells[9].Value, "forbidden_in_static", Cell(9), diagnostics);
            if (index >= 0 && index != entries.Count)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IncompleteDecodeTable, Cell(0), fileName,
                    "expected index " + entries.Count + ", found " + index));
            }
            entries.Add(new DecodeEntrySpec(entries.Count, cells[1].Value, cells[2].Value, cells[3].Value, flag0, flag1,
                cells[6].Value, ergs, kernel, noStatic));
        }

        return new DecodeTableSpec(path, tableName, entries.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    internal static HandlerTemplateTableSpec ParseHandlerTable(string path, string text, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        var tableName = StackInterpreterGenerator.TableName(path, HandlersSuffix) ?? fileName;
        var diagnostics = new List<DiagnosticInfo>();
        var templates = new List<HandlerTemplateSpec>();
        var lines = CsvReader.Read(text);
        if (!Header(path, fileName, lines, HandlersHeader, diagnostics))
        {
            return new HandlerTemplateTableSpec(path, tableName, EquatableArray<HandlerTemplateSpec>.Empty, diagnostics.ToEquatableArray());
        }

        var seen = new HashSet<string>();
        for (var i = 1; i < lines.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = lines[i];
            if (line.Error is not null || line.Fields.Count != 2)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedRow, Row(path, line), fileName,
                    line.Error ?? "expected 2 cells, found " + line.Fields.Count));
                continue;
            }

            var cell = LocationInfo.OnLine(path, line.Start, line.LineNumber, line.Fields[1].Column, line.Fields[1].Length);
            var template = line.Fields[1].Value;
            foreach (var placeholder in Placeholders(template))
            {
                if (placeholder is not ("{src}" or "{dst}" or "{flag0}" or "{flag1}"))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownTemplatePlaceholder, cell, template, placeholder));
                }
            }

            if (!seen.Add(line.Fields[0].Value))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedRow, Row(path, line), fileName,
                    "operation '" + line.Fields[0].Value + "' already has a handler row"));
                continue;
            }

            templates.Add(new HandlerTemplateSpec(line.Fields[0].Value, template, cell));
        }

        return new HandlerTemplateTableSpec(path, tableName, templates.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    private static IEnumerable<string> Placeholders(string template)
    {
        var open = template.IndexOf('{');
        while (open >= 0)
        {
            var close = template.IndexOf('}', open);
            if (close < 0)
            {
                yield return template.Substring(open);
                yield break;
            }
            yield return template.Substring(open, close - open + 1);
            open = template.IndexOf('{', close);
        }
    }

    private static bool Header(string path, string fileName, List<CsvLine> lines, string expected, List<DiagnosticInfo> diagnostics)
    {
        if (lines.Count > 0 && lines[0].Error is null && string.Join(",", Values(lines[0])) == expected)
        {
            return true;
        }
        var location = lines.Count > 0 ? Row(path, lines[0]) : LocationInfo.OnLine(path, 0, 0, 0, 0);
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedHeader, location, fileName, expected));
        return false;
    }

    private static IEnumerable<string> Values(CsvLine line)
    {
        foreach (var field in line.Fields)
        {
            yield return field.Value;
        }
    }

    private static LocationInfo Row(string path, CsvLine line) =>
        LocationInfo.OnLine(path, line.Start, line.LineNumber, 0, line.Text.Length);

    private static long Number(string text, string column, LocationInfo cell, List<DiagnosticInfo> diagnostics)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= uint.MaxValue)
        {
            return value;
        }
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidNumber, cell, column, text, "expected a decimal from 0 to 4294967295"));
        return -1;
    }

    private static bool Bit(string text, string column, LocationInfo cell, List<DiagnosticInfo> diagnostics)
    {
        if (text is "0" or "1")
        {
            return text == "1";
        }
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidNumber, cell, column, text, "expected 0 or 1"));
        return false;
    }
}

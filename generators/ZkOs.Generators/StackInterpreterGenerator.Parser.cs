// SPDX-License-Identifier: MIT
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using ZkOs.Generators.Diagnostics;
using ZkOs.Generators.Helpers;
using ZkOs.Generators.Model;

namespace ZkOs.Generators;

// Table text → table specs plus the diagnostics that need nothing but the file itself.
public sealed partial class StackInterpreterGenerator
{
    internal const string OpcodesSuffix = ".opcodes.csv";
    internal const string ResourcesSuffix = ".resources.csv";

    /// <summary>Names of the per-instruction cost row in a resources table.</summary>
    internal const string InstructionStepCost = "InstructionStep";

    private const int OpcodeColumnCount = 10;
    private const int ResourceColumnCount = 4;

    /// <summary>Members of the generated <c>Opcodes</c> class that a mnemonic must not shadow.</summary>
    private static readonly HashSet<string> _reservedMnemonics = new(StringComparer.Ordinal)
    {
        "Find",
        "ImmediateSize",
        "MaxImmediateSize",
        "RequiredPadding",
    };

    /// <summary>The table name of a path ending in <paramref name="suffix"/>, or null for any other file.</summary>
    internal static string? TableName(string path, string suffix)
    {
        var fileName = Path.GetFileName(path);
        return fileName.Length > suffix.Length && fileName.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
            ? fileName.Substring(0, fileName.Length - suffix.Length)
            : null;
    }

    internal static OpcodeTableSpec ParseOpcodeTable(string path, string text, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        var tableName = TableName(path, OpcodesSuffix) ?? fileName;
        var diagnostics = new List<DiagnosticInfo>();
        var rows = new List<OpcodeRowSpec>();
        var lines = CsvReader.Read(text);

        if (!TryReadHeader(path, fileName, lines, "opcode,mnemonic,stack_in,stack_out,immediate,{0},native,since,flags,handler", 5, diagnostics, out var unit))
        {
            return new OpcodeTableSpec(tableName, path, fileName, unit, EquatableArray<OpcodeRowSpec>.Empty, diagnostics.ToEquatableArray());
        }

        var byOpcode = new Dictionary<int, OpcodeRowSpec>();
        var byMnemonic = new Dictionary<string, OpcodeRowSpec>(StringComparer.Ordinal);
        LocationInfo? zeroRow = null;
        var zeroTerminates = false;

        for (var index = 1; index < lines.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = lines[index];
            if (!HasColumns(path, fileName, line, OpcodeColumnCount, diagnostics))
            {
                continue;
            }

            var errors = diagnostics.Count;
            var cells = line.Fields;
            LocationInfo Cell(int column) => LocationInfo.OnLine(path, line.Start, line.LineNumber, cells[column].Column, cells[column].Length);

            var opcode = ParseOpcode(cells[0].Value);
            if (opcode < 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidNumber, Cell(0), "opcode", cells[0].Value, "expected a hex byte such as 0x01"));
            }

            var mnemonic = cells[1].Value;
            CheckIdentifier(mnemonic, Cell(1), _reservedMnemonics, diagnostics);
            var stackIn = ParseCount(cells, 2, "stack_in", Cell(2), diagnostics);
            var stackOut = ParseCount(cells, 3, "stack_out", Cell(3), diagnostics);
            var immediate = ParseCount(cells, 4, "immediate", Cell(4), diagnostics);
            var cost = ParseCost(cells[5].Value, UnitName(unit), unit, Cell(5), diagnostics);
            var native = ParseCost(cells[6].Value, "native", CostUnit.Ergs, Cell(6), diagnostics);
            var since = cells[7].Value;
            var flags = ParseFlags(cells[8].Value, Cell(8), diagnostics, out var flagsValid);
            var handler = cells[9].Value;
            if (handler.Length > 0)
            {
                CheckIdentifier(handler, Cell(9), null, diagnostics);
            }

            if (opcode == 0)
            {
                zeroRow = Cell(0);
                zeroTerminates |= !flagsValid || (flags & OpcodeRowFlags.Terminates) != 0;
            }

            var display = (opcode >= 0 ? "0x" + opcode.ToString("x2") : cells[0].Value) + " " + mnemonic;
            if ((flags & (OpcodeRowFlags.Terminates | OpcodeRowFlags.Yields)) == (OpcodeRowFlags.Terminates | OpcodeRowFlags.Yields))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFlagCombination, Cell(8), display,
                    "'terminates' and 'yields' exclude each other (a frame either ends or waits to resume)"));
            }

            if ((flags & OpcodeRowFlags.Jumps) != 0 && handler.Length == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidFlagCombination, Cell(8), display,
                    "a 'jumps' row needs a handler that returns the next pc"));
            }

            if (immediate >= 0 && TryGetPushSize(mnemonic, out var pushSize) && pushSize != immediate)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PushImmediateMismatch, Cell(4), mnemonic, pushSize, immediate));
            }

            if (opcode >= 0 && byOpcode.TryGetValue(opcode, out var sameOpcode))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateOpcode, Cell(0), cells[0].Value, sameOpcode.Mnemonic, sameOpcode.Line + 1));
            }

            if (byMnemonic.TryGetValue(mnemonic, out var sameMnemonic))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateMnemonic, Cell(1), mnemonic, sameMnemonic.Hex, sameMnemonic.Line + 1));
            }

            if (diagnostics.Count != errors)
            {
                // The row is left out of the interpreter; the other rows still generate.
                continue;
            }

            var row = new OpcodeRowSpec(
                opcode,
                mnemonic,
                stackIn,
                stackOut,
                immediate,
                cost,
                ToErgs(cost, unit),
                native,
                since,
                flags,
                handler,
                line.LineNumber,
                Cell(0),
                Cell(7),
                Cell(9));
            rows.Add(row);
            byOpcode.Add(opcode, row);
            byMnemonic.Add(mnemonic, row);
        }

        if (zeroRow is null || !zeroTerminates)
        {
            var header = lines[0];
            var location = zeroRow ?? LocationInfo.OnLine(path, header.Start, header.LineNumber, 0, header.Text.Length);
            var problem = zeroRow is null ? "there is no row for opcode 0x00" : "opcode 0x00 is not flagged 'terminates'";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingStopOpcode, location, problem));
        }

        return new OpcodeTableSpec(tableName, path, fileName, unit, rows.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    internal static ResourceTableSpec ParseResourceTable(string path, string text, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        var tableName = TableName(path, ResourcesSuffix) ?? fileName;
        var diagnostics = new List<DiagnosticInfo>();
        var rows = new List<ResourceRowSpec>();
        var lines = CsvReader.Read(text);

        if (!TryReadHeader(path, fileName, lines, "name,{0},native,description", 1, diagnostics, out var unit))
        {
            return new ResourceTableSpec(tableName, path, fileName, unit, EquatableArray<ResourceRowSpec>.Empty, diagnostics.ToEquatableArray());
        }

        var byName = new Dictionary<string, ResourceRowSpec>(StringComparer.Ordinal);
        for (var index = 1; index < lines.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = lines[index];
            if (!HasColumns(path, fileName, line, ResourceColumnCount, diagnostics))
            {
                continue;
            }

            var errors = diagnostics.Count;
            var cells = line.Fields;
            LocationInfo Cell(int column) => LocationInfo.OnLine(path, line.Start, line.LineNumber, cells[column].Column, cells[column].Length);

            var name = cells[0].Value;
            CheckIdentifier(name, Cell(0), null, diagnostics);
            var cost = ParseCost(cells[1].Value, UnitName(unit), unit, Cell(1), diagnostics);
            var native = ParseCost(cells[2].Value, "native", CostUnit.Ergs, Cell(2), diagnostics);
            if (byName.TryGetValue(name, out var same))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateCost, Cell(0), name, same.Line + 1));
            }

            if (diagnostics.Count != errors)
            {
                continue;
            }

            var row = new ResourceRowSpec(name, cost, ToErgs(cost, unit), native, cells[3].Value, line.LineNumber);
            rows.Add(row);
            byName.Add(name, row);
        }

        return new ResourceTableSpec(tableName, path, fileName, unit, rows.ToEquatableArray(), diagnostics.ToEquatableArray());
    }

    /// <summary>
    /// Checks the header line against <paramref name="format"/>, whose <c>{0}</c> column is the cost unit
    /// (<c>gas</c> or <c>ergs</c>) at index <paramref name="unitColumn"/>.
    /// </summary>
    private static bool TryReadHeader(
        string path,
        string fileName,
        List<CsvLine> lines,
        string format,
        int unitColumn,
        List<DiagnosticInfo> diagnostics,
        out CostUnit unit)
    {
        unit = CostUnit.Gas;
        var expected = string.Format(CultureInfo.InvariantCulture, format, "gas|ergs");
        if (lines.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MalformedHeader, LocationInfo.OnLine(path, 0, 0, 0, 0), fileName, expected));
            return false;
        }

        var header = lines[0];
        var names = new List<string>();
        foreach (var field in header.Fields)
        {
            names.Add(field.Value);
        }

        var written = header.Error is null ? string.Join(",", names) : header.Text;
        if (names.Count > unitColumn && names[unitColumn] == "ergs")
        {
            unit = CostUnit.Ergs;
        }

        var wanted = string.Format(CultureInfo.InvariantCulture, format, UnitName(unit));
        if (!string.Equals(written, wanted, StringComparison.Ordinal))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.MalformedHeader,
                LocationInfo.OnLine(path, header.Start, header.LineNumber, 0, header.Text.Length),
                fileName,
                expected));
            return false;
        }

        return true;
    }

    private static bool HasColumns(string path, string fileName, CsvLine line, int count, List<DiagnosticInfo> diagnostics)
    {
        string? problem = line.Error;
        if (problem is null && line.Fields.Count != count)
        {
            problem = $"expected {count} cells but found {line.Fields.Count}";
        }

        if (problem is null)
        {
            return true;
        }

        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.MalformedRow,
            LocationInfo.OnLine(path, line.Start, line.LineNumber, 0, line.Text.Length),
            fileName,
            problem));
        return false;
    }

    /// <summary>A byte written as <c>0x</c> and one or two hex digits, or -1.</summary>
    private static int ParseOpcode(string text)
    {
        if (text.Length < 3 || text.Length > 4 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X'))
        {
            return -1;
        }

        return int.TryParse(text.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) ? value : -1;
    }

    /// <summary>A stack count or immediate size: a decimal from 0 to 255 (they are bytes in OpcodeInfo), or -1.</summary>
    private static int ParseCount(List<CsvField> cells, int column, string name, LocationInfo location, List<DiagnosticInfo> diagnostics)
    {
        var text = cells[column].Value;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= byte.MaxValue)
        {
            return value;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidNumber, location, name, text, "expected a decimal number from 0 to 255"));
        return -1;
    }

    /// <summary>A non-negative decimal cost in <paramref name="unit"/> whose ergs value fits a long, or -1.</summary>
    private static long ParseCost(string text, string name, CostUnit unit, LocationInfo location, List<DiagnosticInfo> diagnostics)
    {
        var limit = unit == CostUnit.Gas ? long.MaxValue / Scale.ErgsPerGas : long.MaxValue;
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= limit)
        {
            return value;
        }

        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidNumber, location, name, text, "expected a non-negative decimal number that fits in a long once converted to ergs"));
        return -1;
    }

    private static string UnitName(CostUnit unit) => unit == CostUnit.Gas ? "gas" : "ergs";

    private static long ToErgs(long cost, CostUnit unit) => unit == CostUnit.Gas ? cost * Scale.ErgsPerGas : cost;

    private static OpcodeRowFlags ParseFlags(string text, LocationInfo location, List<DiagnosticInfo> diagnostics, out bool valid)
    {
        valid = true;
        var flags = OpcodeRowFlags.None;
        if (text.Length == 0)
        {
            return flags;
        }

        foreach (var part in text.Split('|'))
        {
            var name = part.Trim();
            switch (name)
            {
                case "terminates":
                    flags |= OpcodeRowFlags.Terminates;
                    break;
                case "yields":
                    flags |= OpcodeRowFlags.Yields;
                    break;
                case "static_forbidden":
                    flags |= OpcodeRowFlags.StaticForbidden;
                    break;
                case "jumps":
                    flags |= OpcodeRowFlags.Jumps;
                    break;
                default:
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnknownFlag, location, name));
                    valid = false;
                    break;
            }
        }

        return flags;
    }

    /// <summary>Reads n from a <c>PUSHn</c> mnemonic.</summary>
    private static bool TryGetPushSize(string mnemonic, out int size)
    {
        size = 0;
        const string prefix = "PUSH";
        if (mnemonic.Length <= prefix.Length || !mnemonic.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        return int.TryParse(mnemonic.Substring(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out size);
    }

    private static void CheckIdentifier(string name, LocationInfo location, HashSet<string>? reserved, List<DiagnosticInfo> diagnostics)
    {
        string? problem = null;
        if (!SyntaxFacts.IsValidIdentifier(name))
        {
            problem = "it is not a valid C# identifier";
        }
        else if (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
        {
            problem = "it is a C# keyword";
        }
        else if (reserved is not null && reserved.Contains(name))
        {
            problem = "it clashes with a generated member of the same name";
        }

        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidIdentifier, location, name, problem));
        }
    }
}

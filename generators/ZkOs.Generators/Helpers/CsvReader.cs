// SPDX-License-Identifier: MIT
using System.Collections.Generic;
using System.Text;

namespace ZkOs.Generators.Helpers;

/// <summary>One cell of a CSV line: its trimmed text and where that text sits in the line.</summary>
internal readonly struct CsvField
{
    public CsvField(string value, int column, int length)
    {
        Value = value;
        Column = column;
        Length = length;
    }

    public string Value { get; }

    /// <summary>Zero-based character offset of the cell's first non-blank character within its line.</summary>
    public int Column { get; }

    /// <summary>Number of characters the cell's text spans in the line (quotes included).</summary>
    public int Length { get; }
}

/// <summary>One record of a CSV file, with enough position data to build precise diagnostic locations.</summary>
internal sealed class CsvLine
{
    public CsvLine(int lineNumber, int start, string text, List<CsvField> fields, string? error)
    {
        LineNumber = lineNumber;
        Start = start;
        Text = text;
        Fields = fields;
        Error = error;
    }

    /// <summary>Zero-based line number in the file.</summary>
    public int LineNumber { get; }

    /// <summary>Offset of the line's first character in the file.</summary>
    public int Start { get; }

    /// <summary>The line without its terminator.</summary>
    public string Text { get; }

    public List<CsvField> Fields { get; }

    /// <summary>Why the line could not be split, or null when it was.</summary>
    public string? Error { get; }
}

/// <summary>
/// A small CSV reader for the generator's tables: comma-separated cells, optional double quotes (with
/// <c>""</c> as an escaped quote) for cells that contain commas, blank lines and lines starting with
/// <c>#</c> skipped. A quoted cell cannot span lines: a table row is always one line, which keeps every
/// diagnostic pointing at a single line.
/// </summary>
internal static class CsvReader
{
    public static List<CsvLine> Read(string text)
    {
        var lines = new List<CsvLine>();
        var lineNumber = 0;
        var position = 0;
        while (position <= text.Length)
        {
            var end = position;
            while (end < text.Length && text[end] != '\n' && text[end] != '\r')
            {
                end++;
            }

            var line = text.Substring(position, end - position);
            var content = line.Trim();
            if (content.Length > 0 && content[0] != '#')
            {
                lines.Add(Split(lineNumber, position, line));
            }

            if (end >= text.Length)
            {
                break;
            }

            // A CRLF pair is one terminator.
            position = text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
            lineNumber++;
        }

        return lines;
    }

    private static CsvLine Split(int lineNumber, int start, string line)
    {
        var fields = new List<CsvField>();
        var i = 0;
        while (true)
        {
            while (i < line.Length && IsBlank(line[i]))
            {
                i++;
            }

            var fieldStart = i;
            string value;
            if (i < line.Length && line[i] == '"')
            {
                var builder = new StringBuilder();
                i++;
                var closed = false;
                while (i < line.Length)
                {
                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            builder.Append('"');
                            i += 2;
                            continue;
                        }

                        closed = true;
                        i++;
                        break;
                    }

                    builder.Append(line[i]);
                    i++;
                }

                if (!closed)
                {
                    return new CsvLine(lineNumber, start, line, fields, "a quoted cell is not closed on its line");
                }

                value = builder.ToString();
                var fieldEnd = i;
                while (i < line.Length && IsBlank(line[i]))
                {
                    i++;
                }

                if (i < line.Length && line[i] != ',')
                {
                    return new CsvLine(lineNumber, start, line, fields, "unexpected text after a quoted cell");
                }

                fields.Add(new CsvField(value, fieldStart, fieldEnd - fieldStart));
            }
            else
            {
                while (i < line.Length && line[i] != ',')
                {
                    i++;
                }

                value = line.Substring(fieldStart, i - fieldStart).TrimEnd();
                fields.Add(new CsvField(value, fieldStart, value.Length));
            }

            if (i >= line.Length)
            {
                return new CsvLine(lineNumber, start, line, fields, null);
            }

            // Skip the comma.
            i++;
        }
    }

    private static bool IsBlank(char c) => c == ' ' || c == '\t';
}

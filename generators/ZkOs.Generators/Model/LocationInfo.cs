// SPDX-License-Identifier: MIT
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ZkOs.Generators.Model;

/// <summary>
/// A diagnostic location as plain numbers. A <see cref="Location"/> in a model would pin a syntax tree
/// and make the model unequal after every edit; this record holds only what is needed to rebuild one.
/// </summary>
internal sealed record LocationInfo(
    string FilePath,
    int Start,
    int Length,
    int StartLine,
    int StartCharacter,
    int EndLine,
    int EndCharacter)
{
    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartCharacter), new LinePosition(EndLine, EndCharacter)));

    /// <summary>A span on one line of a text file (a table cell or row).</summary>
    public static LocationInfo OnLine(string filePath, int lineStart, int line, int column, int length) =>
        new(filePath, lineStart + column, length, line, column, line, column + length);

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        var lines = location.GetLineSpan();
        return new LocationInfo(
            location.SourceTree.FilePath,
            location.SourceSpan.Start,
            location.SourceSpan.Length,
            lines.StartLinePosition.Line,
            lines.StartLinePosition.Character,
            lines.EndLinePosition.Line,
            lines.EndLinePosition.Character);
    }
}

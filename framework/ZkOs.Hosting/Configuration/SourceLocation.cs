// SPDX-License-Identifier: MIT
namespace ZkOs.Hosting;

/// <summary>
/// Where something was written in a configuration file, so later errors (a missing plugin, a clash of
/// type bytes) can point the user at the line to fix. Line and column are 1-based.
/// </summary>
public readonly record struct SourceLocation(string Source, int Line, int Column)
{
    /// <summary>The <c>file:line:column</c> form that editors and terminals turn into a link.</summary>
    public override string ToString() => $"{Source}:{Line}:{Column}";
}

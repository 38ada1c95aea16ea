// SPDX-License-Identifier: MIT
namespace ZkOs.Hosting;

/// <summary>
/// A configuration that cannot be used: unreadable, not JSON, or not the schema (an unknown property, a
/// value of the wrong type, a value out of range). The message starts with <c>file:line:column</c> and
/// says what to change.
/// </summary>
public sealed class ConfigurationException : Exception
{
    public ConfigurationException(string source, int? line, int? column, string problem, Exception? innerException = null)
        : base(Format(source, line, column, problem), innerException)
    {
        SourceName = source;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>The file path, or the name given to <see cref="ZkOsConfiguration.Parse"/>.</summary>
    public string SourceName { get; }

    /// <summary>1-based; null when the problem is the file as a whole (missing, unreadable).</summary>
    public int? Line { get; }

    /// <summary>1-based, in characters.</summary>
    public int? Column { get; }

    /// <summary>The message without the location prefix.</summary>
    public string Problem { get; }

    private static string Format(string source, int? line, int? column, string problem) =>
        line is null ? $"{source}: {problem}" : $"{source}:{line}:{column ?? 1}: {problem}";
}

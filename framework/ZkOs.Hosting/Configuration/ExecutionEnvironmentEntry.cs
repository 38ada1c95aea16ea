// SPDX-License-Identifier: MIT
namespace ZkOs.Hosting;

/// <summary>
/// One element of <c>"executionEnvironments"</c>: the type byte accounts use to name the EE, and where the
/// EE comes from, either a built-in registered by the host or a plugin assembly. Exactly one of
/// <see cref="BuiltIn"/> and <see cref="Plugin"/> is set.
/// </summary>
public sealed record ExecutionEnvironmentEntry
{
    /// <summary>The type byte (1..255; 0 means "no EE"). The EE must report the same byte itself.</summary>
    public required byte Type { get; init; }

    /// <summary>The name of a built-in EE (e.g. <c>"evm"</c>), looked up in the host's built-ins.</summary>
    public string? BuiltIn { get; init; }

    /// <summary>
    /// The plugin assembly's absolute path. A relative path written in a file is resolved against the
    /// file's folder when it is read; <see cref="PluginAsWritten"/> keeps the text for messages.
    /// </summary>
    public string? Plugin { get; init; }

    /// <summary>The plugin path as the configuration spelled it (null when built in code).</summary>
    public string? PluginAsWritten { get; init; }

    /// <summary>Disabled entries are kept in the configuration but neither loaded nor checked.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Where the entry starts in its configuration file (null when built in code).</summary>
    public SourceLocation? Location { get; init; }

    public static ExecutionEnvironmentEntry ForBuiltIn(byte type, string name) => new() { Type = type, BuiltIn = name };

    /// <summary>An entry for the plugin at <paramref name="path"/>, resolved against the current directory.</summary>
    public static ExecutionEnvironmentEntry ForPlugin(byte type, string path) =>
        new() { Type = type, Plugin = System.IO.Path.GetFullPath(path), PluginAsWritten = path };

    /// <summary>The entry as a user wrote it, and where: for error messages.</summary>
    public string Describe()
    {
        var source = BuiltIn is not null
            ? $"\"builtin\": \"{BuiltIn}\""
            : $"\"plugin\": \"{PluginAsWritten ?? Plugin}\"";
        var text = $"{{ \"type\": {Type}, {source} }}";
        return Location is { } location ? $"{text} at {location}" : text;
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;

namespace ZkOs.Hosting;

/// <summary>An execution environment in the registry, with where it came from.</summary>
public sealed record RegisteredEnvironment
{
    public const string BuiltInOrigin = "built-in";

    /// <summary>The type byte it is registered under.</summary>
    public required byte Type { get; init; }

    public required IExecutionEnvironment Environment { get; init; }

    /// <summary>The plugin's absolute path; null for a built-in.</summary>
    public string? PluginPath { get; init; }

    /// <summary>The built-in's name in the configuration (e.g. "evm"), when it is one and was named.</summary>
    public string? BuiltInName { get; init; }

    /// <summary>The configuration entry it was loaded for; null when registered in code.</summary>
    public ExecutionEnvironmentEntry? Entry { get; init; }

    public bool IsBuiltIn => PluginPath is null;

    /// <summary><c>"built-in"</c> or the plugin's absolute path.</summary>
    public string Origin => PluginPath ?? BuiltInOrigin;

    /// <summary>For messages: <c>'evm' (EvmEnvironment, built-in 'evm', configured at zkos.json:4:5)</c>.</summary>
    public string Describe()
    {
        var origin = PluginPath is not null
            ? $"plugin '{PluginPath}'"
            : BuiltInName is not null ? $"built-in '{BuiltInName}'" : BuiltInOrigin;
        var location = Entry?.Location is { } at ? $", configured at {at}" : "";
        return $"'{Environment.Name}' ({Environment.GetType().FullName}, {origin}{location})";
    }
}

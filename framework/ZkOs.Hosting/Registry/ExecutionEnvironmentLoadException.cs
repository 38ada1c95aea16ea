// SPDX-License-Identifier: MIT
using ZkOs.Framework;
using ZkOs.Framework.Execution;

namespace ZkOs.Hosting;

/// <summary>
/// An execution environment that cannot be loaded or registered. <see cref="Error"/> says which problem
/// it is; the message names the file, the configuration entry and what to change. The factory methods
/// below are the one place those messages are written.
/// </summary>
public sealed class ExecutionEnvironmentLoadException : Exception
{
    public ExecutionEnvironmentLoadException(ExecutionEnvironmentLoadError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    public ExecutionEnvironmentLoadError Error { get; }

    /// <summary>The plugin's absolute path, when a plugin is involved.</summary>
    public string? PluginPath { get; init; }

    /// <summary>The configuration entry being loaded, when there is one.</summary>
    public ExecutionEnvironmentEntry? Entry { get; init; }

    internal static ExecutionEnvironmentLoadException PluginNotFound(string path, ExecutionEnvironmentEntry? entry) =>
        new(ExecutionEnvironmentLoadError.PluginNotFound,
            $"Plugin file not found: '{path}'{For(entry)}. " +
            "Relative plugin paths resolve against the configuration file's folder; build the plugin or fix the path.")
        { PluginPath = path, Entry = entry };

    internal static ExecutionEnvironmentLoadException NotAnAssembly(string path, ExecutionEnvironmentEntry? entry, BadImageFormatException inner) =>
        new(ExecutionEnvironmentLoadError.NotAnAssembly,
            $"'{path}'{For(entry)} is not a .NET assembly ({inner.Message}). " +
            "A plugin is the managed .dll of a project built with <EnableDynamicLoading>true</EnableDynamicLoading>, " +
            "not a native library or any other file.", inner)
        { PluginPath = path, Entry = entry };

    internal static ExecutionEnvironmentLoadException LoadFailed(string path, ExecutionEnvironmentEntry? entry, Exception inner) =>
        new(ExecutionEnvironmentLoadError.LoadFailed,
            $"Plugin '{path}'{For(entry)} could not be loaded: {inner.Message} " +
            "Its dependencies must sit next to it, as 'dotnet build' or 'dotnet publish' of a plugin project leaves them.", inner)
        { PluginPath = path, Entry = entry };

    internal static ExecutionEnvironmentLoadException NoExports(string path, ExecutionEnvironmentEntry? entry, string assemblyName, string? hint) =>
        new(ExecutionEnvironmentLoadError.NoExports,
            $"The assembly {assemblyName} at '{path}'{For(entry)} exports no execution environment: " +
            $"add [assembly: ExecutionEnvironmentPlugin(typeof(YourEnvironment))] to it.{hint}")
        { PluginPath = path, Entry = entry };

    internal static ExecutionEnvironmentLoadException NotAnEnvironment(string path, ExecutionEnvironmentEntry? entry, string typeName, string? hint) =>
        new(ExecutionEnvironmentLoadError.NotAnEnvironment,
            $"Plugin '{path}'{For(entry)} exports '{typeName}' in [assembly: ExecutionEnvironmentPlugin(...)], " +
            $"but that type does not implement {typeof(IExecutionEnvironment).FullName}.{hint}")
        { PluginPath = path, Entry = entry };

    internal static ExecutionEnvironmentLoadException NoParameterlessConstructor(string path, ExecutionEnvironmentEntry? entry, string typeName, string reason) =>
        new(ExecutionEnvironmentLoadError.NoParameterlessConstructor,
            $"Execution environment type '{typeName}' from plugin '{path}'{For(entry)} cannot be created: {reason}. " +
            "The host creates each exported EE with its public parameterless constructor.")
        { PluginPath = path, Entry = entry };

    internal static ExecutionEnvironmentLoadException ConstructorFailed(string origin, string? path, ExecutionEnvironmentEntry? entry, Exception inner) =>
        new(ExecutionEnvironmentLoadError.ConstructorFailed,
            $"Creating the execution environment {origin}{For(entry)} failed: {inner.GetType().Name}: {inner.Message}", inner)
        { PluginPath = path, Entry = entry };

    internal static ExecutionEnvironmentLoadException AbiVersionMismatch(RegisteredEnvironment registration, int pluginAbi) =>
        new(ExecutionEnvironmentLoadError.AbiVersionMismatch,
            $"Execution environment {registration.Describe()} was built for framework ABI version {pluginAbi}, " +
            $"but this host's ZkOs.Framework has ABI version {FrameworkAbi.Version}. " +
            "Rebuild the plugin against this host's ZkOs.Framework.")
        { PluginPath = registration.PluginPath, Entry = registration.Entry };

    internal static ExecutionEnvironmentLoadException TypeMismatch(RegisteredEnvironment registration, byte reported) =>
        new(ExecutionEnvironmentLoadError.TypeMismatch,
            $"Type byte {registration.Type} is assigned to {registration.Describe()}, but the environment reports type byte {reported}. " +
            $"Set the entry's \"type\" to {reported}, or change the environment.")
        { PluginPath = registration.PluginPath, Entry = registration.Entry };

    internal static ExecutionEnvironmentLoadException PluginTypeMismatch(string path, ExecutionEnvironmentEntry entry, string exported) =>
        new(ExecutionEnvironmentLoadError.TypeMismatch,
            $"Type byte {entry.Type} is assigned to plugin '{path}'{For(entry)}, but none of the environments it exports reports that byte: " +
            $"it exports {exported}. Set the entry's \"type\" to one of those bytes.")
        { PluginPath = path, Entry = entry };

    internal static ExecutionEnvironmentLoadException DuplicateType(RegisteredEnvironment first, RegisteredEnvironment second) =>
        new(ExecutionEnvironmentLoadError.DuplicateType,
            $"Type byte {second.Type} is claimed twice: by {first.Describe()} and by {second.Describe()}. " +
            "Each execution environment needs its own type byte; remove or disable one of them.")
        { PluginPath = second.PluginPath, Entry = second.Entry };

    internal static ExecutionEnvironmentLoadException UnknownBuiltIn(string name, IReadOnlyCollection<string> known, ExecutionEnvironmentEntry? entry) =>
        new(ExecutionEnvironmentLoadError.UnknownBuiltIn,
            $"Unknown built-in execution environment '{name}'{For(entry)}. " +
            (known.Count == 0
                ? "This host registers no built-in execution environments; load the EE as a plugin instead."
                : $"The built-ins this host registers are: {string.Join(", ", known.Select(static k => $"'{k}'"))}."))
        { Entry = entry };

    internal static ExecutionEnvironmentLoadException ReservedType(string what, ExecutionEnvironmentEntry? entry) =>
        new(ExecutionEnvironmentLoadError.ReservedType,
            $"Type byte 0 is reserved for \"no execution environment\" (externally owned accounts), so it cannot be given to {what}{For(entry)}. " +
            "Use 1..255: 1 is the EVM, 2 EraVM, plugins take 3 and up.")
        { PluginPath = entry?.Plugin, Entry = entry };

    private static string For(ExecutionEnvironmentEntry? entry) => entry is null ? "" : $" (configuration entry {entry.Describe()})";
}

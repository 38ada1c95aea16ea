// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;

namespace ZkOs.Hosting;

/// <summary>
/// Turns the <c>"executionEnvironments"</c> of a configuration into a registry: built-ins come from the
/// caller's <see cref="IBuiltInEnvironments"/>, plugins from a <see cref="PluginLoader"/>, and every EE
/// goes through the checks of <see cref="ExecutionEnvironmentRegistryBuilder"/>. Disabled entries are
/// skipped. The first problem stops the build with an <see cref="ExecutionEnvironmentLoadException"/>
/// that names the configuration entry.
/// </summary>
public sealed class ExecutionEnvironmentCatalog
{
    private readonly IBuiltInEnvironments _builtIns;
    private readonly PluginLoader _pluginLoader;

    /// <param name="builtIns">The EEs the host links in statically (<see cref="BuiltInEnvironments.None"/> for none).</param>
    /// <param name="pluginLoader">Loads plugins; a new <see cref="PluginLoader"/> when null.</param>
    public ExecutionEnvironmentCatalog(IBuiltInEnvironments builtIns, PluginLoader? pluginLoader = null)
    {
        ArgumentNullException.ThrowIfNull(builtIns);
        _builtIns = builtIns;
        _pluginLoader = pluginLoader ?? new PluginLoader();
    }

    /// <exception cref="ExecutionEnvironmentLoadException">An entry cannot be loaded or registered.</exception>
    public ExecutionEnvironmentRegistry Build(ZkOsConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Build(configuration.ExecutionEnvironments);
    }

    /// <exception cref="ExecutionEnvironmentLoadException">An entry cannot be loaded or registered.</exception>
    public ExecutionEnvironmentRegistry Build(IEnumerable<ExecutionEnvironmentEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = new ExecutionEnvironmentRegistryBuilder();
        foreach (var entry in entries)
        {
            if (!entry.Enabled)
                continue;
            // Before loading anything: a plugin should not run its constructor for an entry that cannot be used.
            if (entry.Type == EeType.None)
                throw ExecutionEnvironmentLoadException.ReservedType("an execution environment", entry);

            if (entry.BuiltIn is { } name)
                builder.Add(CreateBuiltIn(name, entry));
            else if (entry.Plugin is { } path)
                AddPlugin(builder, path, entry);
            else
                throw new ArgumentException($"The entry {entry.Describe()} names neither a built-in nor a plugin.", nameof(entries));
        }

        return builder.Build();
    }

    private RegisteredEnvironment CreateBuiltIn(string name, ExecutionEnvironmentEntry entry)
    {
        IExecutionEnvironment? environment;
        bool found;
        try
        {
            found = _builtIns.TryCreate(name, out environment);
        }
        catch (Exception e)
        {
            throw ExecutionEnvironmentLoadException.ConstructorFailed($"built-in '{name}'", null, entry, e);
        }

        if (!found)
            throw ExecutionEnvironmentLoadException.UnknownBuiltIn(name, _builtIns.Names, entry);
        return new RegisteredEnvironment { Type = entry.Type, Environment = environment!, BuiltInName = name, Entry = entry };
    }

    /// <summary>
    /// Registers the plugin's EE that reports the entry's type byte. A plugin may export several EEs;
    /// the entry picks one by its byte. When none matches, a plugin with a single EE is registered
    /// anyway so that the builder reports the mismatch with both bytes.
    /// </summary>
    private void AddPlugin(ExecutionEnvironmentRegistryBuilder builder, string path, ExecutionEnvironmentEntry entry)
    {
        var plugin = _pluginLoader.Load(path, entry);
        var matched = false;
        foreach (var environment in plugin.Environments)
        {
            if (environment.Type != entry.Type)
                continue;
            matched = true;
            builder.Add(new RegisteredEnvironment { Type = entry.Type, Environment = environment, PluginPath = plugin.Path, Entry = entry });
        }

        if (matched)
            return;
        if (plugin.Environments.Count == 1)
        {
            builder.Add(new RegisteredEnvironment { Type = entry.Type, Environment = plugin.Environments[0], PluginPath = plugin.Path, Entry = entry });
            return;
        }

        var exported = string.Join(", ", plugin.Environments.Select(static e => $"'{e.Name}' (type byte {e.Type})"));
        throw ExecutionEnvironmentLoadException.PluginTypeMismatch(plugin.Path, entry, exported);
    }
}

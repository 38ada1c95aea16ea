// SPDX-License-Identifier: MIT
using System.Reflection;
using ZkOs.Framework;
using ZkOs.Framework.Execution;

namespace ZkOs.Hosting;

/// <summary>
/// Loads execution-environment plugins: each assembly into its own <see cref="PluginLoadContext"/>,
/// then creates every type its <c>[assembly: ExecutionEnvironmentPlugin(typeof(X))]</c> attributes name
/// and checks its ABI version. A path is loaded once per loader; asking again returns the same plugin.
/// </summary>
public sealed class PluginLoader
{
    private readonly IReadOnlySet<string> _sharedAssemblies;
    private readonly Dictionary<string, LoadedPlugin> _loaded =
        new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    public PluginLoader()
        : this(PluginLoadContext.DefaultSharedAssemblies)
    {
    }

    /// <param name="sharedAssemblies">Simple names of the assemblies plugins take from the host.</param>
    public PluginLoader(IReadOnlySet<string> sharedAssemblies)
    {
        ArgumentNullException.ThrowIfNull(sharedAssemblies);
        _sharedAssemblies = sharedAssemblies;
    }

    /// <summary>Loads the plugin at <paramref name="path"/> (a relative path resolves against the current directory).</summary>
    /// <exception cref="ExecutionEnvironmentLoadException">The file is missing, not an assembly, exports no
    /// usable EE, or an EE was built for another framework ABI.</exception>
    public LoadedPlugin Load(string path) => Load(path, entry: null);

    internal LoadedPlugin Load(string path, ExecutionEnvironmentEntry? entry)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // The resolver and LoadFromAssemblyPath both need an absolute path.
        var fullPath = Path.GetFullPath(path);
        if (_loaded.TryGetValue(fullPath, out var loaded))
            return loaded;
        if (!File.Exists(fullPath))
            throw ExecutionEnvironmentLoadException.PluginNotFound(fullPath, entry);

        var context = new PluginLoadContext(fullPath, _sharedAssemblies);
        Assembly assembly;
        try
        {
            assembly = context.LoadFromAssemblyPath(fullPath);
        }
        catch (BadImageFormatException e)
        {
            throw ExecutionEnvironmentLoadException.NotAnAssembly(fullPath, entry, e);
        }
        catch (FileLoadException e)
        {
            throw ExecutionEnvironmentLoadException.LoadFailed(fullPath, entry, e);
        }

        loaded = new LoadedPlugin(fullPath, assembly, context, CreateEnvironments(assembly, fullPath, entry));
        _loaded.Add(fullPath, loaded);
        return loaded;
    }

    private static List<IExecutionEnvironment> CreateEnvironments(Assembly assembly, string path, ExecutionEnvironmentEntry? entry)
    {
        ExecutionEnvironmentPluginAttribute[] exports;
        try
        {
            exports = assembly.GetCustomAttributes<ExecutionEnvironmentPluginAttribute>().ToArray();
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TypeLoadException or BadImageFormatException)
        {
            // An attribute's typeof(X) whose assembly (or X itself) cannot be found.
            throw ExecutionEnvironmentLoadException.LoadFailed(path, entry, e);
        }

        if (exports.Length == 0)
            throw ExecutionEnvironmentLoadException.NoExports(path, entry, assembly.GetName().Name ?? path, ForeignFrameworkHint(assembly));

        var environments = new List<IExecutionEnvironment>(exports.Length);
        foreach (var export in exports)
            environments.Add(Create(export.EnvironmentType, path, entry));
        return environments;
    }

    private static IExecutionEnvironment Create(Type? type, string path, ExecutionEnvironmentEntry? entry)
    {
        if (type is null)
            throw ExecutionEnvironmentLoadException.NotAnEnvironment(path, entry, "null", null);
        var name = type.FullName ?? type.Name;
        if (!typeof(IExecutionEnvironment).IsAssignableFrom(type))
            throw ExecutionEnvironmentLoadException.NotAnEnvironment(path, entry, name, ForeignInterfaceHint(type));
        if (type.IsAbstract || type.IsInterface)
            throw ExecutionEnvironmentLoadException.NoParameterlessConstructor(path, entry, name, "it is abstract");
        if (type.ContainsGenericParameters)
            throw ExecutionEnvironmentLoadException.NoParameterlessConstructor(path, entry, name, "it is an open generic type");
        if (!type.IsValueType && type.GetConstructor(Type.EmptyTypes) is null)
            throw ExecutionEnvironmentLoadException.NoParameterlessConstructor(path, entry, name, "it has no public parameterless constructor");

        IExecutionEnvironment environment;
        try
        {
            environment = (IExecutionEnvironment)Activator.CreateInstance(type)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw ExecutionEnvironmentLoadException.ConstructorFailed($"'{name}' from plugin '{path}'", path, entry, e.InnerException);
        }

        // Checked here as well as in the registry: an EE built for another ABI must not get further
        // than its AbiVersion, whose shape every ABI keeps.
        if (environment.AbiVersion != FrameworkAbi.Version)
        {
            var registration = new RegisteredEnvironment
            {
                Type = entry?.Type ?? environment.Type,
                Environment = environment,
                PluginPath = path,
                Entry = entry,
            };
            throw ExecutionEnvironmentLoadException.AbiVersionMismatch(registration, environment.AbiVersion);
        }

        return environment;
    }

    /// <summary>
    /// Names the usual cause when a plugin's types come from a second copy of ZkOs.Framework (the host's
    /// attribute and interface then do not match the plugin's, though their names do).
    /// </summary>
    private static string? ForeignFrameworkHint(Assembly assembly)
    {
        var foreign = assembly.GetCustomAttributesData()
            .FirstOrDefault(static a => a.AttributeType.FullName == typeof(ExecutionEnvironmentPluginAttribute).FullName);
        return foreign is null ? null : SecondCopyHint(foreign.AttributeType.Assembly);
    }

    private static string? ForeignInterfaceHint(Type type)
    {
        var foreign = type.GetInterfaces().FirstOrDefault(static i => i.FullName == typeof(IExecutionEnvironment).FullName);
        return foreign is null ? null : SecondCopyHint(foreign.Assembly);
    }

    private static string SecondCopyHint(Assembly foreignFramework) =>
        $" The plugin uses a second copy of ZkOs.Framework (from '{foreignFramework.Location}'), not the host's: " +
        "reference ZkOs.Framework with <Private>false</Private> and <ExcludeAssets>runtime</ExcludeAssets>, " +
        "and do not load it in the plugin's context.";
}

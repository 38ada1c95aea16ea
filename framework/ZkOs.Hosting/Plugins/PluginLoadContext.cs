// SPDX-License-Identifier: MIT
using System.Reflection;
using System.Runtime.Loader;

namespace ZkOs.Hosting;

/// <summary>
/// The load context of one plugin. The plugin's own dependencies are found through its
/// <c>.deps.json</c> by an <see cref="AssemblyDependencyResolver"/>, so two plugins can carry different
/// versions of a library. The shared assemblies (ZkOs.Framework and the libraries its public API
/// exposes) are never loaded here: <see cref="Load"/> defers them to the default context, so that the
/// plugin's <c>IExecutionEnvironment</c> is the host's own type and not a look-alike from a second copy.
/// </summary>
/// <remarks>
/// Not collectible: EEs are loaded once per process, and unloading would forbid caching delegates and
/// types from the plugin on the hot path.
/// </remarks>
public sealed class PluginLoadContext : AssemblyLoadContext
{
    private readonly AssemblyDependencyResolver _resolver;
    private readonly IReadOnlySet<string> _sharedAssemblies;

    /// <param name="pluginPath">The plugin's main assembly; must be absolute (the resolver reads the
    /// <c>.deps.json</c> next to it and resolves everything relative to it).</param>
    /// <param name="sharedAssemblies">Simple names of the assemblies taken from the host;
    /// <see cref="DefaultSharedAssemblies"/> when null.</param>
    public PluginLoadContext(string pluginPath, IReadOnlySet<string>? sharedAssemblies = null)
        : base($"ZkOs plugin {Path.GetFileName(pluginPath)}", isCollectible: false)
    {
        ArgumentException.ThrowIfNullOrEmpty(pluginPath);
        if (!Path.IsPathFullyQualified(pluginPath))
            throw new ArgumentException($"The plugin path must be absolute; got '{pluginPath}'.", nameof(pluginPath));
        PluginPath = pluginPath;
        _sharedAssemblies = sharedAssemblies ?? DefaultSharedAssemblies;
        _resolver = new AssemblyDependencyResolver(pluginPath);
    }

    /// <summary>
    /// ZkOs.Framework, and BouncyCastle.Crypto (Portable.BouncyCastle), which the framework depends on
    /// and whose types plugins may share with the host. The host must carry each of them.
    /// </summary>
    public static IReadOnlySet<string> DefaultSharedAssemblies { get; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "ZkOs.Framework", "BouncyCastle.Crypto" };

    public string PluginPath { get; }

    public bool IsShared(AssemblyName assemblyName) =>
        assemblyName.Name is { } name && _sharedAssemblies.Contains(name);

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // Null means "ask the default context": the host's copy, hence the host's types.
        if (IsShared(assemblyName))
            return null;

        // Also null for what the plugin does not carry itself (the .NET libraries): those are shared too.
        var path = _resolver.ResolveAssemblyToPath(assemblyName);
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}

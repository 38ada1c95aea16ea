// SPDX-License-Identifier: MIT
using System.Runtime.Loader;
using System.Text.Json.Nodes;
using ZkOs.Framework.Execution;

namespace ZkOs.Hosting.Tests;

/// <summary>
/// A plugin built without <c>Private=false</c> ships its own ZkOs.Framework.dll and lists it in its
/// .deps.json. These tests build such a plugin from the Good one and show that the shared-assembly rule
/// of <see cref="PluginLoadContext"/> is what keeps the host's types.
/// </summary>
public sealed class SecondFrameworkCopyTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly string _plugin;
    private readonly string _frameworkCopy;

    public SecondFrameworkCopyTests()
    {
        var source = Path.GetDirectoryName(TestPlugins.Good)!;
        foreach (var file in Directory.EnumerateFiles(source))
            File.Copy(file, Path.Combine(_directory.Path, Path.GetFileName(file)));
        _frameworkCopy = Path.Combine(_directory.Path, "ZkOs.Framework.dll");
        File.Copy(typeof(IExecutionEnvironment).Assembly.Location, _frameworkCopy);
        _plugin = Path.Combine(_directory.Path, Path.GetFileName(TestPlugins.Good));
        ListFrameworkInDepsJson(Path.ChangeExtension(_plugin, ".deps.json"));
    }

    [Fact]
    public void Load_PluginShippingTheFramework_StillUsesTheHostsCopy()
    {
        var plugin = new PluginLoader().Load(_plugin);

        Assert.Same(typeof(IExecutionEnvironment), plugin.Environments[0].GetType().GetInterface(typeof(IExecutionEnvironment).FullName!));
        Assert.DoesNotContain(plugin.LoadContext.Assemblies, a => a.Location == _frameworkCopy);
    }

    [Fact]
    public void Load_NothingShared_SecondCopyDetectedAndExplained()
    {
        var loader = new PluginLoader(new HashSet<string>());

        var error = Assert.Throws<ExecutionEnvironmentLoadException>(() => loader.Load(_plugin));

        // The plugin's attribute is its own copy's type, which the host's reflection does not recognise.
        Assert.Equal(ExecutionEnvironmentLoadError.NoExports, error.Error);
        Assert.Contains($"The plugin uses a second copy of ZkOs.Framework (from '{_frameworkCopy}'), not the host's", error.Message, StringComparison.Ordinal);
        Assert.Contains(AssemblyLoadContext.All, c => c.Assemblies.Any(a => a.Location == _frameworkCopy));
    }

    public void Dispose() => _directory.Dispose();

    private static void ListFrameworkInDepsJson(string depsJson)
    {
        var root = JsonNode.Parse(File.ReadAllText(depsJson))!;
        var target = root["targets"]![".NETCoreApp,Version=v10.0"]!.AsObject();
        target["ZkOs.Framework/1.0.0"] = new JsonObject { ["runtime"] = new JsonObject { ["ZkOs.Framework.dll"] = new JsonObject() } };
        target["ZkOs.TestPlugins.Good/1.0.0"]!["dependencies"]!["ZkOs.Framework"] = "1.0.0";
        root["libraries"]!["ZkOs.Framework/1.0.0"] = new JsonObject { ["type"] = "project", ["serviceable"] = false, ["sha512"] = "" };
        File.WriteAllText(depsJson, root.ToJsonString());
    }
}

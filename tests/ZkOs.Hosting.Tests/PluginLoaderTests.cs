// SPDX-License-Identifier: MIT
using System.Runtime.Loader;
using ZkOs.Framework;
using ZkOs.Framework.Execution;

namespace ZkOs.Hosting.Tests;

public sealed class PluginLoaderTests
{
    [Fact]
    public void Load_GoodPlugin_EnvironmentImplementsTheHostsOwnInterface()
    {
        var plugin = new PluginLoader().Load(TestPlugins.Good);

        var environment = Assert.Single(plugin.Environments);
        var implemented = environment.GetType().GetInterface(typeof(IExecutionEnvironment).FullName!);
        // One type, not two look-alikes: the framework was loaded once, by the host.
        Assert.NotNull(implemented);
        Assert.Same(typeof(IExecutionEnvironment), implemented);
        Assert.Same(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(implemented.Assembly));
        Assert.DoesNotContain(plugin.LoadContext.Assemblies, a => a.GetName().Name == "ZkOs.Framework");
        Assert.Same(plugin.LoadContext, AssemblyLoadContext.GetLoadContext(environment.GetType().Assembly));
        Assert.Equal(("good", (byte)3, FrameworkAbi.Version), (environment.Name, environment.Type, environment.AbiVersion));
    }

    [Fact]
    public void Load_GoodPlugin_ResolvesItsPrivateDependencyInItsOwnContext()
    {
        const string Dependency = "ZkOs.TestPlugins.GoodDependency";
        // The premise: the host cannot find the dependency by itself.
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, Dependency + ".dll")));

        var plugin = new PluginLoader().Load(TestPlugins.Good);

        Assert.Equal("1.2.3", plugin.Environments[0].Version);
        Assert.Contains(plugin.LoadContext.Assemblies, a => a.GetName().Name == Dependency);
    }

    [Fact]
    public void Load_RelativePath_LoadsFromTheAbsolutePath()
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), TestPlugins.Good);

        var plugin = new PluginLoader().Load(relative);

        Assert.Equal(TestPlugins.Good, plugin.Path);
        Assert.Equal(TestPlugins.Good, plugin.LoadContext.PluginPath);
        Assert.Equal(TestPlugins.Good, plugin.Assembly.Location);
    }

    [Fact]
    public void Load_SamePathTwice_ReturnsTheSamePlugin()
    {
        var loader = new PluginLoader();

        Assert.Same(loader.Load(TestPlugins.Good), loader.Load(TestPlugins.Good));
    }

    [Fact]
    public void Load_TwoPlugins_EachInItsOwnContext()
    {
        var loader = new PluginLoader();

        var good = loader.Load(TestPlugins.Good);
        var duplicate = loader.Load(TestPlugins.Duplicate);

        Assert.NotSame(good.LoadContext, duplicate.LoadContext);
        Assert.NotSame(AssemblyLoadContext.Default, good.LoadContext);
        Assert.False(good.LoadContext.IsCollectible);
        // Each plugin compiled its own TestEnvironment; both still implement the host's interface.
        Assert.NotSame(good.Environments[0].GetType().BaseType, duplicate.Environments[0].GetType().BaseType);
    }

    [Fact]
    public void Load_PluginExportingTwoEnvironments_CreatesBothInOrder()
    {
        var plugin = new PluginLoader().Load(TestPlugins.Duplicate);

        Assert.Equal(new[] { "duplicate:3", "other:6" }, plugin.Environments.Select(static e => $"{e.Name}:{e.Type}"));
    }

    [Fact]
    public void Load_MissingFile_NamesTheAbsolutePath()
    {
        using var directory = new TempDirectory();
        var missing = Path.Combine(directory.Path, "Missing.dll");

        var error = Assert.Throws<ExecutionEnvironmentLoadException>(
            () => new PluginLoader().Load(Path.GetRelativePath(Directory.GetCurrentDirectory(), missing)));

        Assert.Equal(ExecutionEnvironmentLoadError.PluginNotFound, error.Error);
        Assert.Equal(missing, error.PluginPath);
        Assert.StartsWith($"Plugin file not found: '{missing}'.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileThatIsNotAnAssembly_SaysSo()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("Fake.dll", "this is not a portable executable");

        var error = Assert.Throws<ExecutionEnvironmentLoadException>(() => new PluginLoader().Load(path));

        Assert.Equal(ExecutionEnvironmentLoadError.NotAnAssembly, error.Error);
        Assert.IsType<BadImageFormatException>(error.InnerException);
        Assert.StartsWith($"'{path}' is not a .NET assembly (", error.Message, StringComparison.Ordinal);
        Assert.Contains("<EnableDynamicLoading>true</EnableDynamicLoading>", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ZkOs.TestPlugins.NoEe", ExecutionEnvironmentLoadError.NoExports,
        "The assembly ZkOs.TestPlugins.NoEe at '{0}' exports no execution environment: add [assembly: ExecutionEnvironmentPlugin(typeof(YourEnvironment))] to it.")]
    [InlineData("ZkOs.TestPlugins.NotAnEe", ExecutionEnvironmentLoadError.NotAnEnvironment,
        "exports 'ZkOs.TestPlugins.NotAnEnvironment' in [assembly: ExecutionEnvironmentPlugin(...)], but that type does not implement ZkOs.Framework.Execution.IExecutionEnvironment.")]
    [InlineData("ZkOs.TestPlugins.NoCtor", ExecutionEnvironmentLoadError.NoParameterlessConstructor,
        "Execution environment type 'ZkOs.TestPlugins.ConfiguredEnvironment' from plugin '{0}' cannot be created: it has no public parameterless constructor.")]
    public void Load_PluginWithoutAUsableExport_FailsWithItsOwnError(string plugin, ExecutionEnvironmentLoadError expected, string message)
    {
        var path = TestPlugins.PathOf(plugin);

        var error = Assert.Throws<ExecutionEnvironmentLoadException>(() => new PluginLoader().Load(path));

        Assert.Equal(expected, error.Error);
        Assert.Equal(path, error.PluginPath);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(string.Format(null, message, path), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PluginBuiltForAnotherAbi_NamesBothVersions()
    {
        var error = Assert.Throws<ExecutionEnvironmentLoadException>(() => new PluginLoader().Load(TestPlugins.WrongAbi));

        Assert.Equal(ExecutionEnvironmentLoadError.AbiVersionMismatch, error.Error);
        Assert.Contains(
            $"'future' (ZkOs.TestPlugins.FutureEnvironment, plugin '{TestPlugins.WrongAbi}') was built for framework ABI version {FrameworkAbi.Version + 1}, " +
            $"but this host's ZkOs.Framework has ABI version {FrameworkAbi.Version}.",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void PluginLoadContext_RelativePath_Refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new PluginLoadContext("plugins/My.dll"));

        Assert.Contains("must be absolute", error.Message, StringComparison.Ordinal);
    }
}

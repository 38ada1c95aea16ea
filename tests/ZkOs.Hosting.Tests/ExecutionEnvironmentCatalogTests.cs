// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOs.Framework;
using ZkOs.Framework.Execution;

namespace ZkOs.Hosting.Tests;

public sealed class ExecutionEnvironmentCatalogTests
{
    [Fact]
    public void Build_DefaultConfiguration_RegistersBothBuiltIns()
    {
        var registry = new ExecutionEnvironmentCatalog(FakeEnvironment.BuiltIns()).Build(ZkOsConfiguration.Default);

        Assert.Equal(new[] { "1:EVM:built-in", "2:EraVM:built-in" }, registry.Environments.Select(static r => $"{r.Type}:{r.Environment.Name}:{r.Origin}"));
    }

    [Fact]
    public void Build_BuiltInsAndPluginFromAFile_RegistersEachWithItsOrigin()
    {
        using var directory = new TempDirectory();
        var relative = Path.GetRelativePath(directory.Path, TestPlugins.Good);
        var path = directory.Write("zkos.json", Config(
            """{ "type": 1, "builtin": "evm" }""",
            $$"""{ "type": 3, "plugin": {{Json(relative)}} }"""));

        var registry = new ExecutionEnvironmentCatalog(FakeEnvironment.BuiltIns()).Build(ZkOsConfiguration.Load(path));

        Assert.Equal(2, registry.Count);
        Assert.Equal("EVM", registry[EeType.Evm].Name);
        Assert.Equal("good", registry[3].Name);
        Assert.Same(registry[3], registry.Find(3));
        Assert.Null(registry.Find(EeType.None));
        Assert.Null(registry.Find(2));
        Assert.False(registry.TryGet(255, out _));
        Assert.Throws<KeyNotFoundException>(() => registry[2]);

        var evm = registry.GetRegistration(1)!;
        Assert.Equal((true, "built-in", "evm"), (evm.IsBuiltIn, evm.Origin, evm.BuiltInName));
        var good = registry.GetRegistration(3)!;
        Assert.Equal((false, TestPlugins.Good), (good.IsBuiltIn, good.Origin));
        Assert.Equal(new SourceLocation(path, 4, 5), good.Entry?.Location);
    }

    [Fact]
    public void Build_MissingPlugin_NamesTheAbsolutePathAndTheEntry()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("zkos.json", Config("""{ "type": 3, "plugin": "plugins/Missing.dll" }"""));
        var missing = Path.Combine(directory.Path, "plugins", "Missing.dll");

        var error = Build(ZkOsConfiguration.Load(path));

        Assert.Equal(ExecutionEnvironmentLoadError.PluginNotFound, error.Error);
        Assert.Equal(missing, error.PluginPath);
        Assert.StartsWith(
            $"Plugin file not found: '{missing}' (configuration entry {{ \"type\": 3, \"plugin\": \"plugins/Missing.dll\" }} at {path}:3:5). ",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FileThatIsNotAnAssembly_NamesTheEntry()
    {
        using var directory = new TempDirectory();
        directory.Write("Native.so.dll", "\u007fELF not really");
        var path = directory.Write("zkos.json", Config("""{ "type": 3, "plugin": "Native.so.dll" }"""));

        var error = Build(ZkOsConfiguration.Load(path));

        Assert.Equal(ExecutionEnvironmentLoadError.NotAnAssembly, error.Error);
        Assert.Contains($"is not a .NET assembly", error.Message, StringComparison.Ordinal);
        Assert.Contains($"at {path}:3:5", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TwoPluginsOnOneTypeByte_NamesBothOrigins()
    {
        var error = Build(Parse(
            $$"""{ "type": 3, "plugin": {{Json(TestPlugins.Good)}} }""",
            $$"""{ "type": 3, "plugin": {{Json(TestPlugins.Duplicate)}} }"""));

        Assert.Equal(ExecutionEnvironmentLoadError.DuplicateType, error.Error);
        Assert.Equal(
            $"Type byte 3 is claimed twice: by 'good' (ZkOs.TestPlugins.GoodEnvironment, plugin '{TestPlugins.Good}', configured at zkos.json:3:5) " +
            $"and by 'duplicate' (ZkOs.TestPlugins.DuplicateEnvironment, plugin '{TestPlugins.Duplicate}', configured at zkos.json:4:5). " +
            "Each execution environment needs its own type byte; remove or disable one of them.",
            error.Message);
    }

    [Fact]
    public void Build_BuiltInAndPluginOnOneTypeByte_NamesBothOrigins()
    {
        var builtIns = FakeEnvironment.BuiltIns().Add("three", () => new FakeEnvironment(3, "Three"));

        var error = Build(
            Parse("""{ "type": 3, "builtin": "three" }""", $$"""{ "type": 3, "plugin": {{Json(TestPlugins.Good)}} }"""),
            builtIns);

        Assert.Equal(ExecutionEnvironmentLoadError.DuplicateType, error.Error);
        Assert.Contains("by 'Three' (ZkOs.Hosting.Tests.FakeEnvironment, built-in 'three', configured at zkos.json:3:5)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"and by 'good' (ZkOs.TestPlugins.GoodEnvironment, plugin '{TestPlugins.Good}', configured at zkos.json:4:5)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PluginOnAnotherTypeByte_SaysBothBytes()
    {
        var error = Build(Parse($$"""{ "type": 7, "plugin": {{Json(TestPlugins.Good)}} }"""));

        Assert.Equal(ExecutionEnvironmentLoadError.TypeMismatch, error.Error);
        Assert.Equal(
            $"Type byte 7 is assigned to 'good' (ZkOs.TestPlugins.GoodEnvironment, plugin '{TestPlugins.Good}', configured at zkos.json:3:5), " +
            "but the environment reports type byte 3. Set the entry's \"type\" to 3, or change the environment.",
            error.Message);
    }

    [Fact]
    public void Build_BuiltInOnAnotherTypeByte_SaysBothBytes()
    {
        var error = Build(Parse("""{ "type": 5, "builtin": "evm" }"""));

        Assert.Equal(ExecutionEnvironmentLoadError.TypeMismatch, error.Error);
        Assert.Contains("Type byte 5 is assigned to 'EVM' (ZkOs.Hosting.Tests.FakeEnvironment, built-in 'evm', configured at zkos.json:3:5), but the environment reports type byte 1.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PluginExportingSeveral_PicksTheOneWithTheEntrysByte()
    {
        var registry = new ExecutionEnvironmentCatalog(BuiltInEnvironments.None)
            .Build([ExecutionEnvironmentEntry.ForPlugin(6, TestPlugins.Duplicate)]);

        Assert.Equal("other", Assert.Single(registry.Environments).Environment.Name);
        Assert.Equal("other", registry[6].Name);
    }

    [Fact]
    public void Build_PluginExportingSeveralNoneOnTheByte_ListsWhatItExports()
    {
        var error = Build(Parse($$"""{ "type": 9, "plugin": {{Json(TestPlugins.Duplicate)}} }"""));

        Assert.Equal(ExecutionEnvironmentLoadError.TypeMismatch, error.Error);
        Assert.Contains(
            $"Type byte 9 is assigned to plugin '{TestPlugins.Duplicate}' (configuration entry ",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("it exports 'duplicate' (type byte 3), 'other' (type byte 6).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_UnknownBuiltIn_ListsTheKnownOnes()
    {
        var error = Build(Parse("""{ "type": 1, "builtin": "evmm" }"""));

        Assert.Equal(ExecutionEnvironmentLoadError.UnknownBuiltIn, error.Error);
        Assert.Equal(
            "Unknown built-in execution environment 'evmm' (configuration entry { \"type\": 1, \"builtin\": \"evmm\" } at zkos.json:3:5). " +
            "The built-ins this host registers are: 'evm', 'eravm'.",
            error.Message);
    }

    [Fact]
    public void Build_BuiltInWithoutBuiltIns_SaysThereAreNone()
    {
        var error = Build(ZkOsConfiguration.Default, BuiltInEnvironments.None);

        Assert.Equal(ExecutionEnvironmentLoadError.UnknownBuiltIn, error.Error);
        Assert.Contains("This host registers no built-in execution environments", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TypeByteZero_ReservedBeforeLoadingAnything()
    {
        var error = Build(new ZkOsConfiguration { ExecutionEnvironments = [ExecutionEnvironmentEntry.ForPlugin(0, "never/loaded.dll")] });

        Assert.Equal(ExecutionEnvironmentLoadError.ReservedType, error.Error);
        Assert.StartsWith(
            "Type byte 0 is reserved for \"no execution environment\" (externally owned accounts), so it cannot be given to an execution environment " +
            "(configuration entry { \"type\": 0, \"plugin\": \"never/loaded.dll\" }).",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PluginBuiltForAnotherAbi_NamesBothVersionsAndTheEntry()
    {
        var error = Build(Parse($$"""{ "type": 4, "plugin": {{Json(TestPlugins.WrongAbi)}} }"""));

        Assert.Equal(ExecutionEnvironmentLoadError.AbiVersionMismatch, error.Error);
        Assert.Contains($"configured at zkos.json:3:5) was built for framework ABI version {FrameworkAbi.Version + 1}", error.Message, StringComparison.Ordinal);
        Assert.Contains($"this host's ZkOs.Framework has ABI version {FrameworkAbi.Version}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_BuiltInFactoryThrows_ConstructorFailed()
    {
        var builtIns = new BuiltInEnvironments().Add("evm", static () => throw new InvalidOperationException("no tables"));

        var error = Build(Parse("""{ "type": 1, "builtin": "evm" }"""), builtIns);

        Assert.Equal(ExecutionEnvironmentLoadError.ConstructorFailed, error.Error);
        Assert.Contains("Creating the execution environment built-in 'evm' (configuration entry", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("failed: InvalidOperationException: no tables", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_DisabledEntries_NeitherLoadedNorChecked()
    {
        var registry = new ExecutionEnvironmentCatalog(FakeEnvironment.BuiltIns()).Build(Parse(
            """{ "type": 1, "builtin": "evm" }""",
            """{ "type": 1, "builtin": "unknown", "enabled": false }""",
            """{ "type": 3, "plugin": "/does/not/exist.dll", "enabled": false }"""));

        Assert.Equal("EVM", Assert.Single(registry.Environments).Environment.Name);
    }

    private static ExecutionEnvironmentLoadException Build(ZkOsConfiguration configuration, IBuiltInEnvironments? builtIns = null) =>
        Assert.Throws<ExecutionEnvironmentLoadException>(
            () => new ExecutionEnvironmentCatalog(builtIns ?? FakeEnvironment.BuiltIns()).Build(configuration));

    /// <summary>A configuration whose entries start at line 3, column 5 of "zkos.json", one per line.</summary>
    private static ZkOsConfiguration Parse(params string[] entries) => ZkOsConfiguration.Parse(Config(entries), "zkos.json");

    private static string Config(params string[] entries) =>
        "{\n  \"executionEnvironments\": [\n    " + string.Join(",\n    ", entries) + "\n  ]\n}";

    private static string Json(string text) => JsonSerializer.Serialize(text);
}

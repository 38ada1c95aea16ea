// SPDX-License-Identifier: MIT
using System.Text;

namespace ZkOs.Hosting.Tests;

public sealed class ZkOsConfigurationTests
{
    [Fact]
    public void LoadDefault_EmbeddedFile_BothBuiltInsForwardZkSyncInMemory()
    {
        var configuration = ZkOsConfiguration.LoadDefault();

        Assert.Collection(
            configuration.ExecutionEnvironments,
            e => Assert.Equal((1, "evm", true), (e.Type, e.BuiltIn, e.Enabled)),
            e => Assert.Equal((2, "eravm", true), (e.Type, e.BuiltIn, e.Enabled)));
        Assert.Equal(RunMode.Forward, configuration.Mode);
        Assert.Equal(PolicyKind.ZkSync, configuration.Policy);
        Assert.Equal(StorageConfiguration.InMemory, configuration.Storage);
        Assert.Equal(new ChainConfiguration { ChainId = 270, Fork = "Cancun" }, configuration.Chain);
        Assert.Equal(ZkOsConfiguration.DefaultSourceName, configuration.SourceName);
    }

    [Fact]
    public void Default_EmbeddedFile_AgreesWithTheDefaultsInCode()
    {
        var fromFile = ZkOsConfiguration.Default;
        var inCode = new ZkOsConfiguration();

        Assert.Same(fromFile, ZkOsConfiguration.Default);
        Assert.Equal(Summary(inCode.ExecutionEnvironments), Summary(fromFile.ExecutionEnvironments));
        Assert.Equal(inCode with { ExecutionEnvironments = [], SourceName = null }, fromFile with { ExecutionEnvironments = [], SourceName = null });
    }

    [Fact]
    public void Parse_EmptyObject_EveryDefault()
    {
        var configuration = ZkOsConfiguration.Parse("{}", "empty.json");

        Assert.Equal(Summary(ZkOsConfiguration.DefaultExecutionEnvironments), Summary(configuration.ExecutionEnvironments));
        Assert.Equal(RunMode.Forward, configuration.Mode);
        Assert.Equal(PolicyKind.ZkSync, configuration.Policy);
        Assert.Equal(StorageKind.Memory, configuration.Storage.Kind);
        Assert.Equal((270UL, "Cancun"), (configuration.Chain.ChainId, configuration.Chain.Fork));
    }

    [Fact]
    public void Parse_EveryProperty_ReadsEachValue()
    {
        const string Json = """
            {
              "executionEnvironments": [
                { "type": 1, "builtin": "evm" },
                { "type": 3, "plugin": "/opt/vms/My.dll", "enabled": false }
              ],
              "mode": "proving",
              "policy": "ethereum",
              "storage": { "kind": "sqlite", "path": "/var/zkos/state.db" },
              "chain": { "chainId": 1, "fork": "Prague" }
            }
            """;

        var configuration = ZkOsConfiguration.Parse(Json, "/etc/zkos.json");

        Assert.Equal(2, configuration.ExecutionEnvironments.Count);
        var plugin = configuration.ExecutionEnvironments[1];
        Assert.Equal((3, null, "/opt/vms/My.dll", false), (plugin.Type, plugin.BuiltIn, plugin.Plugin, plugin.Enabled));
        Assert.Equal(new SourceLocation("/etc/zkos.json", 4, 5), plugin.Location);
        Assert.Equal(RunMode.Proving, configuration.Mode);
        Assert.Equal(PolicyKind.Ethereum, configuration.Policy);
        Assert.Equal(new StorageConfiguration { Kind = StorageKind.Sqlite, Path = "/var/zkos/state.db" }, configuration.Storage);
        Assert.Equal(new ChainConfiguration { ChainId = 1, Fork = "Prague" }, configuration.Chain);
    }

    [Fact]
    public void Parse_RelativePaths_ResolveAgainstTheBaseDirectory()
    {
        const string Json = """
            {
              "executionEnvironments": [ { "type": 3, "plugin": "plugins/My.dll" } ],
              "storage": { "kind": "sqlite", "path": "../data/state.db" }
            }
            """;

        var configuration = ZkOsConfiguration.Parse(Json, "inline", baseDirectory: "/srv/zkos/config");

        var entry = Assert.Single(configuration.ExecutionEnvironments);
        Assert.Equal("/srv/zkos/config/plugins/My.dll", entry.Plugin);
        Assert.Equal("plugins/My.dll", entry.PluginAsWritten);
        Assert.Equal("/srv/zkos/data/state.db", configuration.Storage.Path);
    }

    [Fact]
    public void Load_RelativePaths_ResolveAgainstTheFilesFolder()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("conf/zkos.json", """{ "executionEnvironments": [ { "type": 3, "plugin": "../plugins/My.dll" } ] }""");

        var configuration = ZkOsConfiguration.Load(path);

        Assert.Equal(Path.Combine(directory.Path, "plugins", "My.dll"), configuration.ExecutionEnvironments[0].Plugin);
        Assert.Equal(path, configuration.SourceName);
        Assert.Equal(new SourceLocation(path, 1, 30), configuration.ExecutionEnvironments[0].Location);
    }

    [Fact]
    public void Load_ByteOrderMarkAndComments_Accepted()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "zkos.json");
        File.WriteAllText(path, "{\n  // proving, for the prover\n  \"mode\": /* yes */ \"proving\"\n}", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal(RunMode.Proving, ZkOsConfiguration.Load(path).Mode);
    }

    [Fact]
    public void Load_MissingFile_NamesTheAbsolutePath()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "nope", "zkos.json");

        var error = Assert.Throws<ConfigurationException>(() => ZkOsConfiguration.Load(path));

        Assert.Equal(path, error.SourceName);
        Assert.Null(error.Line);
        Assert.Equal($"{path}: the configuration file does not exist.", error.Message);
    }

    [Fact]
    public void Load_InvalidFile_MessageStartsWithPathLineAndColumn()
    {
        using var directory = new TempDirectory();
        var path = directory.Write("zkos.json", "{\n  \"mode\": \"fast\"\n}");

        var error = Assert.Throws<ConfigurationException>(() => ZkOsConfiguration.Load(path));

        Assert.Equal($"{path}:2:11: mode \"fast\" is not one of \"forward\", \"proving\".", error.Message);
    }

    [Theory]
    // Not the schema: unknown properties, with a hint when only the case is wrong.
    [InlineData("{\n  \"modes\": \"forward\"\n}", 2, 3, "unknown property \"modes\" in the configuration; the properties allowed there are \"executionEnvironments\", \"mode\"")]
    [InlineData("{\n  \"Mode\": \"forward\"\n}", 2, 3, "Did you mean \"mode\"? (Names are case-sensitive.)")]
    [InlineData("{\n  \"executionEnvironments\": [\n    { \"type\": 3, \"path\": \"x.dll\" }\n  ]\n}", 3, 18, "unknown property \"path\" in executionEnvironments[0]")]
    [InlineData("{\n  \"storage\": { \"kind\": \"sqlite\", \"path\": \"é.db\", \"x\": 1 }\n}", 2, 50, "unknown property \"x\" in \"storage\"")]
    [InlineData("{\n  \"mode\": \"forward\",\n  \"mode\": \"proving\"\n}", 3, 3, "\"mode\" appears twice in the configuration")]
    // Wrong types.
    [InlineData("[]", 1, 1, "the configuration must be a JSON object")]
    [InlineData("{\n  \"mode\": 1\n}", 2, 11, "mode must be one of \"forward\", \"proving\", not a number.")]
    [InlineData("{\n  \"executionEnvironments\": {}\n}", 2, 28, "\"executionEnvironments\" must be an array")]
    [InlineData("{\n  \"executionEnvironments\": [ 1 ]\n}", 2, 30, "executionEnvironments[0] must be an object")]
    [InlineData("{\n  \"executionEnvironments\": [\n    { \"type\": \"3\", \"plugin\": \"x.dll\" }\n  ]\n}", 3, 15, "executionEnvironments[0].type must be an integer from 1 to 255 (1 = EVM, 2 = EraVM, plugins from 3), not a string.")]
    [InlineData("{\n  \"executionEnvironments\": [\n    { \"type\": 3, \"plugin\": 5 }\n  ]\n}", 3, 28, "executionEnvironments[0].plugin must be a string")]
    [InlineData("{\n  \"executionEnvironments\": [\n    { \"type\": 1, \"builtin\": \"evm\", \"enabled\": \"yes\" }\n  ]\n}", 3, 47, "executionEnvironments[0].enabled must be true or false, not a string.")]
    [InlineData("{\n  \"chain\": { \"chainId\": \"270\" }\n}", 2, 25, "chain.chainId must be a positive integer (EIP-155 chain ID, e.g. 270), not a string.")]
    [InlineData("{\n  \"storage\": \"memory\"\n}", 2, 14, "\"storage\" must be an object")]
    // Bad values.
    [InlineData("{\n  \"mode\": \"fast\"\n}", 2, 11, "mode \"fast\" is not one of \"forward\", \"proving\".")]
    [InlineData("{\n  \"policy\": \"Ethereum\"\n}", 2, 13, "policy \"Ethereum\" is not one of \"zksync\", \"ethereum\". Did you mean \"ethereum\"?")]
    [InlineData("{\n  \"storage\": { \"kind\": \"rocksdb\" }\n}", 2, 24, "storage.kind \"rocksdb\" is not one of \"memory\", \"sqlite\".")]
    [InlineData("{\n  \"executionEnvironments\": [\n    { \"type\": 0, \"builtin\": \"evm\" }\n  ]\n}", 3, 15, "executionEnvironments[0].type 0 is reserved for \"no execution environment\"")]
    [InlineData("{\n  \"executionEnvironments\": [\n    { \"type\": 256, \"builtin\": \"evm\" }\n  ]\n}", 3, 15, "256 is out of range.")]
    [InlineData("{\n  \"executionEnvironments\": [\n    { \"type\": -1, \"builtin\": \"evm\" }\n  ]\n}", 3, 15, "-1 is out of range.")]
    [InlineData("{\n  \"executionEnvironments\": [\n    { \"type\": 1.5, \"builtin\": \"evm\" }\n  ]\n}", 3, 15, "1.5 is not an integer.")]
    [InlineData("{\n  \"executionEnvironments\": [\n    { \"type\": 1, \"builtin\": \"\" }\n  ]\n}", 3, 29, "executionEnvironments[0].builtin must not be empty")]
    [InlineData("{\n  \"chain\": { \"chainId\": 0 }\n}", 2, 25, "chain.chainId must be a positive integer (EIP-155 chain ID, e.g. 270); 0 is not.")]
    [InlineData("{\n  \"chain\": { \"chainId\": -5 }\n}", 2, 25, "-5 is not.")]
    [InlineData("{\n  \"chain\": { \"fork\": \"Cancoon\" }\n}", 2, 22, "chain.fork \"Cancoon\" is not one of \"Frontier\"")]
    [InlineData("{\n  \"chain\": { \"fork\": \"cancun\" }\n}", 2, 22, "Did you mean \"Cancun\"?")]
    // Properties that need (or exclude) each other: reported at the start of their object.
    [InlineData("{\n  \"executionEnvironments\": [\n    { \"builtin\": \"evm\" }\n  ]\n}", 3, 5, "executionEnvironments[0] has no \"type\"")]
    [InlineData("{\n  \"executionEnvironments\": [\n    { \"type\": 3 }\n  ]\n}", 3, 5, "executionEnvironments[0] needs either \"builtin\"")]
    [InlineData("{\n  \"executionEnvironments\": [\n    { \"type\": 1, \"builtin\": \"evm\" },\n    { \"type\": 3, \"builtin\": \"evm\", \"plugin\": \"x.dll\" }\n  ]\n}", 4, 5, "executionEnvironments[1] has both \"builtin\" and \"plugin\"")]
    [InlineData("{\n  \"storage\": { \"kind\": \"sqlite\" }\n}", 2, 14, "storage.kind \"sqlite\" needs \"path\"")]
    [InlineData("{\n  \"storage\": { \"kind\": \"memory\", \"path\": \"x.db\" }\n}", 2, 42, "storage.path applies only to \"kind\": \"sqlite\"")]
    // Not JSON.
    [InlineData("", 1, 1, "invalid JSON: The input does not contain any JSON tokens.")]
    [InlineData("{\n  \"mode\": \"forward\"\n  \"policy\": \"zksync\"\n}", 3, 3, "invalid JSON: ")]
    [InlineData("{\n  \"mode\": \"forward\",\n}", 3, 1, "invalid JSON: The JSON object contains a trailing comma")]
    [InlineData("{}\n{}", 2, 1, "invalid JSON: ")]
    public void Parse_InvalidConfiguration_ReportsLineColumnAndProblem(string json, int line, int column, string problem)
    {
        var error = Assert.Throws<ConfigurationException>(() => ZkOsConfiguration.Parse(json, "test.json"));

        Assert.Equal(("test.json", line, column), (error.SourceName, error.Line, error.Column));
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
        Assert.StartsWith($"test.json:{line}:{column}: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("reader options", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TruncatedFile_InvalidJsonOnTheLastLine()
    {
        var error = Assert.Throws<ConfigurationException>(() => ZkOsConfiguration.Parse("{\n  \"mode\": \"forward\",", "test.json"));

        Assert.Equal(2, error.Line);
        Assert.StartsWith("invalid JSON: ", error.Problem, StringComparison.Ordinal);
    }

    private static string Summary(IEnumerable<ExecutionEnvironmentEntry> entries) =>
        string.Join("; ", entries.Select(static e => $"{e.Type}:{e.BuiltIn}:{e.Plugin}:{e.Enabled}"));
}

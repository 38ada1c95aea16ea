// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Execution;
using ZkOs.Evm;
using ZkOs.Hosting;

namespace ZkOs.Cli;

/// <summary>
/// The execution environments a command runs with: those of <c>--config</c>, or of the embedded
/// default (zkos.default.json), whose relative plugin paths resolve against the CLI's own folder.
/// </summary>
internal static class ConfiguredEnvironments
{
    private const string DefaultResource = "ZkOs.Cli.zkos.default.json";

    public static ExecutionEnvironmentRegistry Load(string? configPath) =>
        new ExecutionEnvironmentCatalog(BuiltIns).Build(LoadConfiguration(configPath));

    public static ZkOsConfiguration LoadConfiguration(string? configPath) =>
        configPath is null ? LoadDefault() : ZkOsConfiguration.Load(configPath);

    /// <summary>The EEs linked into the CLI.</summary>
    public static IBuiltInEnvironments BuiltIns { get; } = new BuiltInEnvironments
    {
        { BuiltInEnvironments.Evm, () => new EvmEnvironment() },
        { BuiltInEnvironments.EraVm, () => new EraVmEnvironment() },
    };

    public static bool IsConfigurationError(Exception e) =>
        e is ConfigurationException or ExecutionEnvironmentLoadException;

    private static ZkOsConfiguration LoadDefault()
    {
        using var stream = typeof(ConfiguredEnvironments).Assembly.GetManifestResourceStream(DefaultResource)
            ?? throw new InvalidOperationException($"The embedded resource {DefaultResource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return ZkOsConfiguration.Parse(reader.ReadToEnd(), "embedded zkos.default.json", AppContext.BaseDirectory);
    }
}

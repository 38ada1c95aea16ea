// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync.Blocks;
using ZkOs.Framework.Execution;

namespace ZkOs.Cli.Commands;

/// <summary>What the ZKsync commands (run, witness, prove-run) share: the block file and the EEs.</summary>
internal static class ZkSyncInputs
{
    private const string SampleResource = "ZkOs.Cli.sample-block.json";

    /// <summary>The block file at <paramref name="path"/>, or the embedded sample block (samples/ZkSyncBlock/sample-block.json).</summary>
    public static ZkSyncBlockFile LoadBlock(string? path) => path is null ? LoadSample() : ZkSyncBlockFileReader.Load(path);

    /// <summary>The EEs of the configuration, indexed by type; the EVM is required.</summary>
    public static IExecutionEnvironment?[] Environments(string? configPath)
    {
        var registry = ConfiguredEnvironments.Load(configPath);
        var environments = new IExecutionEnvironment?[256];
        foreach (var registration in registry.Environments)
        {
            environments[registration.Type] = registration.Environment;
        }
        if (environments[EeType.Evm] is null)
        {
            throw new CliInputException("the configuration has no EVM (type 1): ZKsync blocks deploy and run EVM code.");
        }
        return environments;
    }

    private static ZkSyncBlockFile LoadSample()
    {
        using var stream = typeof(ZkSyncInputs).Assembly.GetManifestResourceStream(SampleResource)
            ?? throw new InvalidOperationException($"The embedded resource {SampleResource} is missing from the build.");
        using var reader = new StreamReader(stream);
        return ZkSyncBlockFileReader.Parse(reader.ReadToEnd(), "embedded sample-block.json");
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.TestPlugins;

[assembly: ExecutionEnvironmentPlugin(typeof(ConfiguredEnvironment))]

namespace ZkOs.TestPlugins;

/// <summary>An EE that wants a constructor argument the host has no way to supply.</summary>
public sealed class ConfiguredEnvironment(string name) : TestEnvironment
{
    public override byte Type => 3;

    public override string Name => name;
}

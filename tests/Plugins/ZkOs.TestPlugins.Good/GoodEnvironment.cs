// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.TestPlugins;
using ZkOs.TestPlugins.GoodDependency;

[assembly: ExecutionEnvironmentPlugin(typeof(GoodEnvironment))]

namespace ZkOs.TestPlugins;

public sealed class GoodEnvironment : TestEnvironment
{
    public const byte TypeByte = EeType.FirstPlugin;

    public override byte Type => TypeByte;

    public override string Name => "good";

    public override string Version => GoodVersion.Value;
}

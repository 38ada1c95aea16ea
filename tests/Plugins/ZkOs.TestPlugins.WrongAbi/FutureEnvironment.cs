// SPDX-License-Identifier: MIT
using ZkOs.Framework;
using ZkOs.Framework.Execution;
using ZkOs.TestPlugins;

[assembly: ExecutionEnvironmentPlugin(typeof(FutureEnvironment))]

namespace ZkOs.TestPlugins;

/// <summary>Claims a framework ABI one newer than the one it was built with, as a stale host would see it.</summary>
public sealed class FutureEnvironment : TestEnvironment
{
    public override byte Type => 4;

    public override string Name => "future";

    public override int AbiVersion => FrameworkAbi.Version + 1;
}

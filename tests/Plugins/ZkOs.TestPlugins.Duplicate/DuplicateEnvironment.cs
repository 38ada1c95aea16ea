// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.TestPlugins;

[assembly: ExecutionEnvironmentPlugin(typeof(DuplicateEnvironment))]
[assembly: ExecutionEnvironmentPlugin(typeof(OtherEnvironment))]

namespace ZkOs.TestPlugins;

/// <summary>Takes the Good plugin's type byte, so loading both under it must fail.</summary>
public sealed class DuplicateEnvironment : TestEnvironment
{
    public override byte Type => EeType.FirstPlugin;

    public override string Name => "duplicate";
}

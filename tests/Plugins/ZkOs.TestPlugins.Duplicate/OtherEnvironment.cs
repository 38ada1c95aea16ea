// SPDX-License-Identifier: MIT
namespace ZkOs.TestPlugins;

/// <summary>The plugin's second EE, so a configuration entry has to pick one by its type byte.</summary>
public sealed class OtherEnvironment : TestEnvironment
{
    public override byte Type => 6;

    public override string Name => "other";
}

// SPDX-License-Identifier: MIT
namespace ZkOs.TestPlugins;

/// <summary>A valid EE that the assembly does not export: the attribute is missing on purpose.</summary>
public sealed class ForgottenEnvironment : TestEnvironment
{
    public override byte Type => 3;

    public override string Name => "forgotten";
}

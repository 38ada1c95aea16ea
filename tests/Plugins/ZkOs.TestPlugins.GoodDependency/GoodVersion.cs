// SPDX-License-Identifier: MIT
namespace ZkOs.TestPlugins.GoodDependency;

/// <summary>A value the Good plugin reads at run time, so its dependency must really be loaded.</summary>
public static class GoodVersion
{
    // A property, not a const: a const would be copied into the plugin and the dependency never loaded.
    public static string Value { get; } = "1.2.3";
}

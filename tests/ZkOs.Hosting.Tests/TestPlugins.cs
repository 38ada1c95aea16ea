// SPDX-License-Identifier: MIT
using System.Reflection;

namespace ZkOs.Hosting.Tests;

/// <summary>
/// Where the test plugins were built. The paths come from the build (see AddTestPluginPaths in the
/// project file), relative to this assembly's folder, so they hold for any ArtifactsPath or configuration.
/// </summary>
internal static class TestPlugins
{
    public const string GoodName = "ZkOs.TestPlugins.Good";

    public static string Good => PathOf(GoodName);

    public static string NoEe => PathOf("ZkOs.TestPlugins.NoEe");

    public static string NotAnEe => PathOf("ZkOs.TestPlugins.NotAnEe");

    public static string NoCtor => PathOf("ZkOs.TestPlugins.NoCtor");

    public static string WrongAbi => PathOf("ZkOs.TestPlugins.WrongAbi");

    public static string Duplicate => PathOf("ZkOs.TestPlugins.Duplicate");

    public static string PathOf(string plugin)
    {
        var key = $"TestPlugin:{plugin}";
        var assembly = typeof(TestPlugins).Assembly;
        var relative = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
            ?? throw new InvalidOperationException($"No [AssemblyMetadata(\"{key}\")]: add the plugin to the TestPlugin items of the project.");
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(assembly.Location)!, relative));
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The test plugin {plugin} is not built at '{path}': build ZkOs.Hosting.Tests.");
    }
}

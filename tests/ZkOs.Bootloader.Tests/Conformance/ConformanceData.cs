// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOs.Bootloader.Tests.Conformance;

/// <summary>
/// Where the shared conformance data is: <c>../shared/conformance</c> next to the repository root (the
/// folder holding Framework.sln). The data is read in place, never copied into the repository.
/// </summary>
internal static class ConformanceData
{
    private static readonly Lazy<string> _root = new(FindRoot);

    public static string Root => _root.Value;

    public static string StateTests => Path.Combine(Root, "state-tests", "GeneralStateTests");

    public static string Benchmarks => Path.Combine(Root, "evm-benchmarks", "benchmarks");

    public static string MainnetBlock => Path.Combine(Root, "mainnet-blocks", "22244135");

    /// <summary>A file under GeneralStateTests, by its '/'-separated relative path.</summary>
    public static string StateTest(string relative) => Path.Combine(StateTests, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string FindRoot()
    {
        // The build output is normally under the repository; with a private ArtifactsPath it is not,
        // and the source file's own location (fixed at compile time) still is.
        var repository = WalkUp(AppContext.BaseDirectory) ?? WalkUp(Path.GetDirectoryName(SourceFile())!)
            ?? throw new InvalidOperationException($"no folder holding Framework.sln above {AppContext.BaseDirectory}");
        var root = Path.GetFullPath(Path.Combine(repository, "..", "shared", "conformance"));
        return Directory.Exists(root) ? root : throw new InvalidOperationException($"the conformance data is not at {root}");
    }

    private static string? WalkUp(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Framework.sln")))
            {
                return directory.FullName;
            }
        }
        return null;
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}

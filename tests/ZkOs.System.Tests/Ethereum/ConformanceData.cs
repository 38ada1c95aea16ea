// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOs.System.Tests.Ethereum;

/// <summary>
/// Where the shared conformance data lies: <c>../shared/conformance</c> from the repository root
/// (the folder holding Framework.sln). It is read in place, never copied into the repository.
/// </summary>
internal static class ConformanceData
{
    private static readonly Lazy<string> _root = new(Locate);

    /// <summary>The conformance folder; a missing folder fails the test that needs it, saying where it looked.</summary>
    public static string Root => _root.Value;

    /// <summary>A file under state-tests/GeneralStateTests, by its path relative to that folder.</summary>
    public static string StateTest(string relativePath) =>
        Path.Combine(Root, "state-tests", "GeneralStateTests", relativePath);

    /// <summary>A file of the recorded mainnet block 22244135.</summary>
    public static string MainnetBlock(string fileName) =>
        Path.Combine(Root, "mainnet-blocks", "22244135", fileName);

    private static string Locate()
    {
        // The test binaries normally live under the repository (artifacts/); the source location is
        // the fallback for builds whose output is elsewhere.
        string? repository = FindRepository(AppContext.BaseDirectory) ?? FindRepository(SourceDirectory());
        if (repository is null)
            throw new InvalidOperationException(
                $"no folder holding Framework.sln above {AppContext.BaseDirectory} or {SourceDirectory()}");
        string root = Path.GetFullPath(Path.Combine(repository, "..", "shared", "conformance"));
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"the shared conformance data is not at {root}");
        return root;
    }

    private static string? FindRepository(string? start)
    {
        for (var dir = start is null ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Framework.sln")))
                return dir.FullName;
        }
        return null;
    }

    private static string? SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path);
}

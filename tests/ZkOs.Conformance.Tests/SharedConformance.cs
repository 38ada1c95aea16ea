// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOs.Conformance.Tests;

/// <summary>
/// Finds ../shared/conformance next to the repository root (the folder holding Framework.sln), walking
/// up from the test assembly, or from this source file when the build output lives outside the
/// repository (a custom ArtifactsPath). The data is read in place, never copied.
/// </summary>
internal static class SharedConformance
{
    public static string Root { get; } = Locate(AppContext.BaseDirectory) ?? Locate(SourceDirectory()) ??
        throw new DirectoryNotFoundException("../shared/conformance was not found next to the repository (the folder holding Framework.sln).");

    public static string StateTests => Path.Combine(Root, "state-tests", "GeneralStateTests");

    private static string? Locate(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance"));
            if (File.Exists(Path.Combine(dir.FullName, "Framework.sln")) && Directory.Exists(shared))
            {
                return shared;
            }
        }
        return null;
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

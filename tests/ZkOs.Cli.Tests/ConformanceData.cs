// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOs.Cli.Tests;

/// <summary>
/// The shared conformance data sits next to the repository (the folder holding Framework.sln): found from
/// the test assembly, or from this source file when the build output lives elsewhere. A CI build maps
/// source paths to /_/, so the assembly's location comes first.
/// </summary>
internal static class ConformanceData
{
    /// <summary>A path under <c>../shared/conformance</c>, by its '/'-separated relative path.</summary>
    public static string Path(string relative, [CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, System.IO.Path.GetDirectoryName(source)! })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(directory.FullName, "Framework.sln")))
                {
                    return System.IO.Path.GetFullPath(System.IO.Path.Combine(directory.FullName, "..", "shared", "conformance", relative));
                }
            }
        }
        throw new InvalidOperationException($"no folder holding Framework.sln above {AppContext.BaseDirectory} or {source}");
    }
}

// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOs.EraVm.Tests;

/// <summary>
/// The conformance data sits next to the repository (the folder holding Framework.sln): found from the
/// test assembly, or from this source file when the build output lives elsewhere.
/// </summary>
internal static class SharedData
{
    public static string EraVm(string relative, [CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Repository(source), "..", "shared", "conformance", "eravm", relative));

    /// <summary>
    /// The repository root. CI builds map source paths to <c>/_/</c>, so the test assembly's own folder
    /// is searched first and the source file's path only when the build output lives elsewhere.
    /// </summary>
    public static string Repository([CallerFilePath] string source = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source)! })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Framework.sln")))
                {
                    return directory.FullName;
                }
            }
        }
        throw new InvalidOperationException($"no folder holding Framework.sln above {AppContext.BaseDirectory} or {source}");
    }

    /// <summary>Splits a CSV line, honouring double-quoted fields (the assembler text holds commas).</summary>
    public static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields;
    }

    /// <summary>decode_vectors.csv names contracts as "File.sol:Name"; the listing is system_contracts/Name.zasm.</summary>
    public static string ContractFile(string contract, string extension) =>
        EraVm(Path.Combine("system_contracts", contract[(contract.IndexOf(':') + 1)..] + extension));
}

// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>
/// Finds the state-test files of a run and enumerates their cases in a stable order: paths in the order
/// given, a directory's *.json files (recursively) in ordinal order of their relative path, tests in file
/// order, entries in <c>post</c> order.
/// </summary>
public static class StateTestCatalog
{
    /// <summary>The fork a run uses unless told otherwise: the one GeneralStateTests are filled for.</summary>
    public const string DefaultFork = "Cancun";

    /// <summary>The files of a run. A file given twice (directly or through directories) is listed once.</summary>
    /// <exception cref="FileNotFoundException">A path is neither a file nor a directory.</exception>
    public static IReadOnlyList<StateTestFile> FindFiles(IEnumerable<string> paths)
    {
        var files = new List<StateTestFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                if (seen.Add(Path.GetFullPath(path)))
                {
                    files.Add(new StateTestFile(path, Path.GetFileName(path)));
                }
            }
            else if (Directory.Exists(path))
            {
                var found = Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories)
                    .Select(f => new StateTestFile(f, Path.GetRelativePath(path, f).Replace(Path.DirectorySeparatorChar, '/')))
                    .OrderBy(f => f.Name, StringComparer.Ordinal);
                files.AddRange(found.Where(f => seen.Add(Path.GetFullPath(f.Path))));
            }
            else
            {
                throw new FileNotFoundException($"no such file or directory: {path}", path);
            }
        }
        return files;
    }

    /// <summary>Every case of <paramref name="fork"/> in the files of <paramref name="paths"/>, loading one file at a time.</summary>
    /// <exception cref="StateTestFormatException">A file is not a valid state-test file (raised when enumeration reaches it).</exception>
    public static IEnumerable<StateTestCase> EnumerateCases(IEnumerable<string> paths, string fork = DefaultFork) =>
        FindFiles(paths).SelectMany(f => f.LoadCases(fork));
}

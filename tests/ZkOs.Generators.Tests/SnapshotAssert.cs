// SPDX-License-Identifier: MIT
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace ZkOs.Generators.Tests;

/// <summary>
/// Compares generated sources with checked-in <c>Snapshots/&lt;Test&gt;#&lt;hint&gt;.verified.cs</c> files.
/// On a mismatch it writes the actual text to a <c>.received.cs</c> file next to the snapshot and fails;
/// with <c>ZKOS_ACCEPT_SNAPSHOTS=1</c> it overwrites the snapshot instead. Line endings are normalised and
/// the generator version is replaced by <c>%VERSION%</c>, so neither a checkout on Windows nor a version
/// bump changes a snapshot.
/// </summary>
internal static class SnapshotAssert
{
    private const string AcceptVariable = "ZKOS_ACCEPT_SNAPSHOTS";

    public static string Directory => Path.Combine(GeneratorHarness.ProjectDirectory, "Snapshots");

    public static void Matches(string testName, IEnumerable<GeneratedSourceResult> sources)
    {
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
        var failures = new List<string>();
        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var hint = Path.GetFileNameWithoutExtension(source.HintName);
            var verified = Path.Combine(Directory, $"{testName}#{hint}.verified.cs");
            var received = Path.Combine(Directory, $"{testName}#{hint}.received.cs");
            expectedFiles.Add(Path.GetFileName(verified));
            var actual = Normalize(source.SourceText.ToString());
            var expected = File.Exists(verified) ? Normalize(File.ReadAllText(verified)) : null;
            if (actual == expected)
            {
                File.Delete(received);
                continue;
            }

            if (accept)
            {
                File.WriteAllText(verified, actual);
                File.Delete(received);
                continue;
            }

            File.WriteAllText(received, actual);
            failures.Add(expected is null
                ? $"{Path.GetFileName(verified)} does not exist; the output is in {Path.GetFileName(received)}."
                : $"{Path.GetFileName(verified)} differs at line {FirstDifference(expected, actual)}; the output is in {Path.GetFileName(received)}.");
        }

        // A snapshot of this test that nothing generates any more is stale.
        foreach (var file in global::System.IO.Directory.EnumerateFiles(Directory, $"{testName}#*.verified.cs"))
        {
            if (!expectedFiles.Contains(Path.GetFileName(file)))
            {
                if (accept)
                {
                    File.Delete(file);
                }
                else
                {
                    failures.Add($"{Path.GetFileName(file)} is no longer generated.");
                }
            }
        }

        if (failures.Count > 0)
        {
            throw new XunitException(
                "Generated code does not match the snapshots:\n  " + string.Join("\n  ", failures)
                + $"\nReview the .received.cs files; if the change is intended, run the tests with {AcceptVariable}=1.");
        }
    }

    private static string Normalize(string text) =>
        text.Replace("\r\n", "\n").Replace(
            $"\"ZkOs.Generators\", \"{StackInterpreterGenerator.GeneratorVersion}\"",
            "\"ZkOs.Generators\", \"%VERSION%\"");

    private static int FirstDifference(string expected, string actual)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var line = 0;
        while (line < left.Length && line < right.Length && left[line] == right[line])
        {
            line++;
        }

        return line + 1;
    }
}

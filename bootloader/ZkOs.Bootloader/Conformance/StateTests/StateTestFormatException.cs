// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>
/// A state-test file that cannot be read as one: not JSON, or a field that does not hold what the format
/// requires. The message names the file, the test and the field, and shows what was found.
/// </summary>
public sealed class StateTestFormatException : Exception
{
    public StateTestFormatException(string file, string? test, string? field, string detail, Exception? inner = null)
        : base(Compose(file, test, field, detail), inner)
    {
        File = file;
        Test = test;
        Field = field;
        Detail = detail;
    }

    /// <summary>The file as the run names it.</summary>
    public string File { get; }

    /// <summary>The test's key, when the problem is inside one.</summary>
    public string? Test { get; }

    /// <summary>The path of the field (e.g. <c>transaction.gasLimit[1]</c>), when one is to blame.</summary>
    public string? Field { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Detail { get; }

    private static string Compose(string file, string? test, string? field, string detail)
    {
        var where = file;
        if (test is not null)
        {
            where += $": test '{test}'";
        }
        if (field is not null)
        {
            where += $": {field}";
        }
        return $"{where}: {detail}";
    }
}

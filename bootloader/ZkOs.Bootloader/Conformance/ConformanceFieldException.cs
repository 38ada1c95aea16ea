// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.Conformance;

/// <summary>
/// A field of a conformance file that does not hold what it must. Thrown by <see cref="ConformanceJson"/>
/// with the field's path only; each loader adds the file (and test) and rethrows its own public exception.
/// </summary>
internal sealed class ConformanceFieldException(string field, string detail) : Exception($"{field}: {detail}")
{
    /// <summary>The path of the field, e.g. <c>transaction.gasLimit[1]</c>.</summary>
    public string Field { get; } = field;

    /// <summary>What is wrong with it, without the path.</summary>
    public string Detail { get; } = detail;
}

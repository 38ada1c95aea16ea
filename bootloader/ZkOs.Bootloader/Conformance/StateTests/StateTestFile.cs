// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>A state-test file found for a run: where it is, and the name its cases carry.</summary>
/// <param name="Path">The file on disk.</param>
/// <param name="Name">Relative to the directory it was found in ('/'-separated), or the file name when given directly.</param>
public sealed record StateTestFile(string Path, string Name)
{
    /// <inheritdoc cref="StateTestLoader.LoadFile"/>
    public IReadOnlyList<StateTest> Load() => StateTestLoader.LoadFile(Path, Name);

    /// <inheritdoc cref="StateTestLoader.LoadCases"/>
    public IReadOnlyList<StateTestCase> LoadCases(string fork) => StateTestLoader.LoadCases(Path, fork, Name);

    public override string ToString() => Name;
}

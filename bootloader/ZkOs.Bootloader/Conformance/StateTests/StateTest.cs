// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>One test of a state-test file, with every case of every fork it has expectations for.</summary>
public sealed record StateTest
{
    /// <summary>The file as the run names it.</summary>
    public required string File { get; init; }

    /// <summary>The test's key in the file.</summary>
    public required string Name { get; init; }

    public required StateTestEnvironment Environment { get; init; }

    public required IReadOnlyDictionary<Address, PreAccount> Pre { get; init; }

    public required StateTestTransaction Transaction { get; init; }

    /// <summary>Data index → label, from <c>_info.labels</c>.</summary>
    public required IReadOnlyDictionary<int, string> Labels { get; init; }

    /// <summary>Every case, fork by fork in file order, entries in <c>post</c> order.</summary>
    public required IReadOnlyList<StateTestCase> Cases { get; init; }

    /// <summary>The forks <c>post</c> has entries for, in file order.</summary>
    public IEnumerable<string> Forks => Cases.Select(c => c.Fork).Distinct(StringComparer.Ordinal);

    /// <summary>The cases of one fork (matched without regard to case: "cancun" is "Cancun").</summary>
    public IEnumerable<StateTestCase> CasesFor(string fork) =>
        Cases.Where(c => string.Equals(c.Fork, fork, StringComparison.OrdinalIgnoreCase));
}

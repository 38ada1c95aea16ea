// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>
/// One case: a <c>post[fork][i]</c> entry of a state test, with its transaction resolved, and what the
/// run must produce. Cases of one test share the environment and pre-state objects.
/// </summary>
public sealed record StateTestCase
{
    /// <summary><c>&lt;file&gt;::&lt;test&gt;::&lt;fork&gt;[d,g,v]</c>: unique in a run, stable between runs.</summary>
    public string Name => $"{File}::{TestName}::{Fork}[{DataIndex},{GasIndex},{ValueIndex}]";

    /// <summary>The file as the run names it (relative to the directory given, '/'-separated).</summary>
    public required string File { get; init; }

    /// <summary>The test's key in the file.</summary>
    public required string TestName { get; init; }

    /// <summary>The fork as the file spells it (e.g. "Cancun").</summary>
    public required string Fork { get; init; }

    /// <summary>The entry's position in <c>post[fork]</c>.</summary>
    public required int PostIndex { get; init; }

    public required int DataIndex { get; init; }

    public required int GasIndex { get; init; }

    public required int ValueIndex { get; init; }

    /// <summary>The label <c>_info.labels</c> gives the data index, if any.</summary>
    public required string? Label { get; init; }

    public required StateTestEnvironment Environment { get; init; }

    public required IReadOnlyDictionary<Address, PreAccount> Pre { get; init; }

    public required StateTestCaseTransaction Transaction { get; init; }

    /// <summary><c>hash</c>: the MPT state root after the transaction (the pre-state's root when it is rejected).</summary>
    public required Bytes32 ExpectedStateRoot { get; init; }

    /// <summary><c>logs</c>: keccak256(rlp(logs)).</summary>
    public required Bytes32 ExpectedLogsHash { get; init; }

    /// <summary><c>txbytes</c>: the signed transaction as sent (EIP-2718 envelope for typed ones).</summary>
    public required ReadOnlyMemory<byte> TxBytes { get; init; }

    /// <summary><c>expectException</c>: why the transaction must be rejected (e.g. "TransactionException.INTRINSIC_GAS_TOO_LOW"); null when it is valid.</summary>
    public required string? ExpectException { get; init; }

    public override string ToString() => Name;
}

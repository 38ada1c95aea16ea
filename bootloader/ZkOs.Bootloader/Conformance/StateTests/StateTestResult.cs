// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>What an executor reports for one case. Build it with <see cref="Executed"/>, <see cref="Rejected"/> or <see cref="NotSupported"/>.</summary>
public sealed record StateTestResult
{
    private StateTestResult()
    {
    }

    /// <summary>The MPT root of the state after the case (the unchanged pre-state's root when the transaction was rejected).</summary>
    public Bytes32 StateRoot { get; private init; }

    /// <summary>keccak256(rlp(logs)) of the transaction's logs (of an empty list when it was rejected).</summary>
    public Bytes32 LogsHash { get; private init; }

    /// <summary>Why the transaction was rejected as invalid (the executor's own wording); null when it was valid.</summary>
    public string? InvalidTransaction { get; private init; }

    /// <summary>The feature the case needs and the executor lacks (e.g. "KZG point evaluation (0x0a) unsupported"); null when it ran.</summary>
    public string? Unsupported { get; private init; }

    /// <summary>Gas the transaction used, when the executor reports it (for timing lines: gas per second).</summary>
    public ulong? GasUsed { get; init; }

    /// <summary>The transaction was valid and ran (whatever its status: a revert is still a valid transaction).</summary>
    public static StateTestResult Executed(Bytes32 stateRoot, Bytes32 logsHash, ulong? gasUsed = null) =>
        new() { StateRoot = stateRoot, LogsHash = logsHash, GasUsed = gasUsed };

    /// <summary>The transaction was rejected as invalid; the state root is that of the untouched pre-state.</summary>
    public static StateTestResult Rejected(Bytes32 stateRoot, Bytes32 logsHash, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new() { StateRoot = stateRoot, LogsHash = logsHash, InvalidTransaction = reason };
    }

    /// <summary>The case needs something not implemented; it is skipped, with this reason counted in the summary.</summary>
    public static StateTestResult NotSupported(string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        return new() { Unsupported = reason };
    }
}

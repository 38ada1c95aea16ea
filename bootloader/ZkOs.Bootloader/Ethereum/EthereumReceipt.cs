// SPDX-License-Identifier: MIT
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;

namespace ZkOs.Bootloader.Ethereum;

/// <summary>What one Ethereum transaction did: rejected, or run with a status, gas used and logs.</summary>
public sealed record EthereumReceipt
{
    /// <summary>Set when the transaction was rejected; nothing else is then meaningful.</summary>
    public InvalidTransaction? Invalid { get; init; }

    public bool Success { get; init; }

    /// <summary>Why execution failed (a revert is <see cref="ExecutionError.None"/> with <see cref="Success"/> false).</summary>
    public ExecutionError Error { get; init; }

    /// <summary>Gas charged to the sender, after the refund.</summary>
    public ulong GasUsed { get; init; }

    public IReadOnlyList<LogEntry> Logs { get; init; } = [];

    public Address? ContractAddress { get; init; }

    public byte[] Output { get; init; } = [];

    /// <summary>A feature the transaction needed that is not implemented, or null.</summary>
    public string? Unsupported { get; init; }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;

namespace ZkOs.Bootloader.Ethereum;

/// <summary>
/// What one Ethereum transaction did: rejected, or run with a status, gas used and logs. A struct whose
/// logs and output are views, not copies, so executing a transaction allocates nothing: both are valid
/// only until the processor runs its next transaction (copy them with <see cref="LogList.ToEntries"/>
/// and <c>Output.ToArray()</c> to keep them).
/// </summary>
public readonly record struct EthereumReceipt
{
    /// <summary>Set when the transaction was rejected; nothing else is then meaningful.</summary>
    public InvalidTransaction? Invalid { get; init; }

    public bool Success { get; init; }

    /// <summary>Why execution failed (a revert is <see cref="ExecutionError.None"/> with <see cref="Success"/> false).</summary>
    public ExecutionError Error { get; init; }

    /// <summary>Gas charged to the sender, after the refund.</summary>
    public ulong GasUsed { get; init; }

    /// <summary>The transaction's events, over the IO subsystem's log arena (valid until its next transaction).</summary>
    public LogList Logs { get; init; }

    public Address? ContractAddress { get; init; }

    /// <summary>The entry frame's output, over the runner's buffer (valid until its next run).</summary>
    public ReadOnlyMemory<byte> Output { get; init; }

    /// <summary>A feature the transaction needed that is not implemented, or null.</summary>
    public string? Unsupported { get; init; }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>
/// The one concrete transaction of a case: the test's per-index arrays resolved by the case's
/// <c>indexes</c>, and its type inferred from the fields present.
/// </summary>
public sealed record StateTestCaseTransaction
{
    public required StateTestTransactionType Type { get; init; }

    public required ulong Nonce { get; init; }

    /// <summary>The gas price of a legacy or access-list transaction; null for types 2 and 3.</summary>
    public required UInt256? GasPrice { get; init; }

    /// <summary>Types 2 and 3 only.</summary>
    public required UInt256? MaxFeePerGas { get; init; }

    /// <summary>Types 2 and 3 only.</summary>
    public required UInt256? MaxPriorityFeePerGas { get; init; }

    public required ulong GasLimit { get; init; }

    /// <summary>The recipient; null for a contract creation (<c>"to": ""</c>).</summary>
    public required Address? To { get; init; }

    /// <summary>
    /// The value sent; null when the test gives one wider than 256 bits (<c>"0x:bigint 0x1…"</c>), which
    /// no transaction can carry: such a case expects the transaction to be rejected.
    /// </summary>
    public required UInt256? Value { get; init; }

    /// <summary>Calldata, or init code for a creation.</summary>
    public required ReadOnlyMemory<byte> Data { get; init; }

    /// <summary>The access list; empty for a legacy transaction.</summary>
    public required IReadOnlyList<AccessListEntry> AccessList { get; init; }

    /// <summary>Type 3 only (may be empty there: such a transaction is invalid); empty otherwise.</summary>
    public required IReadOnlyList<Bytes32> BlobVersionedHashes { get; init; }

    /// <summary>Type 3 only.</summary>
    public required UInt256? MaxFeePerBlobGas { get; init; }

    /// <summary>The sender the test states (the address of <see cref="SecretKey"/>).</summary>
    public required Address Sender { get; init; }

    /// <summary>The key <c>txbytes</c> was signed with.</summary>
    public required Bytes32 SecretKey { get; init; }

    public bool IsCreate => To is null;
}

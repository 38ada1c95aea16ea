// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>
/// A state test's <c>transaction</c>: the fields every case shares, and the per-index arrays
/// (<c>data</c>, <c>gasLimit</c>, <c>value</c>, <c>accessLists</c>) a case picks from with its indexes.
/// </summary>
public sealed record StateTestTransaction
{
    public required ulong Nonce { get; init; }

    /// <summary>Present for legacy and access-list transactions; exclusive with <see cref="MaxFeePerGas"/>.</summary>
    public required UInt256? GasPrice { get; init; }

    public required UInt256? MaxFeePerGas { get; init; }

    public required UInt256? MaxPriorityFeePerGas { get; init; }

    public required IReadOnlyList<ulong> GasLimit { get; init; }

    /// <summary>Per value index; null where the test gives a value wider than 256 bits.</summary>
    public required IReadOnlyList<UInt256?> Value { get; init; }

    public required IReadOnlyList<ReadOnlyMemory<byte>> Data { get; init; }

    /// <summary>
    /// Per data index, when the test has <c>accessLists</c>; an entry is null where that data index is sent
    /// without an access list (so as a legacy transaction if it has a gas price).
    /// </summary>
    public required IReadOnlyList<IReadOnlyList<AccessListEntry>?>? AccessLists { get; init; }

    /// <summary>Present (possibly empty) exactly for blob transactions.</summary>
    public required IReadOnlyList<Bytes32>? BlobVersionedHashes { get; init; }

    public required UInt256? MaxFeePerBlobGas { get; init; }

    /// <summary>Null for a contract creation.</summary>
    public required Address? To { get; init; }

    public required Address Sender { get; init; }

    public required Bytes32 SecretKey { get; init; }

    /// <summary>
    /// The type of the transaction sent with data index <paramref name="dataIndex"/>, from the fields
    /// present: blob hashes → 3, maxFeePerGas → 2, an access list for this data index → 1, else 0.
    /// The access list is looked up per data index because tests mix types that way (a null entry in
    /// <c>accessLists</c> is a legacy transaction; txbytes confirm it).
    /// </summary>
    public StateTestTransactionType TypeFor(int dataIndex)
    {
        if (BlobVersionedHashes is not null)
        {
            return StateTestTransactionType.Blob;
        }
        if (MaxFeePerGas is not null)
        {
            return StateTestTransactionType.DynamicFee;
        }
        if (AccessLists is not null && dataIndex < AccessLists.Count && AccessLists[dataIndex] is not null)
        {
            return StateTestTransactionType.AccessList;
        }
        return StateTestTransactionType.Legacy;
    }

    /// <summary>The concrete transaction for one set of indexes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An index is past the end of its array.</exception>
    public StateTestCaseTransaction Resolve(int dataIndex, int gasIndex, int valueIndex)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)dataIndex, (uint)Data.Count, nameof(dataIndex));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)gasIndex, (uint)GasLimit.Count, nameof(gasIndex));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)valueIndex, (uint)Value.Count, nameof(valueIndex));
        var type = TypeFor(dataIndex);
        var accessList = type == StateTestTransactionType.Legacy || AccessLists is null || dataIndex >= AccessLists.Count
            ? null
            : AccessLists[dataIndex];
        return new StateTestCaseTransaction
        {
            Type = type,
            Nonce = Nonce,
            GasPrice = GasPrice,
            MaxFeePerGas = MaxFeePerGas,
            MaxPriorityFeePerGas = MaxPriorityFeePerGas,
            GasLimit = GasLimit[gasIndex],
            To = To,
            Value = Value[valueIndex],
            Data = Data[dataIndex],
            AccessList = accessList ?? [],
            BlobVersionedHashes = BlobVersionedHashes ?? [],
            MaxFeePerBlobGas = MaxFeePerBlobGas,
            Sender = Sender,
            SecretKey = SecretKey,
        };
    }
}

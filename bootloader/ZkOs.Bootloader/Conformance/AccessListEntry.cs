// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance;

/// <summary>
/// One EIP-2930 access-list entry: an address and the storage keys warmed with it. Shared by state
/// tests and mainnet blocks so an executor builds warm sets the same way from either.
/// </summary>
public sealed record AccessListEntry(Address Address, IReadOnlyList<Bytes32> StorageKeys)
{
    // Behind the init-only properties so the transaction parser can refill its own entries (Refill).
    private Address _address = Address;
    private IReadOnlyList<Bytes32> _storageKeys = StorageKeys;

    public Address Address { get => _address; init => _address = value; }

    public IReadOnlyList<Bytes32> StorageKeys { get => _storageKeys; init => _storageKeys = value; }

    /// <summary>Overwrites both fields: only for an entry its owner reuses (<see cref="ZkSync.Transactions.ZkSyncParseBuffers"/>).</summary>
    internal void Refill(Address address, IReadOnlyList<Bytes32> storageKeys)
    {
        _address = address;
        _storageKeys = storageKeys;
    }
}

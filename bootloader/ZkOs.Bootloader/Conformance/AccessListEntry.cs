// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance;

/// <summary>
/// One EIP-2930 access-list entry: an address and the storage keys warmed with it. Shared by state
/// tests and mainnet blocks so an executor builds warm sets the same way from either.
/// </summary>
public sealed record AccessListEntry(Address Address, IReadOnlyList<Bytes32> StorageKeys);

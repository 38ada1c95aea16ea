// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>A log of a receipt.</summary>
/// <param name="LogIndex">Its position in the block (not in the transaction).</param>
public sealed record MainnetLog(Address Address, IReadOnlyList<Bytes32> Topics, ReadOnlyMemory<byte> Data, ulong LogIndex);

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.ZkSync.Blocks;

/// <summary>An account of a chain's genesis: written to an empty state before its first block.</summary>
public sealed record GenesisAccount(Address Address, UInt256 Balance, ulong Nonce, byte[] Code, IReadOnlyDictionary<UInt256, UInt256> Storage);

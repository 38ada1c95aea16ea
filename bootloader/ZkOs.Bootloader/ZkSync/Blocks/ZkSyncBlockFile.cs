// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.ZkSync.Blocks;

/// <summary>
/// A block to run with <c>zkos run</c>: the chain id, the genesis (applied only to an empty state), the
/// block's metadata and its transactions as encoded Era ABI bodies. See samples/ZkSyncBlock/README.md
/// for the JSON format; <see cref="ZkSyncBlockFileReader"/> reads it.
/// </summary>
public sealed record ZkSyncBlockFile
{
    public required ulong ChainId { get; init; }

    public required IReadOnlyList<GenesisAccount> Genesis { get; init; }

    public required ulong Number { get; init; }

    public required ulong Timestamp { get; init; }

    public required UInt256 BaseFee { get; init; }

    public required UInt256 GasPerPubdata { get; init; }

    public required UInt256 NativePrice { get; init; }

    public required ulong GasLimit { get; init; }

    public required Address Coinbase { get; init; }

    public required UInt256 MixHash { get; init; }

    /// <summary>Encoded transaction bodies, in block order.</summary>
    public required IReadOnlyList<byte[]> Transactions { get; init; }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Execution;

/// <summary>Block-level facts an EE may read (reference/zksync-os.md §4.1).</summary>
public readonly struct BlockContext
{
    public ulong ChainId { get; init; }
    public ulong Number { get; init; }
    public ulong Timestamp { get; init; }
    public Address Coinbase { get; init; }
    public ulong GasLimit { get; init; }
    public UInt256 BaseFee { get; init; }

    /// <summary>PREVRANDAO (the header's mix hash).</summary>
    public UInt256 PrevRandao { get; init; }

    public UInt256 BlobBaseFee { get; init; }

    /// <summary>ZKsync: the gas charged per byte of pubdata.</summary>
    public UInt256 GasPerPubdata { get; init; }

    /// <summary>ZKsync: the price of one unit of native, from which a transaction's native limit derives.</summary>
    public UInt256 NativePrice { get; init; }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Ethereum;

/// <summary>The header facts an Ethereum transaction runs under.</summary>
public sealed record EthereumBlock
{
    public required ulong ChainId { get; init; }
    public required ulong Number { get; init; }
    public required ulong Timestamp { get; init; }
    public required Address Coinbase { get; init; }
    public required ulong GasLimit { get; init; }
    public required UInt256 BaseFee { get; init; }
    public required UInt256 PrevRandao { get; init; }
    public ulong ExcessBlobGas { get; init; }

    /// <summary>Hashes of the previous blocks, newest first (index 0 is block <see cref="Number"/> − 1).</summary>
    public UInt256[] BlockHashes { get; init; } = [];

    /// <summary>EIP-4844: the price of blob gas from the excess, <c>fake_exponential(1, excess, 3338477)</c>.</summary>
    public UInt256 BlobBaseFee => BlobGas.BaseFee(ExcessBlobGas);

    /// <summary>The facts EEs read (NUMBER, COINBASE, BASEFEE, …), for <c>IoSubsystem.BeginBlock</c>.</summary>
    public BlockContext ToContext() => new()
    {
        ChainId = ChainId,
        Number = Number,
        Timestamp = Timestamp,
        Coinbase = Coinbase,
        GasLimit = GasLimit,
        BaseFee = BaseFee,
        PrevRandao = PrevRandao,
        BlobBaseFee = BlobBaseFee,
    };
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Oracle;

/// <summary>
/// The block metadata the oracle hands the STF (reference §4.1), in its serialisation order: base fee,
/// gas per pubdata, native price, number, timestamp, chain id, gas limit, coinbase, the 256 previous
/// block hashes (index i is block number − 1 − i), mix hash.
/// </summary>
/// <remarks>A struct, so reading it allocates nothing but (optionally) its hash window.</remarks>
public readonly record struct BlockMetadata
{
    public const int BlockHashCount = 256;

    public required UInt256 BaseFee { get; init; }
    public required UInt256 GasPerPubdata { get; init; }
    public required UInt256 NativePrice { get; init; }
    public required ulong Number { get; init; }
    public required ulong Timestamp { get; init; }
    public required ulong ChainId { get; init; }
    public required ulong GasLimit { get; init; }
    public required Address Coinbase { get; init; }

    /// <summary>Exactly 256 hashes, newest first.</summary>
    public required UInt256[] BlockHashes { get; init; }

    public required UInt256 MixHash { get; init; }

    public void WriteTo(List<uint> words)
    {
        if (BlockHashes.Length != BlockHashCount)
        {
            throw new InvalidOperationException($"Block metadata needs {BlockHashCount} block hashes, not {BlockHashes.Length}.");
        }
        OracleWords.WriteU256(words, BaseFee);
        OracleWords.WriteU256(words, GasPerPubdata);
        OracleWords.WriteU256(words, NativePrice);
        OracleWords.WriteU64(words, Number);
        OracleWords.WriteU64(words, Timestamp);
        OracleWords.WriteU64(words, ChainId);
        OracleWords.WriteU64(words, GasLimit);
        OracleWords.WriteAddress(words, Coinbase);
        foreach (var hash in BlockHashes)
        {
            OracleWords.WriteU256(words, hash);
        }
        OracleWords.WriteU256(words, MixHash);
    }

    public const int Words = 3 * OracleWords.U256Words + 4 * OracleWords.U64Words + OracleWords.AddressWords
        + BlockHashCount * OracleWords.U256Words + OracleWords.U256Words;

    /// <param name="hashes">
    /// Where the 256 block hashes go: a buffer a reusable machine (the prover) keeps for every block; a new
    /// array when null.
    /// </param>
    public static BlockMetadata Read(ReadOnlySpan<uint> words, UInt256[]? hashes = null)
    {
        if (words.Length != Words)
        {
            throw new OracleException(OracleQuery.BlockLevelMetadata, $"{words.Length} words where {Words} were expected");
        }
        var offset = 0;
        var baseFee = OracleWords.ReadU256(words, ref offset);
        var gasPerPubdata = OracleWords.ReadU256(words, ref offset);
        var nativePrice = OracleWords.ReadU256(words, ref offset);
        var number = OracleWords.ReadU64(words, ref offset);
        var timestamp = OracleWords.ReadU64(words, ref offset);
        var chainId = OracleWords.ReadU64(words, ref offset);
        var gasLimit = OracleWords.ReadU64(words, ref offset);
        var coinbase = OracleWords.ReadAddress(words, ref offset, OracleQuery.BlockLevelMetadata);
        hashes ??= new UInt256[BlockHashCount];
        if (hashes.Length != BlockHashCount)
        {
            throw new ArgumentException($"the block hash buffer holds {hashes.Length} hashes, not {BlockHashCount}", nameof(hashes));
        }
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = OracleWords.ReadU256(words, ref offset);
        }
        return new BlockMetadata
        {
            BaseFee = baseFee,
            GasPerPubdata = gasPerPubdata,
            NativePrice = nativePrice,
            Number = number,
            Timestamp = timestamp,
            ChainId = chainId,
            GasLimit = gasLimit,
            Coinbase = coinbase,
            BlockHashes = hashes,
            MixHash = OracleWords.ReadU256(words, ref offset),
        };
    }

    /// <summary>reference §4.1: zero for the current block or older than 256 blocks.</summary>
    public UInt256 HashOf(ulong number) =>
        number >= Number || Number - number > BlockHashCount ? UInt256.Zero : BlockHashes[Number - 1 - number];
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Commitments;

/// <summary>
/// The block's <c>tx_rolling_hash</c>, which ZKsync OS puts in the header's
/// <c>transactions_root</c> instead of a transactions trie (reference §10 item 27):
/// <c>h = keccak(h ‖ tx_hash)</c> over the block's transactions, starting from 0^32.
/// </summary>
public static class TransactionsRollingHash
{
    /// <summary>The starting value, and the root of a block with no transactions: 0^32.</summary>
    public static Bytes32 Initial => Bytes32.Zero;

    /// <summary>The rolling hash after one more transaction.</summary>
    public static Bytes32 Append(Bytes32 rollingHash, Bytes32 txHash)
    {
        Span<byte> buffer = stackalloc byte[64];
        rollingHash.WriteTo(buffer);
        txHash.WriteTo(buffer[32..]);
        return Keccak256.Hash(buffer);
    }

    /// <summary>The rolling hash of <paramref name="txHashes"/>, in block order.</summary>
    public static Bytes32 Of(IEnumerable<Bytes32> txHashes)
    {
        var result = Initial;
        foreach (var txHash in txHashes)
            result = Append(result, txHash);
        return result;
    }
}

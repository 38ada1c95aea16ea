// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Commitments;

/// <summary>
/// The batch's commitment to the L1→L2 (priority) transactions it executed (reference §7.5): their
/// number and the rolling hash <c>h = keccak(h ‖ tx_hash)</c> seeded with keccak("") — the seed the
/// L1 priority queue uses, so the settlement layer can compare with what was requested.
/// </summary>
public readonly record struct L1TransactionRollingHash(ulong Count, Bytes32 Hash)
{
    /// <summary>keccak("") = 0xc5d24601…a470.</summary>
    public static Bytes32 Seed { get; } = Keccak256.Hash(ReadOnlySpan<byte>.Empty);

    /// <summary>No transactions: count 0, hash <see cref="Seed"/>.</summary>
    public static L1TransactionRollingHash Initial => new(0, Seed);

    /// <summary>The commitment after one more transaction.</summary>
    public L1TransactionRollingHash Append(Bytes32 txHash)
    {
        Span<byte> buffer = stackalloc byte[64];
        Hash.WriteTo(buffer);
        txHash.WriteTo(buffer[32..]);
        return new(Count + 1, Keccak256.Hash(buffer));
    }

    /// <summary>The commitment to <paramref name="txHashes"/>, in execution order.</summary>
    public static L1TransactionRollingHash Of(IEnumerable<Bytes32> txHashes)
    {
        var result = Initial;
        foreach (var txHash in txHashes)
            result = result.Append(txHash);
        return result;
    }
}

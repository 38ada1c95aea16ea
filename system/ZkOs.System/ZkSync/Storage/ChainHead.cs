// SPDX-License-Identifier: MIT
using System.Collections.Immutable;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.ZkSync.Storage;

/// <summary>
/// Where a stored chain stands: the last committed block, the tree commitment after it, and the
/// hashes of the most recent blocks so the next block can answer BLOCKHASH.
/// </summary>
/// <param name="RecentBlockHashes">
/// Newest first: index 0 is the hash of <paramref name="BlockNumber"/>, index i that of
/// <c>BlockNumber - i</c>; at most <see cref="MaxRecentBlockHashes"/>, fewer near the first block
/// committed. For the next block this is exactly "previous hashes, index 0 = number - 1".
/// </param>
public sealed record ChainHead(ulong BlockNumber, FlatStorageCommitment Commitment, ImmutableArray<Bytes32> RecentBlockHashes)
{
    /// <summary>How many block hashes a store keeps: the BLOCKHASH window.</summary>
    public const int MaxRecentBlockHashes = 256;

    /// <summary>The head after committing <paramref name="commit"/> on top of <paramref name="previous"/> (null for the first block).</summary>
    internal static ChainHead After(ChainHead? previous, BlockCommit commit)
    {
        var hashes = ImmutableArray.CreateBuilder<Bytes32>(MaxRecentBlockHashes);
        hashes.Add(commit.BlockHash);
        if (previous is not null)
        {
            int keep = Math.Min(previous.RecentBlockHashes.Length, MaxRecentBlockHashes - 1);
            for (int i = 0; i < keep; i++)
                hashes.Add(previous.RecentBlockHashes[i]);
        }
        return new ChainHead(commit.BlockNumber, commit.Commitment, hashes.DrainToImmutable());
    }
}

// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.ZkSync.Commitments;

/// <summary>
/// The block-mode public input of the default proving binary (reference §7.4), all blake2s:
/// <code>
/// state_before  = blake2s(root_old ‖ next_free_slot_old u64 ‖ (number - 1) u64 ‖ B_before ‖ 0 u64)
///   B_before    = blake2s(block_hashes[0] ‖ … ‖ block_hashes[255])        ([0] = newest)
/// state_after   = blake2s(root_new ‖ next_free_slot_new u64 ‖ number u64 ‖ B_after ‖ 0 u64)
///   B_after     = blake2s(block_hashes[1] ‖ … ‖ block_hashes[255] ‖ current_block_hash)
/// blocks_output = blake2s(chain_id U256 ‖ ts u64 ‖ ts u64 ‖ blake2s(pubdata)
///                         ‖ blake2s(concat L1 tx hashes) ‖ blake2s(concat keccak(log)) ‖ upgrade_tx_hash)
/// PI            = blake2s(state_before ‖ state_after ‖ blocks_output)
/// </code>
/// Integers are big-endian. The last-block timestamp in both state commitments is 0 in the
/// snapshot (later versions commit the real one).
/// </summary>
/// <remarks>
/// The window update is the snapshot's ordering quirk (reference §11): with [0] the newest hash,
/// a consistent update would be <c>current ‖ [0..255)</c>, but <c>B_after</c> drops [0] and appends
/// the current hash last. It is reproduced exactly as written, not "fixed", because the proof
/// commits to it.
/// </remarks>
public readonly record struct BlockPublicInput(Bytes32 StateBefore, Bytes32 StateAfter, Bytes32 BlocksOutput)
{
    /// <summary>How many previous block hashes the chain state commits to.</summary>
    public const int BlockHashesCount = 256;

    /// <summary>Computes the three parts from <paramref name="parts"/>.</summary>
    /// <exception cref="ArgumentException">Not exactly 256 block hashes, or block number 0.</exception>
    public static BlockPublicInput From(in PublicInputParts parts)
    {
        if (parts.BlockNumber == 0)
            throw new ArgumentException("Block 0 has no state before it to commit to.", nameof(parts));
        var stateBefore = ChainStateCommitment(parts.StateBefore, parts.BlockNumber - 1, BlockHashesBefore(parts.BlockHashes), 0);
        var stateAfter = ChainStateCommitment(
            parts.StateAfter, parts.BlockNumber, BlockHashesAfter(parts.BlockHashes, parts.CurrentBlockHash), 0);
        var output = BlocksOutputHash(
            parts.ChainId,
            parts.Timestamp,
            parts.Timestamp,
            Blake2s256.Hash(parts.Pubdata.Span),
            L1TransactionsHash(parts.L1TxHashes),
            LogsHash(parts.L2ToL1Logs),
            parts.UpgradeTxHash);
        return new BlockPublicInput(stateBefore, stateAfter, output);
    }

    /// <summary>PI = blake2s(state_before ‖ state_after ‖ blocks_output).</summary>
    public Bytes32 Hash()
    {
        var hasher = new Blake2s256.Hasher();
        Update(ref hasher, StateBefore);
        Update(ref hasher, StateAfter);
        Update(ref hasher, BlocksOutput);
        return hasher.Finish();
    }

    /// <summary><see cref="Hash"/> as the prover's eight output registers (little-endian u32 chunks).</summary>
    public uint[] RegisterWords() => Commitments.RegisterWords.Of(Hash());

    /// <summary>
    /// <c>blake2s(root ‖ next_free_slot u64 ‖ block_number u64 ‖ block_hashes_hash ‖ last_block_timestamp u64)</c>.
    /// </summary>
    public static Bytes32 ChainStateCommitment(FlatStorageCommitment state, ulong blockNumber, Bytes32 blockHashesHash, ulong lastBlockTimestamp)
    {
        var hasher = new Blake2s256.Hasher();
        Update(ref hasher, state.Root);
        Update(ref hasher, state.NextFreeSlot);
        Update(ref hasher, blockNumber);
        Update(ref hasher, blockHashesHash);
        Update(ref hasher, lastBlockTimestamp);
        return hasher.Finish();
    }

    /// <summary><c>B_before</c>: blake2s of the 256 hashes in the given order (newest first).</summary>
    /// <exception cref="ArgumentException">Not exactly 256 hashes.</exception>
    public static Bytes32 BlockHashesBefore(IReadOnlyList<Bytes32> blockHashes)
    {
        CheckBlockHashes(blockHashes);
        var hasher = new Blake2s256.Hasher();
        for (int i = 0; i < BlockHashesCount; i++)
            Update(ref hasher, blockHashes[i]);
        return hasher.Finish();
    }

    /// <summary><c>B_after</c>: blake2s of hashes [1..256) followed by the current block's hash.</summary>
    /// <exception cref="ArgumentException">Not exactly 256 hashes.</exception>
    public static Bytes32 BlockHashesAfter(IReadOnlyList<Bytes32> blockHashes, Bytes32 currentBlockHash)
    {
        CheckBlockHashes(blockHashes);
        var hasher = new Blake2s256.Hasher();
        for (int i = 1; i < BlockHashesCount; i++)
            Update(ref hasher, blockHashes[i]);
        Update(ref hasher, currentBlockHash);
        return hasher.Finish();
    }

    /// <summary>
    /// <c>blake2s(chain_id U256 ‖ first_ts u64 ‖ last_ts u64 ‖ pubdata_hash ‖ l1_txs_hash ‖ logs_hash ‖ upgrade_tx_hash)</c>.
    /// </summary>
    public static Bytes32 BlocksOutputHash(
        ulong chainId, ulong firstTimestamp, ulong lastTimestamp, Bytes32 pubdataHash, Bytes32 l1TransactionsHash, Bytes32 logsHash, Bytes32 upgradeTxHash)
    {
        var hasher = new Blake2s256.Hasher();
        Update(ref hasher, Bytes32.FromUInt256(chainId));
        Update(ref hasher, firstTimestamp);
        Update(ref hasher, lastTimestamp);
        Update(ref hasher, pubdataHash);
        Update(ref hasher, l1TransactionsHash);
        Update(ref hasher, logsHash);
        Update(ref hasher, upgradeTxHash);
        return hasher.Finish();
    }

    /// <summary>blake2s of the concatenated priority-transaction hashes (blake2s("") for none).</summary>
    public static Bytes32 L1TransactionsHash(IReadOnlyList<Bytes32> l1TxHashes)
    {
        var hasher = new Blake2s256.Hasher();
        // Indexed, not foreach: enumerating an interface would box the enumerator on the proving path.
        for (int i = 0; i < l1TxHashes.Count; i++)
            Update(ref hasher, l1TxHashes[i]);
        return hasher.Finish();
    }

    /// <summary>blake2s of the concatenated keccak hashes of the 88-byte logs (blake2s("") for none).</summary>
    public static Bytes32 LogsHash(IReadOnlyList<L2ToL1Log> logs)
    {
        var hasher = new Blake2s256.Hasher();
        for (int i = 0; i < logs.Count; i++)
            Update(ref hasher, logs[i].Hash());
        return hasher.Finish();
    }

    private static void CheckBlockHashes(IReadOnlyList<Bytes32> blockHashes)
    {
        ArgumentNullException.ThrowIfNull(blockHashes);
        if (blockHashes.Count != BlockHashesCount)
            throw new ArgumentException($"The chain state commits to exactly {BlockHashesCount} block hashes; got {blockHashes.Count}.", nameof(blockHashes));
    }

    private static void Update(ref Blake2s256.Hasher hasher, Bytes32 value)
    {
        Span<byte> bytes = stackalloc byte[32];
        value.WriteTo(bytes);
        hasher.Update(bytes);
    }

    private static void Update(ref Blake2s256.Hasher hasher, ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        hasher.Update(bytes);
    }
}

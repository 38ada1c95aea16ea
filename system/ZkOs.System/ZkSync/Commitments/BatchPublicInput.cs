// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.ZkSync.Commitments;

/// <summary>
/// The batch-mode public input (<c>wrap-in-batch</c>, the settlement-layer format; reference §7.5)
/// of a one-block batch, keccak on the outside:
/// <code>
/// state_x       = blake2s(root ‖ next_free_slot u64)
/// da_commitment = keccak(0^32 ‖ keccak(pubdata) ‖ 0x01 ‖ 0^32)
/// batch_output  = keccak(chain_id U256 ‖ ts u64 ‖ ts u64 ‖ l2_da_validator (20 zero bytes) ‖ da_commitment
///                        ‖ number_of_l1_txs U256 ‖ l1_rolling_hash ‖ logs_root ‖ upgrade_tx_hash)
///   logs_root   = keccak(merkle_root_14(keccak(log)…) ‖ 0^32)
/// PI            = keccak(state_before ‖ state_after ‖ batch_output)
/// </code>
/// </summary>
/// <remarks>
/// The state commitments are the snapshot's simplified ones (root and next free slot only); later
/// versions commit the full chain state of <see cref="BlockPublicInput"/> here too. The DA
/// commitment is the calldata form ("one fake blob"): no state-diff hash, the pubdata keccak, a
/// blob count of 1 and a zero blob hash the settlement layer ignores.
/// </remarks>
public readonly record struct BatchPublicInput(Bytes32 StateBefore, Bytes32 StateAfter, Bytes32 BatchOutput)
{
    /// <summary>The L2 DA validator committed to: none, 20 zero bytes.</summary>
    public static Address L2DaValidator => Address.Zero;

    /// <summary>Computes the three parts from <paramref name="parts"/>.</summary>
    /// <exception cref="ArgumentException">More logs than <see cref="L2ToL1LogsTree.Capacity"/>.</exception>
    public static BatchPublicInput From(in PublicInputParts parts)
    {
        var l1Transactions = L1TransactionRollingHash.Of(parts.L1TxHashes);
        var output = BatchOutputHash(
            parts.ChainId,
            parts.Timestamp,
            parts.Timestamp,
            L2DaValidator,
            DaCommitment(parts.Pubdata.Span),
            l1Transactions.Count,
            l1Transactions.Hash,
            L2ToL1LogsTree.BatchLogsRoot(parts.L2ToL1Logs),
            parts.UpgradeTxHash);
        return new BatchPublicInput(StateCommitmentHash(parts.StateBefore), StateCommitmentHash(parts.StateAfter), output);
    }

    /// <summary>PI = keccak(state_before ‖ state_after ‖ batch_output).</summary>
    public Bytes32 Hash()
    {
        Span<byte> buffer = stackalloc byte[96];
        StateBefore.WriteTo(buffer);
        StateAfter.WriteTo(buffer[32..]);
        BatchOutput.WriteTo(buffer[64..]);
        return Keccak256.Hash(buffer);
    }

    /// <summary><see cref="Hash"/> as the prover's eight output registers (little-endian u32 chunks).</summary>
    public uint[] RegisterWords() => Commitments.RegisterWords.Of(Hash());

    /// <summary><c>blake2s(root ‖ next_free_slot u64 BE)</c>.</summary>
    public static Bytes32 StateCommitmentHash(FlatStorageCommitment state)
    {
        Span<byte> buffer = stackalloc byte[40];
        state.Root.WriteTo(buffer);
        BinaryPrimitives.WriteUInt64BigEndian(buffer[32..], state.NextFreeSlot);
        return Blake2s256.Hash(buffer);
    }

    /// <summary><c>keccak(0^32 ‖ keccak(pubdata) ‖ 0x01 ‖ 0^32)</c>.</summary>
    public static Bytes32 DaCommitment(ReadOnlySpan<byte> pubdata)
    {
        Span<byte> buffer = stackalloc byte[32 + 32 + 1 + 32];
        buffer.Clear();
        Keccak256.Hash(pubdata).WriteTo(buffer[32..]);
        buffer[64] = 1;
        return Keccak256.Hash(buffer);
    }

    /// <summary>
    /// <c>keccak(chain_id U256 ‖ first_ts u64 ‖ last_ts u64 ‖ l2_da_validator ‖ da_commitment
    /// ‖ number_of_l1_txs U256 ‖ l1_rolling_hash ‖ logs_root ‖ upgrade_tx_hash)</c>.
    /// </summary>
    public static Bytes32 BatchOutputHash(
        ulong chainId,
        ulong firstTimestamp,
        ulong lastTimestamp,
        Address l2DaValidator,
        Bytes32 daCommitment,
        ulong numberOfL1Transactions,
        Bytes32 l1RollingHash,
        Bytes32 logsRoot,
        Bytes32 upgradeTxHash)
    {
        Span<byte> buffer = stackalloc byte[32 + 8 + 8 + 20 + 32 + 32 + 32 + 32 + 32];
        Bytes32.FromUInt256(chainId).WriteTo(buffer);
        BinaryPrimitives.WriteUInt64BigEndian(buffer[32..], firstTimestamp);
        BinaryPrimitives.WriteUInt64BigEndian(buffer[40..], lastTimestamp);
        l2DaValidator.WriteTo(buffer[48..]);
        daCommitment.WriteTo(buffer[68..]);
        Bytes32.FromUInt256(numberOfL1Transactions).WriteTo(buffer[100..]);
        l1RollingHash.WriteTo(buffer[132..]);
        logsRoot.WriteTo(buffer[164..]);
        upgradeTxHash.WriteTo(buffer[196..]);
        return Keccak256.Hash(buffer);
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.ZkSync.Commitments;

/// <summary>
/// Everything the block and batch public inputs of one block are computed from, kept as plain
/// data so anyone holding them (e.g. from <c>zkos run --json</c>) can recompute both with
/// <see cref="BlockPublicInput.From"/> and <see cref="BatchPublicInput.From"/>.
/// </summary>
/// <param name="ChainId">The chain id (a u64 in the block metadata; committed as a U256).</param>
/// <param name="BlockNumber">This block's number; at least 1, as the state before is block number - 1's.</param>
/// <param name="Timestamp">This block's timestamp, used as both first and last timestamp of the range.</param>
/// <param name="BlockHashes">
/// The 256 hashes of the preceding blocks from the block metadata, newest first:
/// [0] is block <c>BlockNumber - 1</c>, [255] block <c>BlockNumber - 256</c>.
/// </param>
/// <param name="StateBefore">The tree before the block.</param>
/// <param name="StateAfter">The tree after the block.</param>
/// <param name="Pubdata">The block's pubdata stream (<see cref="ZkSync.Pubdata.PubdataWriter"/>), starting with the block hash.</param>
/// <param name="L1TxHashes">The hashes of the L1→L2 priority transactions executed, in order.</param>
/// <param name="L2ToL1Logs">The block's L2→L1 logs in emission order (user messages and L1-tx logs).</param>
/// <param name="UpgradeTxHash">The protocol-upgrade transaction's hash, or zero when there was none.</param>
/// <param name="CurrentBlockHash">This block's hash, keccak(RLP(header)).</param>
public readonly record struct PublicInputParts(
    ulong ChainId,
    ulong BlockNumber,
    ulong Timestamp,
    IReadOnlyList<Bytes32> BlockHashes,
    FlatStorageCommitment StateBefore,
    FlatStorageCommitment StateAfter,
    ReadOnlyMemory<byte> Pubdata,
    IReadOnlyList<Bytes32> L1TxHashes,
    IReadOnlyList<L2ToL1Log> L2ToL1Logs,
    Bytes32 UpgradeTxHash,
    Bytes32 CurrentBlockHash);

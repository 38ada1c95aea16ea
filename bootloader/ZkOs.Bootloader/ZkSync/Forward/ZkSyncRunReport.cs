// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Commitments;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.Bootloader.ZkSync.Forward;

/// <summary>
/// A block run by <see cref="ZkSyncChain"/>: the block's own result, the state commitments around it, the
/// block public input (Blake2s, reference §7.4) and the batch public input of a one-block batch (keccak,
/// §7.5: the settlement layer's format).
/// </summary>
public sealed record ZkSyncRunReport(
    ZkSyncBlockResult Block,
    FlatStorageCommitment StateBefore,
    FlatStorageCommitment StateAfter,
    PublicInputParts PublicInputParts,
    Bytes32 PublicInput,
    uint[] PublicInputWords,
    Bytes32 BatchPublicInput);

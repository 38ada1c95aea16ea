// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Commitments;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.Bootloader.ZkSync.Proving;

/// <summary>
/// What a proving run establishes (reference §7.4): the parts of the block public input, among them
/// the state commitment before (from the tape, proven) and after (computed by applying the writes),
/// and the public input itself, also as the 8 words the RISC-V program leaves in x10–x17.
/// </summary>
public sealed record ProvenBlock(PublicInputParts Parts, Bytes32 PublicInput, uint[] PublicInputWords)
{
    public FlatStorageCommitment StateBefore => Parts.StateBefore;

    public FlatStorageCommitment StateAfter => Parts.StateAfter;
}

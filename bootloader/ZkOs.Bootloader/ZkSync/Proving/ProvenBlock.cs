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
/// <remarks>A struct, so a proving run reports it without allocating; the words are computed when asked for.</remarks>
public readonly record struct ProvenBlock(PublicInputParts Parts, Bytes32 PublicInput)
{
    /// <summary><see cref="PublicInput"/> as the prover's eight output registers (little-endian u32 chunks).</summary>
    public uint[] PublicInputWords => RegisterWords.Of(PublicInput);

    public FlatStorageCommitment StateBefore => Parts.StateBefore;

    public FlatStorageCommitment StateAfter => Parts.StateAfter;
}

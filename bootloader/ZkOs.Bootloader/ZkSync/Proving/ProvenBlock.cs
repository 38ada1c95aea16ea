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

    /// <summary>
    /// A copy whose parts own their data. A proving machine's result points into the machine (its arena
    /// and reused lists), valid only until the next run or until the machine is disposed; keep this copy
    /// to use the parts after that.
    /// </summary>
    public ProvenBlock Detached() => this with
    {
        Parts = Parts with
        {
            BlockHashes = [.. Parts.BlockHashes],
            Pubdata = Parts.Pubdata.ToArray(),
            L1TxHashes = [.. Parts.L1TxHashes],
            L2ToL1Logs = [.. Parts.L2ToL1Logs],
        },
    };
}

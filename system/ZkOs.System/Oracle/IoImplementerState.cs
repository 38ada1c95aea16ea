// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.Oracle;

/// <summary>
/// The answer to <see cref="OracleQuery.InitializeIoImplementer"/> (reference §6.1), which a proving run
/// reads at finish: the state commitment the block starts from, and the pubdata-log accumulator of a
/// multi-block batch. This STF proves one block from a fresh IO implementer, so the accumulator must
/// be empty and the block not yet completed; anything else is an inconsistent tape.
/// </summary>
public readonly record struct IoImplementerState(
    FlatStorageCommitment StateRoot,
    Bytes32 PubdataDiffsLogHash,
    uint PubdataDiffsLogCount,
    bool BlockFunctionalityIsCompleted)
{
    public const int Words = OracleWords.Bytes32Words + OracleWords.U64Words + OracleWords.Bytes32Words + OracleWords.U64Words + OracleWords.U64Words;

    public static IoImplementerState Fresh(FlatStorageCommitment stateRoot) => new(stateRoot, Bytes32.Zero, 0, false);

    public void WriteTo(List<uint> words)
    {
        OracleWords.WriteBytes32(words, StateRoot.Root);
        OracleWords.WriteU64(words, StateRoot.NextFreeSlot);
        OracleWords.WriteBytes32(words, PubdataDiffsLogHash);
        OracleWords.WriteU64(words, PubdataDiffsLogCount);
        OracleWords.WriteBool(words, BlockFunctionalityIsCompleted);
    }

    public static IoImplementerState Read(ReadOnlySpan<uint> words)
    {
        var offset = 0;
        var root = OracleWords.ReadBytes32(words, ref offset);
        var nextFreeSlot = OracleWords.ReadU64(words, ref offset);
        var logHash = OracleWords.ReadBytes32(words, ref offset);
        var logCount = OracleWords.ReadU64(words, ref offset);
        if (logCount > uint.MaxValue)
        {
            throw new OracleException(OracleQuery.InitializeIoImplementer, $"a u32 field holds {logCount}");
        }
        var completed = OracleWords.ReadBool(words, ref offset, OracleQuery.InitializeIoImplementer);
        return new IoImplementerState(new FlatStorageCommitment(root, nextFreeSlot), logHash, (uint)logCount, completed);
    }
}

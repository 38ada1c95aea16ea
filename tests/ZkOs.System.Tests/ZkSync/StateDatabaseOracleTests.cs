// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.Oracle;
using ZkOs.System.ZkSync.Storage;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.Tests.ZkSync;

/// <summary>A StateDatabase as the forward oracle's state reader, and the proof's word layout.</summary>
public class StateDatabaseOracleTests
{
    private static readonly Address _contract = Address.FromUInt64(0xC0DE);

    private static StateDatabase Committed()
    {
        var database = StateDatabase.Open(new InMemoryStateStore(), ownsStore: true);
        var writes = Enumerable.Range(1, 30)
            .Select(i => (FlatKey.Compute(_contract, TreeTestData.Word((ulong)i)), TreeTestData.Word((ulong)i * 10)))
            .ToArray();
        database.CommitBlock(1, TreeTestData.Word(0xB1), writes, [Preimage.Create(PreimageKind.Bytecode, [0x60, 0x01])]);
        return database;
    }

    [Fact]
    public void AnswersTheStateQueries()
    {
        using var database = Committed();
        IOracleStateReader reader = database;

        var existing = FlatKey.Compute(_contract, TreeTestData.Word(3));
        Assert.True(reader.TryReadSlot(existing, out var value));
        Assert.Equal(TreeTestData.Word(30), value);
        Assert.Equal((false, TreeTestData.Word(30)), database.ReadInitialSlot(_contract, TreeTestData.Word(3)));

        var fresh = FlatKey.Compute(_contract, TreeTestData.Word(99));
        Assert.False(reader.TryReadSlot(fresh, out value));
        Assert.Equal(Bytes32.Zero, value);
        Assert.Equal((true, Bytes32.Zero), database.ReadInitialSlot(_contract, TreeTestData.Word(99)));

        Assert.True(reader.TryGetTreeIndex(existing, out ulong index));
        Assert.Equal(4UL, index); // slots 1, 2, 3 took indices 2, 3, 4
        Assert.False(reader.TryGetTreeIndex(fresh, out _));

        ulong previous = reader.PrevTreeIndex(fresh);
        var before = database.Tree.GetLeaf(previous);
        Assert.True(before.Key.CompareTo(fresh) < 0 && database.Tree.GetLeaf(before.Next).Key.CompareTo(fresh) > 0);

        var code = Preimage.Create(PreimageKind.Bytecode, [0x60, 0x01]);
        Assert.Equal(code.Bytes, reader.GetPreimage(code.Hash));
        Assert.Null(reader.GetPreimage(TreeTestData.Word(1)));
    }

    [Fact]
    public void ProofWordsRoundTripAndVerify()
    {
        using var database = Committed();
        IOracleStateReader reader = database;

        foreach (ulong index in new ulong[] { 0, 1, 7, 31, 32, 1UL << 40 })
        {
            var words = new List<uint> { 0xDEAD };
            reader.WriteProof(index, words);
            Assert.Equal(1 + LeafProofWords.WordCount, words.Count);

            int offset = 1;
            var proof = LeafProofWords.Read(words.ToArray(), ref offset);
            Assert.Equal(words.Count, offset);
            Assert.Equal(index, proof.Index);
            Assert.Equal(database.Tree.GetLeaf(index), proof.Leaf);
            Assert.Equal(database.Tree.GetProof(index).Path.ToArray(), proof.Path.ToArray());
            Assert.True(FlatStorageTree.VerifyProof(proof, database.Commitment.Root));
        }
    }

    [Fact]
    public void ProofWordLayoutIsIndexLeafThenPath()
    {
        var tree = new FlatStorageTree();
        tree.ApplyBatch([(TreeTestData.Word(0x0102), TreeTestData.Word(7))]);
        var words = new List<uint>();
        LeafProofWords.Write(words, tree.GetProof(2));

        // index 2 as (low, high); the key's raw bytes as little-endian words, so its last 4 bytes
        // 00 00 01 02 read as 0x02010000; the value likewise; next = 1; then 64 × 8 path words.
        Assert.Equal(532, LeafProofWords.WordCount);
        Assert.Equal([2u, 0u], words[0..2]);
        Assert.Equal([0u, 0u, 0u, 0u, 0u, 0u, 0u, 0x02010000u], words[2..10]);
        Assert.Equal([0u, 0u, 0u, 0u, 0u, 0u, 0u, 0x07000000u], words[10..18]);
        Assert.Equal([1u, 0u], words[18..20]);

        int offset = 0;
        Assert.Throws<ArgumentException>(() => LeafProofWords.Read(words.ToArray()[..^1], ref offset));
    }
}

// SPDX-License-Identifier: MIT
using Microsoft.Data.Sqlite;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Storage;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.Tests.ZkSync;

/// <summary>The in-memory and SQLite stores behind a StateDatabase: round trips, continuation, atomicity, damage.</summary>
public class StateStoreTests
{
    private static readonly Bytes32[] _keys = TreeTestData.RandomKeys(200, seed: 3);

    /// <summary>Block n writes 20 keys (new ones and updates of earlier ones) and publishes one preimage.</summary>
    private static (Bytes32 Key, Bytes32 Value)[] Writes(int block) =>
        Enumerable.Range(0, 20).Select(i => (_keys[(block * 13 + i * 7) % Math.Min(_keys.Length, 20 * (block + 1))], TreeTestData.Word((ulong)(block * 100 + i + 1)))).ToArray();

    private static Preimage[] Preimages(int block) =>
    [
        Preimage.Create(PreimageKind.AccountProperties, Enumerable.Range(0, 124).Select(i => (byte)(i + block)).ToArray()),
        Preimage.Create(PreimageKind.Bytecode, [0x60, 0x00, (byte)block, 0xF3]),
    ];

    private static Bytes32 BlockHash(int block) => TreeTestData.Word(0xB10C_0000UL + (ulong)block);

    /// <summary>The commitment after blocks 0..count-1, computed on a bare tree.</summary>
    private static FlatStorageCommitment Expected(int count)
    {
        var tree = new FlatStorageTree();
        for (int block = 0; block < count; block++)
            tree.ApplyBatch(Writes(block));
        return tree.Commitment;
    }

    private static void CommitBlocks(StateDatabase database, int from, int to)
    {
        for (int block = from; block < to; block++)
            database.CommitBlock((ulong)block, BlockHash(block), Writes(block), Preimages(block));
    }

    private static void AssertHoldsBlocks(StateDatabase database, int count)
    {
        Assert.Equal(Expected(count), database.Commitment);
        Assert.Equal((ulong)(count - 1), database.Head!.BlockNumber);
        Assert.Equal(Expected(count), database.Head.Commitment);
        Assert.Equal(Enumerable.Range(0, Math.Min(count, 256)).Select(i => BlockHash(count - 1 - i)), database.Head.RecentBlockHashes);
        foreach (var (key, value) in Writes(count - 1))
            Assert.Equal(value, database.ReadStorage(key));
        for (int block = 0; block < count; block++)
        {
            foreach (var preimage in Preimages(block))
                Assert.Equal(preimage.Bytes, database.GetPreimage(preimage.Hash));
        }
        Assert.Equal(2 * count, database.Store.LoadPreimages().Count());
    }

    [Fact]
    public void FreshStoreStartsWithTheGuards()
    {
        using var database = StateDatabase.Open(new InMemoryStateStore(), ownsStore: true);
        Assert.Null(database.Head);
        Assert.Equal(new FlatStorageTree().Commitment, database.Commitment);
        Assert.Equal((true, Bytes32.Zero), database.ReadInitialSlot(_keys[0]));
        Assert.Null(database.ReadStorage(_keys[0]));
        Assert.Null(database.GetPreimage(_keys[0]));
    }

    [Fact]
    public void InMemoryRoundTrip()
    {
        var store = new InMemoryStateStore();
        using (var database = StateDatabase.Open(store))
            CommitBlocks(database, 0, 4);

        using var reopened = StateDatabase.Open(store, ownsStore: true);
        AssertHoldsBlocks(reopened, 4);
    }

    [Fact]
    public void SqliteRoundTrip()
    {
        using var file = new TempStateFile();
        using (var database = StateDatabase.Open(new SqliteStateStore(file.Path), ownsStore: true))
            CommitBlocks(database, 0, 4);

        Assert.True(File.Exists(file.Path));
        using var reopened = StateDatabase.Open(new SqliteStateStore(file.Path), ownsStore: true);
        AssertHoldsBlocks(reopened, 4);
        Assert.Equal(Path.GetFullPath(file.Path), reopened.Store.Location);
    }

    [Fact]
    public void SqliteReopenAndContinue()
    {
        using var file = new TempStateFile();
        using (var database = StateDatabase.Open(new SqliteStateStore(file.Path), ownsStore: true))
            CommitBlocks(database, 0, 3);
        using (var database = StateDatabase.Open(new SqliteStateStore(file.Path), ownsStore: true))
        {
            Assert.Equal(Expected(3), database.Commitment);
            CommitBlocks(database, 3, 6);
            AssertHoldsBlocks(database, 6);
        }
        using var reopened = StateDatabase.Open(new SqliteStateStore(file.Path), ownsStore: true);
        AssertHoldsBlocks(reopened, 6);

        // The oracle's answers come from the reloaded tree.
        var key = Writes(5)[0].Key;
        ulong index = reopened.TreeIndex(key)!.Value;
        Assert.True(FlatStorageTree.VerifyProof(reopened.MerkleProof(index), reopened.Commitment.Root));
        Assert.Equal((false, Writes(5)[0].Value), reopened.ReadInitialSlot(key));
        Assert.Equal(reopened.Tree.PrevIndex(key), reopened.PrevTreeIndex(key));
    }

    [Fact]
    public void InMemoryKeepsTheLast256BlockHashes()
    {
        using var database = StateDatabase.Open(new InMemoryStateStore(), ownsStore: true);
        for (int block = 0; block < 300; block++)
            database.CommitBlock((ulong)block, BlockHash(block), [], []);

        Assert.Equal(256, database.Head!.RecentBlockHashes.Length);
        Assert.Equal(Enumerable.Range(0, 256).Select(i => BlockHash(299 - i)), database.Head.RecentBlockHashes);
    }

    [Fact]
    public void SqliteKeepsTheLast256BlockHashes()
    {
        using var file = new TempStateFile();
        using (var database = StateDatabase.Open(new SqliteStateStore(file.Path), ownsStore: true))
        {
            // Start near the window's edge so that few commits are needed to roll it over.
            for (int block = 1000; block < 1270; block++)
                database.CommitBlock((ulong)block, BlockHash(block), [(TreeTestData.Key(0x42), TreeTestData.Word((ulong)block))], []);
        }
        using var store = new SqliteStateStore(file.Path);
        Assert.Equal(1269UL, store.Head!.BlockNumber);
        Assert.Equal(Enumerable.Range(0, 256).Select(i => BlockHash(1269 - i)), store.Head.RecentBlockHashes);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public void InvalidCommitsLeaveThePreviousState(string kind)
    {
        using var file = new TempStateFile();
        using var database = StateDatabase.Open(kind == "memory" ? new InMemoryStateStore() : new SqliteStateStore(file.Path), ownsStore: true);
        CommitBlocks(database, 0, 2);
        var before = database.Commitment;

        // Not the next block number.
        Assert.Throws<ArgumentException>(() => database.CommitBlock(5, BlockHash(5), Writes(2), Preimages(2)));
        Assert.Equal(before, database.Commitment);

        // A preimage stored under the wrong hash.
        var forged = Preimages(2)[0] with { Hash = TreeTestData.Word(1) };
        Assert.Throws<ArgumentException>(() => database.CommitBlock(2, BlockHash(2), Writes(2), [forged]));
        Assert.Equal(before, database.Commitment);
        Assert.Equal(before, database.Head!.Commitment);
        Assert.Equal(1UL, database.Head.BlockNumber);
        Assert.Null(database.GetPreimage(forged.Hash));

        // The tree was brought back, so the same block now goes through and lands where it should.
        CommitBlocks(database, 2, 3);
        AssertHoldsBlocks(database, 3);
    }

    [Theory]
    [InlineData("leaves")]
    [InlineData("preimages")]
    [InlineData("head")]
    public void SqliteFailureHalfwayThroughACommitRollsBack(string failingStep)
    {
        using var file = new TempStateFile();
        var store = new SqliteStateStore(file.Path);
        using (var database = StateDatabase.Open(store, ownsStore: true))
        {
            CommitBlocks(database, 0, 2);
            store.FaultInjector = step =>
            {
                if (step == failingStep)
                    throw new IOException($"simulated failure after {step}");
            };

            Assert.Throws<IOException>(() => CommitBlocks(database, 2, 3));
            AssertHoldsBlocks(database, 2);

            store.FaultInjector = null;
            CommitBlocks(database, 2, 3);
            AssertHoldsBlocks(database, 3);
        }
        using var reopened = StateDatabase.Open(new SqliteStateStore(file.Path), ownsStore: true);
        AssertHoldsBlocks(reopened, 3);
    }

    [Fact]
    public void SqliteFailedCommitIsNotVisibleAfterReopen()
    {
        using var file = new TempStateFile();
        var store = new SqliteStateStore(file.Path);
        using (var database = StateDatabase.Open(store, ownsStore: true))
        {
            CommitBlocks(database, 0, 2);
            store.FaultInjector = step => throw new IOException("power cut");
            Assert.Throws<IOException>(() => CommitBlocks(database, 2, 3));
        }
        using var reopened = StateDatabase.Open(new SqliteStateStore(file.Path), ownsStore: true);
        AssertHoldsBlocks(reopened, 2);
    }

    [Theory]
    [InlineData("memory")]
    [InlineData("sqlite")]
    public void StoresRejectCommitsThatDoNotFit(string kind)
    {
        using var file = new TempStateFile();
        using var store = kind == "memory" ? (IStateStore)new InMemoryStateStore() : new SqliteStateStore(file.Path);
        var tree = new FlatStorageTree();
        store.Commit(new BlockCommit(7, BlockHash(7), tree.Commitment, tree.EnumerateLeaves().ToArray(), []));

        var changed = tree.ApplyBatch([(TreeTestData.Key(0x42), TreeTestData.Word(1)), (TreeTestData.Key(0x43), TreeTestData.Word(1))]);
        var leaves = changed.Select(i => new IndexedLeaf(i, tree.GetLeaf(i))).ToArray();
        var good = new BlockCommit(8, BlockHash(8), tree.Commitment, leaves, Preimages(8));

        Assert.Throws<ArgumentException>(() => store.Commit(good with { BlockNumber = 7 }));
        Assert.Throws<ArgumentException>(() => store.Commit(good with { BlockNumber = 9 }));
        // A new leaf missing (a missing update of an old leaf only shows as a root mismatch on load).
        Assert.Throws<ArgumentException>(() => store.Commit(good with { Leaves = leaves[..^1] }));
        Assert.Throws<ArgumentException>(() => store.Commit(good with { Leaves = [.. leaves, leaves[0]] }));
        Assert.Throws<ArgumentException>(() => store.Commit(good with { Commitment = tree.Commitment with { NextFreeSlot = 3 } }));
        Assert.Throws<ArgumentException>(() => store.Commit(good with { Preimages = [Preimages(8)[0] with { Hash = TreeTestData.Word(5) }] }));
        Assert.Throws<ArgumentException>(() => store.Commit(good with { Preimages = [Preimages(8)[0] with { Kind = (PreimageKind)9 }] }));
        Assert.Equal(7UL, store.Head!.BlockNumber);
        Assert.Equal(2, store.LoadLeaves().Count());
        Assert.Empty(store.LoadPreimages());

        store.Commit(good);
        Assert.Equal(8UL, store.Head!.BlockNumber);
        Assert.Equal(tree.Commitment, FlatStorageTree.FromLeaves(store.LoadLeaves()).Commitment);
        Assert.True(store.TryGetPreimage(Preimages(8)[1].Hash, out var bytecode));
        Assert.Equal(PreimageKind.Bytecode, bytecode.Kind);
        Assert.Equal(Preimages(8)[1].Bytes, bytecode.Bytes);
        Assert.False(store.TryGetPreimage(TreeTestData.Word(5), out _));
    }

    [Fact]
    public void FirstCommitMustBringEveryLeaf()
    {
        using var store = new InMemoryStateStore();
        var tree = new FlatStorageTree();
        var changed = tree.ApplyBatch([(TreeTestData.Key(0x42), TreeTestData.Word(1))]);
        var onlyChanged = changed.Select(i => new IndexedLeaf(i, tree.GetLeaf(i))).ToArray();

        Assert.Throws<ArgumentException>(() => store.Commit(new BlockCommit(0, BlockHash(0), tree.Commitment, onlyChanged, [])));
        Assert.Null(store.Head);
        store.Commit(new BlockCommit(0, BlockHash(0), tree.Commitment, tree.EnumerateLeaves().ToArray(), []));
        Assert.Equal(3, store.LoadLeaves().Count());
    }

    [Fact]
    public void CorruptFileGivesAClearError()
    {
        using var file = new TempStateFile();
        File.WriteAllText(file.Path, string.Concat(Enumerable.Repeat("this is not a database. ", 200)));

        var error = Assert.Throws<StateStoreException>(() => new SqliteStateStore(file.Path));

        Assert.Equal(Path.GetFullPath(file.Path), error.Location);
        Assert.Contains(Path.GetFullPath(file.Path), error.Message);
        Assert.Contains("not a SQLite database", error.Message);
        Assert.IsType<SqliteException>(error.InnerException);
    }

    [Fact]
    public void ForeignDatabaseIsRefused()
    {
        using var file = new TempStateFile();
        using (var connection = new SqliteConnection($"Data Source={file.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<StateStoreException>(() => new SqliteStateStore(file.Path));
        Assert.Contains(Path.GetFullPath(file.Path), error.Message);
        Assert.Contains("not a ZkOs state store", error.Message);
    }

    [Fact]
    public void TamperedLeafIsDetectedOnOpen()
    {
        using var file = new TempStateFile();
        using (var database = StateDatabase.Open(new SqliteStateStore(file.Path), ownsStore: true))
            CommitBlocks(database, 0, 2);
        using (var connection = new SqliteConnection($"Data Source={file.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE leaves SET value = zeroblob(32) WHERE idx = 5";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        using var store = new SqliteStateStore(file.Path);
        var error = Assert.Throws<StateStoreException>(() => StateDatabase.Open(store));
        Assert.Contains(Path.GetFullPath(file.Path), error.Message);
        Assert.Contains("corrupt", error.Message);
        Assert.Contains("root", error.Message);
    }

    [Fact]
    public void BrokenLinkedListIsDetectedOnOpen()
    {
        using var file = new TempStateFile();
        using (var database = StateDatabase.Open(new SqliteStateStore(file.Path), ownsStore: true))
            CommitBlocks(database, 0, 1);
        using (var connection = new SqliteConnection($"Data Source={file.Path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE leaves SET next = 1 WHERE idx = 0";
            command.ExecuteNonQuery();
        }

        using var store = new SqliteStateStore(file.Path);
        var error = Assert.Throws<StateStoreException>(() => StateDatabase.Open(store));
        Assert.Contains("leaf 0 has next = 1", error.Message);
    }

    [Fact]
    public void LockedDatabaseGivesAClearError()
    {
        using var file = new TempStateFile();
        using var owner = new SqliteStateStore(file.Path);

        var error = Assert.Throws<StateStoreException>(() => new SqliteStateStore(file.Path, TimeSpan.FromSeconds(1)));

        Assert.Equal(Path.GetFullPath(file.Path), error.Location);
        Assert.Contains("locked", error.Message);
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.Oracle;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.ZkSync.Storage;

/// <summary>
/// The state a forward run executes against: the in-memory tree rebuilt from a store, answering the
/// oracle's storage, tree and preimage queries (§6.4: ReadStorage, ReadStorageTree, PreimageSource;
/// as <see cref="IOracleStateReader"/> for <see cref="ForwardOracle"/>) as of the last committed
/// block, and committing each finished block to both.
/// </summary>
/// <remarks>
/// The tree is the working copy and the store the durable one. A block is applied to the tree first
/// (that yields the leaves to persist) and then committed to the store; if the store refuses or
/// fails, the tree is rebuilt from the store, so both always hold the same block. Not thread-safe.
/// </remarks>
public sealed class StateDatabase : IOracleStateReader, IDisposable
{
    private readonly bool _ownsStore;

    private StateDatabase(IStateStore store, FlatStorageTree tree, bool ownsStore)
    {
        Store = store;
        Tree = tree;
        _ownsStore = ownsStore;
    }

    public IStateStore Store { get; }

    /// <summary>The state after <see cref="Head"/> (guards only before the first block).</summary>
    public FlatStorageTree Tree { get; private set; }

    /// <summary>The last committed block, or null before the first.</summary>
    public ChainHead? Head => Store.Head;

    public FlatStorageCommitment Commitment => Tree.Commitment;

    /// <summary>
    /// Loads the tree from <paramref name="store"/> and checks it against the stored commitment.
    /// With <paramref name="ownsStore"/>, disposing the database disposes the store.
    /// </summary>
    /// <exception cref="StateStoreException">The stored leaves are malformed or do not hash to the stored root.</exception>
    public static StateDatabase Open(IStateStore store, bool ownsStore = false)
    {
        ArgumentNullException.ThrowIfNull(store);
        return new StateDatabase(store, LoadTree(store), ownsStore);
    }

    /// <summary>The current value of a slot, or null if the tree has never held it (§6.4 ReadStorage).</summary>
    public Bytes32? ReadStorage(in Bytes32 flatKey)
    {
        var (exists, value) = Tree.Read(flatKey);
        return exists ? value : null;
    }

    /// <summary>The oracle's InitialStorageSlot answer (§6.1 query 4): a key never held is new with value 0.</summary>
    public (bool IsNew, Bytes32 InitialValue) ReadInitialSlot(in Bytes32 flatKey)
    {
        var (exists, value) = Tree.Read(flatKey);
        return (!exists, value);
    }

    /// <inheritdoc cref="ReadInitialSlot(in Bytes32)"/>
    public (bool IsNew, Bytes32 InitialValue) ReadInitialSlot(in Address address, in Bytes32 key) =>
        ReadInitialSlot(FlatKey.Compute(address, key));

    /// <summary>The leaf index of an existing key, or null (§6.4 tree_index; §6.1 ExactIndex).</summary>
    public ulong? TreeIndex(in Bytes32 flatKey) => Tree.TryGetIndex(flatKey, out ulong index) ? index : null;

    /// <summary>The Merkle proof of a leaf position (§6.4 merkle_proof; §6.1 ProofForIndex).</summary>
    public LeafProof MerkleProof(ulong index) => Tree.GetProof(index);

    /// <summary>The index of the greatest key below <paramref name="flatKey"/> (§6.4 prev_tree_index; §6.1 PrevIndex).</summary>
    public ulong PrevTreeIndex(in Bytes32 flatKey) => Tree.PrevIndex(flatKey);

    /// <summary>The bytes stored under <paramref name="hash"/>, or null (§6.4 PreimageSource).</summary>
    public byte[]? GetPreimage(in Bytes32 hash) => Store.TryGetPreimage(hash, out var preimage) ? preimage.Bytes : null;

    bool IOracleStateReader.TryReadSlot(in Bytes32 flatKey, out Bytes32 value)
    {
        bool exists;
        (exists, value) = Tree.Read(flatKey);
        return exists;
    }

    bool IOracleStateReader.TryGetTreeIndex(in Bytes32 flatKey, out ulong index) => Tree.TryGetIndex(flatKey, out index);

    void IOracleStateReader.WriteProof(ulong index, List<uint> words) => LeafProofWords.Write(words, Tree.GetProof(index));

    /// <summary>
    /// Applies a finished block: its net storage writes in the reference's order (see
    /// <see cref="FlatStorageTree.ApplyBatch"/>) go into the tree, then the changed leaves, the block's
    /// new preimages and its hash are committed to the store as one unit.
    /// </summary>
    /// <returns>The tree commitment after the block.</returns>
    /// <exception cref="ArgumentException">The writes or the commit are invalid; nothing changed.</exception>
    /// <exception cref="StateStoreException">The store failed; the tree was reloaded and nothing changed.</exception>
    public FlatStorageCommitment CommitBlock(
        ulong blockNumber,
        in Bytes32 blockHash,
        ReadOnlySpan<(Bytes32 Key, Bytes32 Value)> orderedWrites,
        IReadOnlyList<Preimage> preimages)
    {
        // Checked before the tree changes, so that the common mistakes do not cost a reload.
        BlockCommitRules.ValidateSequence(blockNumber, Store.Head);
        BlockCommitRules.ValidatePreimages(preimages);
        bool firstBlock = Store.Head is null;
        var changed = Tree.ApplyBatch(orderedWrites);

        // A store that has never committed holds nothing yet, not even the guards: give it every leaf.
        IReadOnlyList<IndexedLeaf> leaves = firstBlock
            ? Tree.EnumerateLeaves().ToArray()
            : Array.ConvertAll(changed, index => new IndexedLeaf(index, Tree.GetLeaf(index)));
        var commit = new BlockCommit(blockNumber, blockHash, Tree.Commitment, leaves, preimages);
        try
        {
            Store.Commit(commit);
        }
        catch (Exception failure)
        {
            // The store is unchanged, so it is the truth: bring the tree back to it.
            try
            {
                Tree = LoadTree(Store);
            }
            catch (Exception reload)
            {
                throw new StateStoreException(Store.Location, "a block commit failed and the tree could not be reloaded", new AggregateException(failure, reload));
            }
            throw;
        }
        return Tree.Commitment;
    }

    public void Dispose()
    {
        if (_ownsStore)
            Store.Dispose();
    }

    private static FlatStorageTree LoadTree(IStateStore store)
    {
        var head = store.Head;
        if (head is null)
        {
            if (store.LoadLeaves().Any())
                throw new StateStoreException(store.Location, "is corrupt: it holds leaves but no committed block");
            return new FlatStorageTree();
        }

        FlatStorageTree tree;
        try
        {
            tree = FlatStorageTree.FromLeaves(store.LoadLeaves());
        }
        catch (InvalidDataException e)
        {
            throw new StateStoreException(store.Location, $"is corrupt: {e.Message}", e);
        }
        if (tree.Commitment != head.Commitment)
        {
            throw new StateStoreException(
                store.Location,
                $"is corrupt: its leaves give root {tree.Root} and next_free_slot {tree.NextFreeSlot}, but block {head.BlockNumber} committed root {head.Commitment.Root} and next_free_slot {head.Commitment.NextFreeSlot}");
        }
        return tree;
    }
}

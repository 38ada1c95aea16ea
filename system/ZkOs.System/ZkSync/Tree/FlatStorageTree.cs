// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Tree;

/// <summary>
/// The ZKsync OS state tree (§7.1): a fixed-depth-64 binary BLAKE2s Merkle tree whose leaves
/// (key, value, next) are allocated left to right and linked by <c>next</c> in ascending key order,
/// between the guards 0x00…00 at index 0 and 0xFF…FF at index 1. Answers the oracle's storage and
/// tree queries (§6.1: InitialStorageSlot, ProofForIndex, PrevIndex, ExactIndex) and applies a
/// block's writes with incremental root maintenance.
/// </summary>
/// <remarks>
/// <para>Because leaves fill a prefix of the index space, the non-empty nodes of every level also form
/// a prefix (node i of level l is non-empty exactly when i·2^l &lt; next_free_slot). So each level is a
/// dense array of about next_free_slot / 2^l hashes, and everything to its right is the precomputed
/// empty-subtree hash of that level: a tree of n leaves stores about 2n hashes, and applying a batch
/// rehashes only the paths above the leaves it changed (at most 64 nodes each, shared paths once).</para>
/// <para>Not thread-safe: reads may run concurrently only while no batch is being applied.</para>
/// </remarks>
public sealed class FlatStorageTree
{
    /// <summary>Levels between a leaf and the root.</summary>
    public const int Depth = FlatStorageHasher.Depth;

    /// <summary>Index of the guard leaf with the smallest key (0x00…00).</summary>
    public const ulong MinGuardIndex = 0;

    /// <summary>Index of the guard leaf with the largest key (0xFF…FF).</summary>
    public const ulong MaxGuardIndex = 1;

    /// <summary>The first index a real key gets in an empty tree.</summary>
    public const ulong FirstFreeSlot = 2;

    private static readonly Bytes32 _maxGuardKey = new(Enumerable.Repeat((byte)0xFF, Bytes32.Size).ToArray());

    private readonly Bytes32[][] _levels = new Bytes32[Depth + 1][];
    private readonly Dictionary<Bytes32, ulong> _indexByKey;
    private readonly SortedKeyIndex _sortedKeys;
    private FlatStorageLeaf[] _leaves;
    private ulong _nextFreeSlot;
    private ulong[] _dirty = [];

    /// <summary>An empty state: only the two guards.</summary>
    public FlatStorageTree()
        : this(
            [
                // The min guard points at the max guard, which (by the reference's convention) points at itself.
                new FlatStorageLeaf(MinGuardKey, Bytes32.Zero, MaxGuardIndex),
                new FlatStorageLeaf(_maxGuardKey, Bytes32.Zero, MaxGuardIndex),
            ],
            new Dictionary<Bytes32, ulong> { [MinGuardKey] = MinGuardIndex, [_maxGuardKey] = MaxGuardIndex },
            SortedKeyIndex.FromSorted([(MinGuardKey, MinGuardIndex), (_maxGuardKey, MaxGuardIndex)]))
    {
    }

    private FlatStorageTree(FlatStorageLeaf[] leaves, Dictionary<Bytes32, ulong> indexByKey, SortedKeyIndex sortedKeys)
    {
        _leaves = [];
        _indexByKey = indexByKey;
        _sortedKeys = sortedKeys;
        EnsureCapacity((ulong)leaves.Length);
        leaves.CopyTo(_leaves, 0);
        _nextFreeSlot = (ulong)leaves.Length;
        RehashAll();
    }

    /// <summary>Key of the guard at index 0.</summary>
    public static Bytes32 MinGuardKey => Bytes32.Zero;

    /// <summary>Key of the guard at index 1.</summary>
    public static Bytes32 MaxGuardKey => _maxGuardKey;

    /// <summary>The index the next new key will get; also the number of occupied leaves, guards included.</summary>
    public ulong NextFreeSlot => _nextFreeSlot;

    public Bytes32 Root => _levels[Depth][0];

    public FlatStorageCommitment Commitment => new(Root, _nextFreeSlot);

    /// <summary>
    /// Rebuilds a tree from its leaves, as a state store returns them: indices 0, 1, 2, … without gaps.
    /// Checks the guards, that keys are unique and that the <c>next</c> pointers are exactly the
    /// ascending key order, so a damaged store cannot produce a tree that silently answers wrongly.
    /// </summary>
    /// <exception cref="InvalidDataException">The leaves do not form a valid tree; the message says how.</exception>
    public static FlatStorageTree FromLeaves(IEnumerable<IndexedLeaf> leaves)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        var list = new List<FlatStorageLeaf>();
        foreach (var (index, leaf) in leaves)
        {
            if (index != (ulong)list.Count)
                throw new InvalidDataException($"state tree leaves must have the indices 0, 1, 2, … in order; found {index} where {list.Count} was expected");
            list.Add(leaf);
        }
        var array = list.ToArray();

        if (array.Length < 2)
            throw new InvalidDataException($"a state tree has at least the two guard leaves; got {array.Length} leaves");
        if (array[MinGuardIndex].Key != MinGuardKey || !array[MinGuardIndex].Value.IsZero)
            throw new InvalidDataException($"leaf 0 must be the guard with key 0x00…00 and value 0; found {array[MinGuardIndex]}");
        if (array[MaxGuardIndex] != new FlatStorageLeaf(_maxGuardKey, Bytes32.Zero, MaxGuardIndex))
            throw new InvalidDataException($"leaf 1 must be the guard with key 0xFF…FF, value 0 and next 1; found {array[MaxGuardIndex]}");

        var indexByKey = new Dictionary<Bytes32, ulong>(array.Length);
        var sorted = new (Bytes32 Key, ulong Index)[array.Length];
        for (int i = 0; i < array.Length; i++)
        {
            if (!indexByKey.TryAdd(array[i].Key, (ulong)i))
                throw new InvalidDataException($"key {array[i].Key} is held by both leaf {indexByKey[array[i].Key]} and leaf {i}");
            sorted[i] = (array[i].Key, (ulong)i);
        }
        Array.Sort(sorted, static (a, b) => a.Key.CompareTo(b.Key));

        // The guards hold the extreme keys, so the list runs from index 0 to index 1; each leaf must
        // point at the holder of the next larger key.
        for (int i = 0; i + 1 < sorted.Length; i++)
        {
            ulong from = sorted[i].Index, expected = sorted[i + 1].Index;
            if (array[from].Next != expected)
                throw new InvalidDataException($"leaf {from} has next = {array[from].Next}, but the next larger key is at leaf {expected}");
        }

        return new FlatStorageTree(array, indexByKey, SortedKeyIndex.FromSorted(sorted));
    }

    /// <summary>The root a proof implies, for folding several proofs together.</summary>
    public static Bytes32 ComputeRoot(in LeafProof proof) => proof.ComputeRoot();

    /// <summary>Whether <paramref name="proof"/>'s leaf sits at its index under <paramref name="root"/>.</summary>
    public static bool VerifyProof(in LeafProof proof, in Bytes32 root) =>
        !proof.Path.IsDefault && proof.ComputeRoot() == root;

    /// <summary>
    /// The value of <paramref name="flatKey"/>; <c>Exists</c> is false for a key the tree has never held
    /// (the oracle's "new storage slot", value 0).
    /// </summary>
    public (bool Exists, Bytes32 Value) Read(in Bytes32 flatKey) =>
        _indexByKey.TryGetValue(flatKey, out ulong index) ? (true, _leaves[index].Value) : (false, Bytes32.Zero);

    /// <summary>The leaf index of an existing key (the oracle's ExactIndex).</summary>
    public bool TryGetIndex(in Bytes32 flatKey, out ulong index) => _indexByKey.TryGetValue(flatKey, out index);

    /// <summary>
    /// The index of the leaf with the greatest key strictly below <paramref name="flatKey"/> (the oracle's
    /// PrevIndex): the left end of a non-membership proof, and the leaf a new key is linked after.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="flatKey"/> is 0x00…00, which has no key below it.</exception>
    public ulong PrevIndex(in Bytes32 flatKey)
    {
        if (!_sortedKeys.TryFindPredecessor(flatKey, out ulong index))
            throw new ArgumentOutOfRangeException(nameof(flatKey), "no key lies below 0x00…00 (the min guard)");
        return index;
    }

    /// <summary>The leaf at <paramref name="index"/>; the empty leaf for a slot not yet allocated.</summary>
    public FlatStorageLeaf GetLeaf(ulong index) => index < _nextFreeSlot ? _leaves[index] : FlatStorageLeaf.Empty;

    /// <summary>
    /// The Merkle proof of position <paramref name="index"/> (the oracle's ProofForIndex): its leaf and
    /// the 64 sibling hashes bottom-up. Unallocated positions prove the empty leaf.
    /// </summary>
    public LeafProof GetProof(ulong index)
    {
        var path = new Bytes32[Depth];
        for (int level = 0; level < Depth; level++)
            path[level] = Node(level, (index >> level) ^ 1);
        return new LeafProof(index, GetLeaf(index), ImmutableCollectionsMarshal.AsImmutableArray(path));
    }

    /// <summary>All allocated leaves in index order (guards first).</summary>
    public IEnumerable<IndexedLeaf> EnumerateLeaves()
    {
        for (ulong index = 0; index < _nextFreeSlot; index++)
            yield return new IndexedLeaf(index, _leaves[index]);
    }

    /// <summary>
    /// Applies a block's net writes in the given order: an existing key gets its new value in place, a
    /// new key takes the leaf at next_free_slot and is linked between its neighbours (the predecessor
    /// now points at it, and it points at the predecessor's old successor). New keys are appended in
    /// exactly this order, which fixes the root, so the caller must pass them in the order the
    /// reference iterates (WarmStorageKey order, §7.2). A key repeated in the batch ends with its last
    /// value. A new key is inserted even with value 0: pass only slots whose value changed.
    /// </summary>
    /// <returns>
    /// The indices of the leaves the batch wrote, ascending and distinct: every leaf whose content
    /// changed (what a store must persist), plus any a repeated key changed and then restored.
    /// </returns>
    /// <exception cref="ArgumentException">A write targets a guard key; nothing is applied.</exception>
    public ulong[] ApplyBatch(ReadOnlySpan<(Bytes32 Key, Bytes32 Value)> writes)
    {
        foreach (var (key, _) in writes)
        {
            if (key == MinGuardKey || key == _maxGuardKey)
                throw new ArgumentException($"the guard key {key} cannot be written", nameof(writes));
        }
        // Grow everything up front so that nothing can fail once the leaves start changing.
        EnsureCapacity(_nextFreeSlot + (ulong)writes.Length);
        if (_dirty.Length < 2 * writes.Length)
            _dirty = new ulong[Math.Max(2 * writes.Length, 2 * _dirty.Length)];

        int dirtyCount = 0;
        foreach (var (key, value) in writes)
        {
            if (_indexByKey.TryGetValue(key, out ulong existing))
            {
                if (_leaves[existing].Value != value)
                {
                    _leaves[existing] = _leaves[existing] with { Value = value };
                    _dirty[dirtyCount++] = existing;
                }
                continue;
            }

            // Cannot fail: the min guard's key is below every key that reaches here.
            _sortedKeys.TryFindPredecessor(key, out ulong previous);
            ulong index = _nextFreeSlot++;
            _leaves[index] = new FlatStorageLeaf(key, value, _leaves[previous].Next);
            _leaves[previous] = _leaves[previous] with { Next = index };
            _indexByKey.Add(key, index);
            _sortedKeys.Insert(key, index);
            _dirty[dirtyCount++] = previous;
            _dirty[dirtyCount++] = index;
        }

        return RehashDirty(dirtyCount);
    }

    /// <summary>Recomputes the leaf hashes of the first <paramref name="count"/> dirty indices and every node above them.</summary>
    private ulong[] RehashDirty(int count)
    {
        var dirty = _dirty.AsSpan(0, count);
        dirty.Sort();
        count = Deduplicate(dirty);
        dirty = dirty[..count];
        var changed = dirty.ToArray();

        var leafHashes = _levels[0];
        foreach (ulong index in dirty)
            leafHashes[index] = FlatStorageHasher.HashLeaf(_leaves[index]);

        // Parents of sorted indices come out sorted, so equal parents are adjacent and each is hashed once.
        for (int level = 1; level <= Depth; level++)
        {
            var nodes = _levels[level];
            int parents = 0;
            ulong last = ulong.MaxValue;
            for (int i = 0; i < count; i++)
            {
                ulong parent = dirty[i] >> 1;
                if (parent == last)
                    continue;
                last = parent;
                dirty[parents++] = parent;
                nodes[parent] = FlatStorageHasher.HashNode(Node(level - 1, parent << 1), Node(level - 1, (parent << 1) | 1));
            }
            count = parents;
        }
        return changed;
    }

    private void RehashAll()
    {
        var leafHashes = _levels[0];
        for (ulong index = 0; index < _nextFreeSlot; index++)
            leafHashes[index] = FlatStorageHasher.HashLeaf(_leaves[index]);
        for (int level = 1; level <= Depth; level++)
        {
            var nodes = _levels[level];
            ulong nodeCount = NodeCount(level);
            for (ulong parent = 0; parent < nodeCount; parent++)
                nodes[parent] = FlatStorageHasher.HashNode(Node(level - 1, parent << 1), Node(level - 1, (parent << 1) | 1));
        }
    }

    /// <summary>How many nodes of <paramref name="level"/> are non-empty (a prefix; see the remarks on the class).</summary>
    private ulong NodeCount(int level) =>
        // A shift by 64 would be a shift by 0 in C#: the root level is handled apart.
        level >= Depth ? 1 : ((_nextFreeSlot - 1) >> level) + 1;

    private Bytes32 Node(int level, ulong index) =>
        index < NodeCount(level) ? _levels[level][index] : FlatStorageHasher.EmptySubtreeUnchecked(level);

    /// <summary>Makes room for <paramref name="leafCount"/> leaves in the leaf array and in every level.</summary>
    private void EnsureCapacity(ulong leafCount)
    {
        if (leafCount <= (ulong)_leaves.Length && _levels[0] is not null)
            return;
        if (leafCount > (ulong)Array.MaxLength)
            throw new InvalidOperationException($"an in-memory state tree holds at most {Array.MaxLength} leaves; {leafCount} were requested");

        ulong capacity = Math.Max(leafCount, Math.Min(2 * (ulong)_leaves.Length, (ulong)Array.MaxLength));
        capacity = Math.Max(capacity, 4);
        Array.Resize(ref _leaves, (int)capacity);
        for (int level = 0; level <= Depth; level++)
        {
            ulong nodes = level >= Depth ? 1 : ((capacity - 1) >> level) + 1;
            Array.Resize(ref _levels[level], (int)nodes);
        }
    }

    private static int Deduplicate(Span<ulong> sorted)
    {
        if (sorted.IsEmpty)
            return 0;
        int written = 1;
        for (int i = 1; i < sorted.Length; i++)
        {
            if (sorted[i] != sorted[written - 1])
                sorted[written++] = sorted[i];
        }
        return written;
    }
}

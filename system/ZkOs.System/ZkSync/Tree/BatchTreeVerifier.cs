// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.Oracle.Csr;

namespace ZkOs.System.ZkSync.Tree;

/// <summary>
/// The proving finish's <c>verify_and_apply_batch</c> (reference §7.2): proves every initial value the
/// block consumed against the old root, then applies the block's writes to the proven part of the tree
/// and computes the new root and next free slot, without ever holding the whole tree.
/// </summary>
/// <remarks>
/// <para>Every proof is folded up to the root, and every node it implies (siblings and path nodes) is
/// kept. The new root is then recomputed over the touched leaves only: a child is a recomputed node if
/// the batch changed something below it, a proven node otherwise, or the empty subtree when it lies at
/// or beyond the old next free slot, which the proof of the last occupied leaf shows is empty.</para>
/// <para>New keys are appended at the next free slot in the accesses' order (WarmStorageKey order, as the
/// forward tree does) and linked after their sorted predecessor, found by walking the <c>next</c> pointers
/// from the old predecessor the non-membership proof established.</para>
/// </remarks>
public sealed class BatchTreeVerifier(IProofSource source)
{
    private readonly Dictionary<(int Level, ulong Index), Bytes32> _proven = [];
    private readonly Dictionary<ulong, FlatStorageLeaf> _leaves = [];
    private readonly List<ulong> _dirty = [];
    private readonly List<ulong> _initialIndices = [];
    // Rehash's two levels (children, parents), swapped as it climbs, and the path buffer of the proof
    // being read: reused, so a verification in steady state allocates nothing.
    private Dictionary<ulong, Bytes32> _children = [];
    private Dictionary<ulong, Bytes32> _parents = [];
    private List<ulong> _childOrder = [];
    private List<ulong> _parentOrder = [];
    private readonly Bytes32[] _path = new Bytes32[FlatStorageHasher.Depth];
    private FlatStorageCommitment _old;

    /// <summary>Verifies <paramref name="accesses"/> against <paramref name="old"/> and returns the commitment after the writes.</summary>
    /// <exception cref="WitnessException">A proof does not reach the old root or contradicts a claimed initial value.</exception>
    public FlatStorageCommitment VerifyAndApply(FlatStorageCommitment old, ReadOnlySpan<NetStorageAccess> accesses)
    {
        _proven.Clear();
        _leaves.Clear();
        _dirty.Clear();
        _old = old;
        if (old.NextFreeSlot < FlatStorageTree.FirstFreeSlot)
        {
            throw new WitnessException($"the initial state claims next_free_slot {old.NextFreeSlot}; the guards alone take {FlatStorageTree.FirstFreeSlot}");
        }

        var initialIndices = _initialIndices;
        initialIndices.Clear();
        for (var i = 0; i < accesses.Length; i++)
        {
            initialIndices.Add(accesses[i].IsNew ? ProveAbsent(accesses[i]) : ProvePresent(accesses[i]));
        }
        ProveLastOccupied();

        var next = old.NextFreeSlot;
        for (var i = 0; i < accesses.Length; i++)
        {
            var access = accesses[i];
            if (!access.IsWrite)
            {
                continue;
            }
            if (!access.IsNew)
            {
                var index = initialIndices[i];
                _leaves[index] = _leaves[index] with { Value = access.Current };
                _dirty.Add(index);
                continue;
            }
            // The old predecessor, then any key this batch already inserted between it and the new key.
            var previous = initialIndices[i];
            while (Leaf(_leaves[previous].Next).Key.CompareTo(access.FlatKey) < 0)
            {
                previous = _leaves[previous].Next;
            }
            var appended = next++;
            _leaves[appended] = new FlatStorageLeaf(access.FlatKey, access.Current, _leaves[previous].Next);
            _leaves[previous] = _leaves[previous] with { Next = appended };
            _dirty.Add(previous);
            _dirty.Add(appended);
        }
        return new FlatStorageCommitment(Rehash(), next);
    }

    private ulong ProvePresent(in NetStorageAccess access)
    {
        var index = source.ExactIndex(access.FlatKey);
        var leaf = Prove(index);
        if (leaf.Key != access.FlatKey)
        {
            throw new WitnessException($"leaf {index} holds key {leaf.Key}, not the claimed key {access.FlatKey}");
        }
        if (leaf.Value != access.Initial)
        {
            throw new WitnessException($"key {access.FlatKey} holds {leaf.Value} in the initial tree, but the run was told {access.Initial}");
        }
        return index;
    }

    /// <returns>The index of the key's predecessor in the initial tree.</returns>
    private ulong ProveAbsent(in NetStorageAccess access)
    {
        if (!access.Initial.IsZero)
        {
            throw new WitnessException($"key {access.FlatKey} was claimed new with the nonzero value {access.Initial}");
        }
        var previous = source.PrevIndex(access.FlatKey);
        var lower = Prove(previous);
        var upper = Prove(lower.Next);
        if (lower.Key.CompareTo(access.FlatKey) >= 0 || upper.Key.CompareTo(access.FlatKey) <= 0)
        {
            throw new WitnessException(
                $"key {access.FlatKey} was claimed new, but leaves {previous} and {lower.Next} ({lower.Key}, {upper.Key}) do not enclose it");
        }
        return previous;
    }

    /// <summary>
    /// Proves the leaf at next_free_slot − 1 occupied and everything to its right empty, so no new leaf
    /// can be written over an existing one and the empty subtrees used in <see cref="Rehash"/> are sound.
    /// </summary>
    private void ProveLastOccupied()
    {
        var last = _old.NextFreeSlot - 1;
        var leaf = source.ProofForIndex(last, _path, out var provenIndex);
        Remember(leaf, provenIndex, last);
        if (leaf.IsEmpty)
        {
            throw new WitnessException($"the initial state claims next_free_slot {_old.NextFreeSlot}, but leaf {last} is empty");
        }
        for (var level = 0; level < FlatStorageHasher.Depth; level++)
        {
            if (((last >> level) & 1) == 0 && _path[level] != FlatStorageHasher.EmptySubtree(level))
            {
                throw new WitnessException(
                    $"the initial state claims next_free_slot {_old.NextFreeSlot}, but the tree holds leaves beyond it (level {level})");
            }
        }
    }

    private FlatStorageLeaf Prove(ulong index)
    {
        if (index >= _old.NextFreeSlot)
        {
            throw new WitnessException($"index {index} is at or beyond next_free_slot {_old.NextFreeSlot}");
        }
        if (_leaves.TryGetValue(index, out var known))
        {
            return known;
        }
        var leaf = source.ProofForIndex(index, _path, out var provenIndex);
        Remember(leaf, provenIndex, index);
        return leaf;
    }

    /// <summary>Checks the proof just read (the leaf, the path in <see cref="_path"/>) against the old root and keeps every node it implies.</summary>
    private void Remember(in FlatStorageLeaf leaf, ulong provenIndex, ulong index)
    {
        if (provenIndex != index)
        {
            throw new WitnessException($"asked for the proof of leaf {index}, got one for leaf {provenIndex}");
        }
        var current = FlatStorageHasher.HashLeaf(leaf);
        for (var level = 0; level < FlatStorageHasher.Depth; level++)
        {
            var position = index >> level;
            _proven[(level, position)] = current;
            _proven[(level, position ^ 1)] = _path[level];
            current = (position & 1) == 0
                ? FlatStorageHasher.HashNode(current, _path[level])
                : FlatStorageHasher.HashNode(_path[level], current);
        }
        if (current != _old.Root)
        {
            throw new WitnessException($"the proof of leaf {index} leads to root {current}, not the initial root {_old.Root}");
        }
        _leaves.TryAdd(index, leaf);
    }

    private FlatStorageLeaf Leaf(ulong index) =>
        _leaves.TryGetValue(index, out var leaf)
            ? leaf
            : throw new WitnessException($"leaf {index} is linked from a proven leaf but was never proven");

    /// <summary>Recomputes the root over the dirty leaves, level by level, each parent once.</summary>
    private Bytes32 Rehash()
    {
        if (_dirty.Count == 0)
        {
            return _old.Root;
        }
        _dirty.Sort();
        var current = _children;
        var level = _childOrder;
        current.Clear();
        level.Clear();
        foreach (var index in _dirty)
        {
            if (current.TryAdd(index, default))
            {
                level.Add(index);
            }
            current[index] = FlatStorageHasher.HashLeaf(_leaves[index]);
        }
        var parents = _parents;
        var order = _parentOrder;
        for (var height = 0; height < FlatStorageHasher.Depth; height++)
        {
            parents.Clear();
            order.Clear();
            foreach (var index in level)
            {
                var parent = index >> 1;
                if (parents.ContainsKey(parent))
                {
                    continue;
                }
                parents[parent] = FlatStorageHasher.HashNode(
                    Node(current, height, parent << 1), Node(current, height, (parent << 1) | 1));
                order.Add(parent);
            }
            (current, parents) = (parents, current);
            (level, order) = (order, level);
        }
        // The climb leaves the levels swapped some number of times; keep the fields pointing at both.
        (_children, _parents, _childOrder, _parentOrder) = (current, parents, level, order);
        return current[0];
    }

    private Bytes32 Node(Dictionary<ulong, Bytes32> changed, int height, ulong index)
    {
        if (changed.TryGetValue(index, out var hash) || _proven.TryGetValue((height, index), out hash))
        {
            return hash;
        }
        // Starts at or beyond the old next free slot: empty, as ProveLastOccupied showed.
        // (index << height cannot overflow: a node at that height has an index below 2^(64 − height).)
        if (index << height >= _old.NextFreeSlot)
        {
            return FlatStorageHasher.EmptySubtree(height);
        }
        throw new WitnessException($"node {index} at height {height} is needed for the new root but no proof covers it");
    }
}

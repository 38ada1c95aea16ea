// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.Tests.ZkSync;

/// <summary>Hand-derived and edge cases of the §7.1 tree; random batches are in FlatStorageTreePropertyTests.</summary>
public class FlatStorageTreeTests
{
    // The empty root is also the constant the reference implementation's own tests assert; the one-slot
    // root was pinned after the hand-derived computation below agreed with the tree and NaiveStateTree.
    private const string EmptyRootHex = "0x90a83ead2ba2194fbbb0f7cd2a017e36cfb4891513546d943a7282c2844d4b6b";
    private const string OneSlotRootHex = "0xeb95080db4ff2131294431a1b6b463195deedd40d6a4d1ab6eeebea72bfaa39a";

    private static readonly Bytes32 _oneSlotKey = FlatKey.Compute(Address.FromUInt64(0x1234), TreeTestData.Word(0));
    private static readonly Bytes32 _oneSlotValue = TreeTestData.Word(42);

    private static byte[] H(byte[] left, byte[] right) => NaiveStateTree.Blake2s(left, right);

    private static byte[] E(int level) => NaiveStateTree.EmptySubtree(level);

    [Fact]
    public void EmptySubtreesAreTheAllZeroLeafHashedUp()
    {
        Assert.Equal(new Bytes32(NaiveStateTree.Blake2s(new byte[72])), FlatStorageHasher.EmptySubtree(0));
        for (int level = 0; level <= FlatStorageTree.Depth; level++)
            Assert.Equal(new Bytes32(E(level)), FlatStorageHasher.EmptySubtree(level));
    }

    [Fact]
    public void EmptyTreeHoldsOnlyTheGuards()
    {
        var tree = new FlatStorageTree();

        Assert.Equal(2UL, tree.NextFreeSlot);
        Assert.Equal(new FlatStorageLeaf(Bytes32.Zero, Bytes32.Zero, 1), tree.GetLeaf(0));
        Assert.Equal(new FlatStorageLeaf(TreeTestData.Filled(0xFF), Bytes32.Zero, 1), tree.GetLeaf(1));
        Assert.Equal(FlatStorageLeaf.Empty, tree.GetLeaf(2));
    }

    [Fact]
    public void EmptyTreeRootByHand()
    {
        // Leaves 0 and 1 share the level-1 node; every node above has only empty subtrees on its right.
        var h0 = NaiveStateTree.LeafHash(new byte[32], new byte[32], next: 1);
        var h1 = NaiveStateTree.LeafHash(TreeTestData.Filled(0xFF).ToArray(), new byte[32], next: 1);
        var node = H(h0, h1);
        for (int level = 2; level <= FlatStorageTree.Depth; level++)
            node = H(node, E(level - 1));

        var tree = new FlatStorageTree();
        Assert.Equal(new Bytes32(node), tree.Root);
        Assert.Equal(new Bytes32(new NaiveStateTree().Root()), tree.Root);
        Assert.Equal(Bytes32.Parse(EmptyRootHex), tree.Root);
        Assert.Equal(new FlatStorageCommitment(tree.Root, 2), tree.Commitment);
    }

    [Fact]
    public void OneSlotTreeByHand()
    {
        var tree = new FlatStorageTree();
        var changed = tree.ApplyBatch([(_oneSlotKey, _oneSlotValue)]);

        // The new key lands at index 2 between the guards: 0 → 2 → 1, and the max guard points at itself.
        Assert.Equal([0UL, 2UL], changed);
        Assert.Equal(3UL, tree.NextFreeSlot);
        Assert.Equal(2UL, tree.GetLeaf(0).Next);
        Assert.Equal(1UL, tree.GetLeaf(2).Next);
        Assert.Equal(1UL, tree.GetLeaf(1).Next);
        Assert.Equal(new FlatStorageLeaf(_oneSlotKey, _oneSlotValue, 1), tree.GetLeaf(2));

        var h0 = NaiveStateTree.LeafHash(new byte[32], new byte[32], next: 2);
        var h1 = NaiveStateTree.LeafHash(TreeTestData.Filled(0xFF).ToArray(), new byte[32], next: 1);
        var h2 = NaiveStateTree.LeafHash(_oneSlotKey.ToArray(), _oneSlotValue.ToArray(), next: 1);
        var node = H(H(h0, h1), H(h2, E(0)));
        for (int level = 3; level <= FlatStorageTree.Depth; level++)
            node = H(node, E(level - 1));

        var naive = new NaiveStateTree();
        naive.Apply([(_oneSlotKey, _oneSlotValue)]);
        Assert.Equal(new Bytes32(node), tree.Root);
        Assert.Equal(new Bytes32(naive.Root()), tree.Root);
        Assert.Equal(Bytes32.Parse(OneSlotRootHex), tree.Root);

        Assert.Equal((true, _oneSlotValue), tree.Read(_oneSlotKey));
        Assert.True(tree.TryGetIndex(_oneSlotKey, out ulong index));
        Assert.Equal(2UL, index);
    }

    [Fact]
    public void MatchesThePublishedTwoInsertionVector()
    {
        // A public test vector of the reference ecosystem: two keys that are small big-endian numbers.
        var tree = new FlatStorageTree();
        tree.ApplyBatch([(TreeTestData.Word(0xC0FFEEFE), TreeTestData.Filled(0x10))]);
        tree.ApplyBatch([(TreeTestData.Word(0xDEADBEEF), TreeTestData.Filled(0x20))]);

        Assert.Equal(Bytes32.Parse("0xc90465eddad7cc858a2fbf61013d7051c143887a887e5a7a19344ac32151b207"), tree.Root);
    }

    [Fact]
    public void LinksNewKeysBetweenTheirNeighbours()
    {
        // Keys 0x02…, 0x01…, 0x03… inserted in that order take indices 2, 3, 4.
        var tree = new FlatStorageTree();
        tree.ApplyBatch([(TreeTestData.Filled(2), TreeTestData.Filled(2)), (TreeTestData.Filled(1), TreeTestData.Filled(1)), (TreeTestData.Filled(3), TreeTestData.Filled(3))]);

        Assert.Equal(5UL, tree.NextFreeSlot);
        Assert.Equal(3UL, tree.GetLeaf(0).Next);
        Assert.Equal(2UL, tree.GetLeaf(3).Next);
        Assert.Equal(4UL, tree.GetLeaf(2).Next);
        Assert.Equal(1UL, tree.GetLeaf(4).Next);
    }

    [Fact]
    public void InsertionOrderChangesTheRootButNotTheLookups()
    {
        var a = TreeTestData.Key(0x20);
        var b = TreeTestData.Key(0x80);
        var forward = new FlatStorageTree();
        forward.ApplyBatch([(a, TreeTestData.Word(1)), (b, TreeTestData.Word(2))]);
        var backward = new FlatStorageTree();
        backward.ApplyBatch([(b, TreeTestData.Word(2)), (a, TreeTestData.Word(1))]);

        Assert.NotEqual(forward.Root, backward.Root);
        Assert.Equal(forward.NextFreeSlot, backward.NextFreeSlot);
        foreach (var key in new[] { a, b, TreeTestData.Key(0x50) })
        {
            Assert.Equal(forward.Read(key), backward.Read(key));
            Assert.Equal(forward.GetLeaf(forward.PrevIndex(key)).Key, backward.GetLeaf(backward.PrevIndex(key)).Key);
        }
        Assert.Equal([Bytes32.Zero, a, b, TreeTestData.Filled(0xFF)], WalkKeys(forward));
        Assert.Equal(WalkKeys(forward), WalkKeys(backward));

        // Indices follow insertion order, not key order.
        Assert.True(forward.TryGetIndex(a, out ulong ia) && ia == 2);
        Assert.True(backward.TryGetIndex(a, out ulong ib) && ib == 3);
    }

    [Fact]
    public void UpdatesExistingKeysInPlace()
    {
        var tree = new FlatStorageTree();
        var key = TreeTestData.Key(0x42);
        tree.ApplyBatch([(key, TreeTestData.Word(1))]);
        var before = tree.Commitment;

        var changed = tree.ApplyBatch([(key, TreeTestData.Word(2))]);

        Assert.Equal([2UL], changed);
        Assert.Equal(3UL, tree.NextFreeSlot);
        Assert.NotEqual(before.Root, tree.Root);
        Assert.Equal(TreeTestData.Word(2), tree.Read(key).Value);

        // Writing the same value again changes nothing.
        var root = tree.Root;
        Assert.Empty(tree.ApplyBatch([(key, TreeTestData.Word(2))]));
        Assert.Equal(root, tree.Root);

        // Zero is an ordinary value: the key stays, with value 0 (slots are never deleted).
        tree.ApplyBatch([(key, Bytes32.Zero)]);
        Assert.Equal((true, Bytes32.Zero), tree.Read(key));
    }

    [Fact]
    public void RepeatedKeyInOneBatchEndsWithTheLastValue()
    {
        var key = TreeTestData.Key(0x42);
        var tree = new FlatStorageTree();
        tree.ApplyBatch([(key, TreeTestData.Word(1)), (TreeTestData.Key(0x10), TreeTestData.Word(3)), (key, TreeTestData.Word(2))]);

        var naive = new NaiveStateTree();
        naive.Apply([(key, TreeTestData.Word(1)), (TreeTestData.Key(0x10), TreeTestData.Word(3)), (key, TreeTestData.Word(2))]);
        Assert.Equal(4UL, tree.NextFreeSlot);
        Assert.Equal(TreeTestData.Word(2), tree.Read(key).Value);
        Assert.Equal(new Bytes32(naive.Root()), tree.Root);
    }

    [Fact]
    public void GuardKeysCannotBeWrittenAndNothingIsApplied()
    {
        var tree = new FlatStorageTree();
        var before = tree.Commitment;

        Assert.Throws<ArgumentException>(() => tree.ApplyBatch([(TreeTestData.Key(0x42), TreeTestData.Word(1)), (Bytes32.Zero, TreeTestData.Word(1))]));
        Assert.Throws<ArgumentException>(() => tree.ApplyBatch([(TreeTestData.Filled(0xFF), TreeTestData.Word(1))]));

        Assert.Equal(before, tree.Commitment);
        Assert.False(tree.Read(TreeTestData.Key(0x42)).Exists);
    }

    [Fact]
    public void ReadsOfMissingKeysAreNewAndZero()
    {
        var tree = new FlatStorageTree();
        Assert.Equal((false, Bytes32.Zero), tree.Read(TreeTestData.Key(0x42)));
        Assert.False(tree.TryGetIndex(TreeTestData.Key(0x42), out _));
        // The guards are keys like any other for lookups.
        Assert.Equal((true, Bytes32.Zero), tree.Read(Bytes32.Zero));
    }

    [Fact]
    public void PrevIndexIsStrictlyBelow()
    {
        var tree = new FlatStorageTree();
        var low = TreeTestData.Key(0x10);
        var high = TreeTestData.Key(0xA0);
        tree.ApplyBatch([(high, TreeTestData.Word(1)), (low, TreeTestData.Word(2))]);
        // high at 2, low at 3

        Assert.Equal(0UL, tree.PrevIndex(TreeTestData.Key(0x00, 0x01)));
        Assert.Equal(0UL, tree.PrevIndex(low));
        Assert.Equal(3UL, tree.PrevIndex(TreeTestData.Key(0x10, 0x01)));
        Assert.Equal(3UL, tree.PrevIndex(high));
        Assert.Equal(2UL, tree.PrevIndex(TreeTestData.Key(0xFF, 0xFE)));
        Assert.Equal(2UL, tree.PrevIndex(TreeTestData.Filled(0xFF)));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.PrevIndex(Bytes32.Zero));
    }

    [Fact]
    public void ProofsVerifyForOccupiedAndEmptyPositions()
    {
        var tree = new FlatStorageTree();
        tree.ApplyBatch([(TreeTestData.Key(0x10), TreeTestData.Word(1)), (TreeTestData.Key(0x20), TreeTestData.Word(2))]);

        foreach (ulong index in new ulong[] { 0, 1, 2, 3, 4, 5, 1000, ulong.MaxValue })
        {
            var proof = tree.GetProof(index);
            Assert.Equal(index, proof.Index);
            Assert.Equal(tree.GetLeaf(index), proof.Leaf);
            Assert.Equal(FlatStorageTree.Depth, proof.Path.Length);
            Assert.True(FlatStorageTree.VerifyProof(proof, tree.Root), $"proof of {index}");
        }
        Assert.Equal(FlatStorageLeaf.Empty, tree.GetProof(4).Leaf);
    }

    [Fact]
    public void TamperedProofsFail()
    {
        var tree = new FlatStorageTree();
        tree.ApplyBatch([(TreeTestData.Key(0x10), TreeTestData.Word(1))]);
        var proof = tree.GetProof(2);

        var otherValue = new LeafProof(proof.Index, proof.Leaf with { Value = TreeTestData.Word(9) }, proof.Path);
        var otherNext = new LeafProof(proof.Index, proof.Leaf with { Next = 0 }, proof.Path);
        var otherIndex = new LeafProof(3, proof.Leaf, proof.Path);
        var otherPath = new LeafProof(proof.Index, proof.Leaf, proof.Path.SetItem(40, TreeTestData.Word(1)));

        Assert.False(FlatStorageTree.VerifyProof(otherValue, tree.Root));
        Assert.False(FlatStorageTree.VerifyProof(otherNext, tree.Root));
        Assert.False(FlatStorageTree.VerifyProof(otherIndex, tree.Root));
        Assert.False(FlatStorageTree.VerifyProof(otherPath, tree.Root));
        Assert.False(FlatStorageTree.VerifyProof(default, tree.Root));
        Assert.Throws<ArgumentException>(() => new LeafProof(2, proof.Leaf, proof.Path.RemoveAt(0)));
        Assert.Throws<ArgumentException>(() => new LeafProof(2, proof.Leaf, default));
    }

    [Fact]
    public void NonMembershipProofFromPrevIndex()
    {
        // What the proving side will do for a new key: PrevIndex, then prove that leaf and its next.
        var tree = new FlatStorageTree();
        tree.ApplyBatch([(TreeTestData.Key(0x10), TreeTestData.Word(1)), (TreeTestData.Key(0x90), TreeTestData.Word(2))]);
        var missing = TreeTestData.Key(0x50);

        var previous = tree.GetProof(tree.PrevIndex(missing));
        var next = tree.GetProof(previous.Leaf.Next);
        Assert.True(FlatStorageTree.VerifyProof(previous, tree.Root));
        Assert.True(FlatStorageTree.VerifyProof(next, tree.Root));
        Assert.True(previous.Leaf.Key.CompareTo(missing) < 0);
        Assert.True(next.Leaf.Key.CompareTo(missing) > 0);
    }

    [Fact]
    public void FromLeavesRebuildsTheSameTree()
    {
        var tree = new FlatStorageTree();
        tree.ApplyBatch(TreeTestData.RandomKeys(300, seed: 1).Select((k, i) => (k, TreeTestData.Word((ulong)i + 1))).ToArray());

        var rebuilt = FlatStorageTree.FromLeaves(tree.EnumerateLeaves());

        Assert.Equal(tree.Commitment, rebuilt.Commitment);
        var key = TreeTestData.Key(0x77, 0x77);
        Assert.Equal(tree.PrevIndex(key), rebuilt.PrevIndex(key));
        rebuilt.ApplyBatch([(key, TreeTestData.Word(5))]);
        tree.ApplyBatch([(key, TreeTestData.Word(5))]);
        Assert.Equal(tree.Commitment, rebuilt.Commitment);
    }

    [Fact]
    public void FromLeavesRejectsInconsistentLeaves()
    {
        var tree = new FlatStorageTree();
        tree.ApplyBatch([(TreeTestData.Key(0x10), TreeTestData.Word(1)), (TreeTestData.Key(0x20), TreeTestData.Word(2))]);
        var leaves = tree.EnumerateLeaves().ToArray();

        IndexedLeaf[] With(int position, IndexedLeaf replacement)
        {
            var copy = (IndexedLeaf[])leaves.Clone();
            copy[position] = replacement;
            return copy;
        }

        Assert.Throws<InvalidDataException>(() => FlatStorageTree.FromLeaves(leaves.Take(1)));
        Assert.Throws<InvalidDataException>(() => FlatStorageTree.FromLeaves(leaves.Where(l => l.Index != 2)));
        Assert.Throws<InvalidDataException>(() => FlatStorageTree.FromLeaves(With(2, leaves[2] with { Leaf = leaves[2].Leaf with { Next = 1 } })));
        Assert.Throws<InvalidDataException>(() => FlatStorageTree.FromLeaves(With(3, leaves[3] with { Leaf = leaves[3].Leaf with { Key = leaves[2].Leaf.Key } })));
        Assert.Throws<InvalidDataException>(() => FlatStorageTree.FromLeaves(With(0, leaves[0] with { Leaf = leaves[0].Leaf with { Value = TreeTestData.Word(1) } })));
        Assert.Throws<InvalidDataException>(() => FlatStorageTree.FromLeaves(With(1, leaves[1] with { Leaf = leaves[1].Leaf with { Next = 0 } })));
        Assert.Throws<InvalidDataException>(() => FlatStorageTree.FromLeaves(With(2, leaves[2] with { Leaf = FlatStorageLeaf.Empty })));
    }

    [Fact]
    public void ManyBatchesMatchTheNaiveTree()
    {
        // Larger than the property tests: 2,000 keys in batches that mix new keys and updates.
        var keys = TreeTestData.RandomKeys(2000, seed: 7);
        var tree = new FlatStorageTree();
        var naive = new NaiveStateTree();
        var random = new Random(11);
        for (int batch = 0; batch < 8; batch++)
        {
            var writes = Enumerable.Range(0, 400)
                .Select(_ => (keys[random.Next(Math.Min(keys.Length, 300 * (batch + 1)))], TreeTestData.Word((ulong)random.Next())))
                .ToArray();
            tree.ApplyBatch(writes);
            naive.Apply(writes);
            Assert.Equal(new Bytes32(naive.Root()), tree.Root);
            Assert.Equal((ulong)naive.Count, tree.NextFreeSlot);
        }
        Assert.True(FlatStorageTree.VerifyProof(tree.GetProof(tree.NextFreeSlot - 1), tree.Root));
    }

    /// <summary>The keys met walking <c>next</c> from the min guard to the max guard.</summary>
    internal static List<Bytes32> WalkKeys(FlatStorageTree tree)
    {
        var keys = new List<Bytes32>();
        ulong index = FlatStorageTree.MinGuardIndex;
        while (true)
        {
            var leaf = tree.GetLeaf(index);
            keys.Add(leaf.Key);
            if (index == FlatStorageTree.MaxGuardIndex)
                return keys;
            Assert.True(keys.Count <= (int)tree.NextFreeSlot, "the next pointers loop");
            index = leaf.Next;
        }
    }
}

// SPDX-License-Identifier: MIT
using FsCheck;
using FsCheck.Fluent;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.Tests.ZkSync;

/// <summary>
/// Random sequences of batches against <see cref="NaiveStateTree"/>: roots, proofs, the sorted
/// linked list, PrevIndex and the reported changed leaves.
/// </summary>
public class FlatStorageTreePropertyTests
{
    private const int Cases = 150;

    private static Gen<byte> AnyByte { get; } = Gen.Choose(0, 255).Select(b => (byte)b);

    /// <summary>
    /// Keys from a few families, so that batches hit existing keys, neighbours and long common
    /// prefixes (ordering decided by the last word), not only uniformly spread hashes.
    /// </summary>
    private static Gen<Bytes32> Keys { get; } = Gen.Frequency(
        (3, Gen.ArrayOf(AnyByte, 32).Select(b => new Bytes32(b))),
        (2, Gen.Choose(1, 12).Select(i => TreeTestData.Key((byte)(i * 20)))),
        (2, Gen.Zip(AnyByte, AnyByte).Select(t =>
        {
            var bytes = new byte[32];
            bytes[30] = t.Item1;
            bytes[31] = t.Item2;
            return new Bytes32(bytes);
        })),
        (1, Gen.Elements(TreeTestData.Key(0x00, 0x00), TreeTestData.Filled(0xFF))));

    private static Gen<Bytes32> Values { get; } = Gen.Frequency(
        (3, Gen.Choose(0, 5).Select(v => TreeTestData.Word((ulong)v))),
        (1, Gen.ArrayOf(AnyByte, 32).Select(b => new Bytes32(b))));

    /// <summary>Batches over a shared pool of keys, so later batches update what earlier ones inserted.</summary>
    private static Gen<(Bytes32 Key, Bytes32 Value)[][]> Batches { get; } =
        Gen.Choose(1, 40).SelectMany(poolSize => Gen.ArrayOf(Keys, poolSize)).SelectMany(pool =>
            Gen.Choose(1, 5).SelectMany(batchCount =>
                Gen.ArrayOf(
                    Gen.Choose(0, 25).SelectMany(writes =>
                        Gen.ArrayOf(Gen.Zip(Gen.Elements(pool), Values), writes)),
                    batchCount)))
        .Select(batches => batches.Select(batch => batch.Select(w => (w.Item1, w.Item2))
            // Guard keys are rejected by design; they are tested apart.
            .Where(w => w.Item1 != Bytes32.Zero && w.Item1 != TreeTestData.Filled(0xFF))
            .ToArray()).ToArray());

    private static void Run(Func<(Bytes32 Key, Bytes32 Value)[][], bool> property) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), Prop.ForAll(Batches.ToArbitrary(), property));

    [Fact]
    public void IncrementalRootEqualsNaiveRoot() => Run(batches =>
    {
        var tree = new FlatStorageTree();
        var naive = new NaiveStateTree();
        foreach (var batch in batches)
        {
            tree.ApplyBatch(batch);
            naive.Apply(batch);
            Assert.Equal(new Bytes32(naive.Root()), tree.Root);
            Assert.Equal((ulong)naive.Count, tree.NextFreeSlot);
            for (int i = 0; i < naive.Count; i++)
            {
                var leaf = tree.GetLeaf((ulong)i);
                Assert.Equal(new Bytes32(naive.KeyAt(i)), leaf.Key);
                Assert.Equal(new Bytes32(naive.ValueAt(i)), leaf.Value);
                Assert.Equal(naive.NextPointers()[i], leaf.Next);
            }
        }
        return true;
    });

    [Fact]
    public void EveryLeafProofVerifies() => Run(batches =>
    {
        var tree = new FlatStorageTree();
        foreach (var batch in batches)
        {
            tree.ApplyBatch(batch);
            // Every occupied leaf and the first free slots (the empty leaf) prove against the root.
            for (ulong index = 0; index < tree.NextFreeSlot + 2; index++)
            {
                var proof = tree.GetProof(index);
                Assert.Equal(tree.GetLeaf(index), proof.Leaf);
                Assert.True(FlatStorageTree.VerifyProof(proof, tree.Root), $"proof of leaf {index}");
            }
        }
        return true;
    });

    [Fact]
    public void NextPointersFormTheSortedList() => Run(batches =>
    {
        var tree = new FlatStorageTree();
        var naive = new NaiveStateTree();
        foreach (var batch in batches)
        {
            tree.ApplyBatch(batch);
            naive.Apply(batch);
            var walked = FlatStorageTreeTests.WalkKeys(tree);
            var expected = naive.SortedIndices().Select(i => new Bytes32(naive.KeyAt(i))).ToList();
            Assert.Equal(expected, walked);
            Assert.Equal(FlatStorageTree.MaxGuardIndex, tree.GetLeaf(FlatStorageTree.MaxGuardIndex).Next);
        }
        return true;
    });

    [Fact]
    public void PrevIndexMatchesTheSortedList() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(Cases),
            Prop.ForAll(Gen.Zip(Batches, Gen.ArrayOf(Keys, 20)).ToArbitrary(), input =>
            {
                var (batches, probes) = input;
                var tree = new FlatStorageTree();
                var naive = new NaiveStateTree();
                foreach (var batch in batches)
                {
                    tree.ApplyBatch(batch);
                    naive.Apply(batch);
                }
                // Probe fresh keys and every stored key (PrevIndex of an existing key is its predecessor).
                var all = probes.Concat(Enumerable.Range(0, naive.Count).Select(i => new Bytes32(naive.KeyAt(i))));
                foreach (var probe in all.Where(p => !p.IsZero))
                    Assert.Equal(naive.PrevIndex(probe.ToArray()), tree.PrevIndex(probe));
                foreach (var probe in probes)
                {
                    var (exists, value) = naive.Read(probe.ToArray());
                    Assert.Equal((exists, new Bytes32(value)), tree.Read(probe));
                }
                return true;
            }));

    [Fact]
    public void ChangedIndicesCoverTheLeavesThatChanged() => Run(batches =>
    {
        var tree = new FlatStorageTree();
        foreach (var batch in batches)
        {
            var before = tree.EnumerateLeaves().ToArray();
            var changed = tree.ApplyBatch(batch);
            var after = tree.EnumerateLeaves().ToArray();
            var differing = after
                .Where(l => l.Index >= (ulong)before.Length || before[l.Index].Leaf != l.Leaf)
                .Select(l => l.Index)
                .ToHashSet();
            // Every differing leaf is reported; the only extras are leaves of keys the batch wrote
            // more than once and brought back to their old value.
            Assert.Superset(differing, changed.ToHashSet());
            Assert.Equal(changed.Order(), changed);
            Assert.Equal(changed.Distinct().Count(), changed.Length);
            foreach (ulong index in changed.Where(i => !differing.Contains(i)))
                Assert.True(batch.Count(w => w.Key == tree.GetLeaf(index).Key) > 1, $"leaf {index} reported but unchanged");

            // Rebuilding from the leaves (what a store does) gives the same commitment.
            Assert.Equal(tree.Commitment, FlatStorageTree.FromLeaves(after).Commitment);
        }
        return true;
    });
}

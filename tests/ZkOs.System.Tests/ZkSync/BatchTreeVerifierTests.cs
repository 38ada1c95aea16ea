// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.Oracle.Csr;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.Tests.ZkSync;

/// <summary>
/// The proving finish's batch verification (reference §7.2) against the forward tree: for random trees
/// and random batches of reads and writes (existing, new, cleared, repeated predecessors) it reaches
/// exactly the root and next free slot the forward tree reaches by applying the writes, and every lie
/// about the initial state is caught.
/// </summary>
public class BatchTreeVerifierTests
{
    [Theory]
    [InlineData(1, 0, 10)]
    [InlineData(2, 5, 20)]
    [InlineData(3, 40, 60)]
    [InlineData(4, 200, 150)]
    [InlineData(5, 1, 1)]
    public void MatchesTheForwardTree(int seed, int existing, int accesses)
    {
        var random = new Random(seed);
        var tree = new FlatStorageTree();
        var keys = TreeTestData.RandomKeys(existing, seed);
        tree.ApplyBatch(keys.Select(k => (k, Value(random))).ToArray());
        var before = tree.Commitment;

        var batch = Accesses(random, tree, keys, accesses);
        var after = new BatchTreeVerifier(new TreeSource(tree)).VerifyAndApply(before, batch);

        tree.ApplyBatch(batch.Where(a => a.IsWrite).Select(a => (a.FlatKey, a.Current)).ToArray());
        Assert.Equal(tree.Commitment, after);
    }

    [Fact]
    public void OnlyReads_KeepTheRoot()
    {
        var (tree, keys) = Tree(20);
        var reads = keys.Take(5).Select(k => new NetStorageAccess(k, tree.Read(k).Value, tree.Read(k).Value, false)).ToArray();

        Assert.Equal(tree.Commitment, new BatchTreeVerifier(new TreeSource(tree)).VerifyAndApply(tree.Commitment, reads));
    }

    [Fact]
    public void AWrongInitialValue_IsCaught()
    {
        var (tree, keys) = Tree(20);
        var lie = new NetStorageAccess(keys[3], TreeTestData.Word(12345), TreeTestData.Word(1), false);

        var error = Assert.Throws<WitnessException>(() => Verify(tree, lie));
        Assert.Contains("in the initial tree, but the run was told", error.Message);
    }

    [Fact]
    public void AnExistingKeyClaimedNew_IsCaughtByTheNonMembershipProof()
    {
        var (tree, keys) = Tree(20);

        var error = Assert.Throws<WitnessException>(() => Verify(tree, new NetStorageAccess(keys[4], default, TreeTestData.Word(1), true)));
        Assert.Contains("do not enclose it", error.Message);
    }

    [Fact]
    public void ANewKeyClaimedExisting_IsCaught()
    {
        var (tree, _) = Tree(20);
        var absent = TreeTestData.RandomKeys(1, 999)[0];

        var error = Assert.Throws<WitnessException>(() => Verify(tree, new NetStorageAccess(absent, default, TreeTestData.Word(1), false)));
        Assert.Contains("not the claimed key", error.Message);
    }

    [Fact]
    public void ANewKeyWithANonzeroInitialValue_IsCaught()
    {
        var (tree, _) = Tree(5);
        var absent = TreeTestData.RandomKeys(1, 999)[0];

        Assert.Throws<WitnessException>(() => Verify(tree, new NetStorageAccess(absent, TreeTestData.Word(1), TreeTestData.Word(2), true)));
    }

    [Fact]
    public void AForgedSibling_DoesNotReachTheRoot()
    {
        var (tree, keys) = Tree(20);
        var source = new TreeSource(tree) { ForgeSiblingAtLevel = 7 };
        var read = new NetStorageAccess(keys[0], tree.Read(keys[0]).Value, tree.Read(keys[0]).Value, false);

        var error = Assert.Throws<WitnessException>(() => new BatchTreeVerifier(source).VerifyAndApply(tree.Commitment, [read]));
        Assert.Contains("not the initial root", error.Message);
    }

    [Theory]
    [InlineData(-1, "holds leaves beyond it")]
    [InlineData(+1, "is empty")]
    [InlineData(-1000, "the guards alone take")]
    public void AWrongNextFreeSlot_IsCaught(int delta, string message)
    {
        var (tree, keys) = Tree(20);
        var claimed = tree.Commitment with { NextFreeSlot = (ulong)Math.Max(0, (long)tree.NextFreeSlot + delta) };
        var read = new NetStorageAccess(keys[0], tree.Read(keys[0]).Value, tree.Read(keys[0]).Value, false);

        var error = Assert.Throws<WitnessException>(() => new BatchTreeVerifier(new TreeSource(tree)).VerifyAndApply(claimed, [read]));
        Assert.Contains(message, error.Message);
    }

    private static FlatStorageCommitment Verify(FlatStorageTree tree, NetStorageAccess access) =>
        new BatchTreeVerifier(new TreeSource(tree)).VerifyAndApply(tree.Commitment, [access]);

    private static (FlatStorageTree Tree, Bytes32[] Keys) Tree(int count)
    {
        var tree = new FlatStorageTree();
        var keys = TreeTestData.RandomKeys(count, count);
        tree.ApplyBatch(keys.Select((k, i) => (k, TreeTestData.Word((ulong)i + 1))).ToArray());
        return (tree, keys);
    }

    /// <summary>A batch in random order: reads and writes of existing keys, reads and writes of new keys (some adjacent).</summary>
    private static NetStorageAccess[] Accesses(Random random, FlatStorageTree tree, Bytes32[] existing, int count)
    {
        var accesses = new Dictionary<Bytes32, NetStorageAccess>();
        var fresh = TreeTestData.RandomKeys(count, random.Next());
        for (var i = 0; i < count; i++)
        {
            if (existing.Length > 0 && random.Next(2) == 0)
            {
                var key = existing[random.Next(existing.Length)];
                var initial = tree.Read(key).Value;
                var current = random.Next(3) switch { 0 => initial, 1 => Bytes32.Zero, _ => Value(random) };
                accesses[key] = new NetStorageAccess(key, initial, current, false);
            }
            else
            {
                // Sometimes a key right next to another new one, so the batch links new leaves to each other.
                var key = random.Next(4) == 0 && i > 0 ? Neighbour(fresh[i - 1]) : fresh[i];
                accesses[key] = new NetStorageAccess(key, Bytes32.Zero, random.Next(4) == 0 ? Bytes32.Zero : Value(random), true);
            }
        }
        var batch = accesses.Values.ToArray();
        random.Shuffle(batch);
        return batch;
    }

    private static Bytes32 Neighbour(Bytes32 key)
    {
        var bytes = key.ToArray();
        bytes[31] ^= 1;
        return new Bytes32(bytes);
    }

    private static Bytes32 Value(Random random)
    {
        var bytes = new byte[32];
        random.NextBytes(bytes);
        return new Bytes32(bytes);
    }

    /// <summary>The oracle's tree queries answered from a forward tree, optionally forging one sibling.</summary>
    private sealed class TreeSource(FlatStorageTree tree) : IProofSource
    {
        public int ForgeSiblingAtLevel { get; init; } = -1;

        public ulong ExactIndex(in Bytes32 flatKey) => tree.TryGetIndex(flatKey, out var index) ? index : tree.PrevIndex(flatKey);

        public ulong PrevIndex(in Bytes32 flatKey) => tree.PrevIndex(flatKey);

        public FlatStorageLeaf ProofForIndex(ulong index, Span<Bytes32> path, out ulong provenIndex)
        {
            var proof = tree.GetProof(index);
            proof.Path.AsSpan().CopyTo(path);
            if (ForgeSiblingAtLevel >= 0)
            {
                path[ForgeSiblingAtLevel] = TreeTestData.Filled(0x5a);
            }
            provenIndex = proof.Index;
            return proof.Leaf;
        }
    }
}

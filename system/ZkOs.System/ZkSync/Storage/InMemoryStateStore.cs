// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.ZkSync.Storage;

/// <summary>
/// The default state store: everything in process memory, gone with the process. A commit is
/// validated in full before anything changes, and applying it cannot fail afterwards, so it is atomic.
/// </summary>
public sealed class InMemoryStateStore : IStateStore
{
    private readonly List<FlatStorageLeaf> _leaves = [];
    private readonly Dictionary<Bytes32, Preimage> _preimages = [];

    public string Location => "memory";

    public ChainHead? Head { get; private set; }

    public IEnumerable<IndexedLeaf> LoadLeaves()
    {
        // A copy, so that a commit during enumeration cannot tear the sequence.
        var snapshot = _leaves.ToArray();
        for (int i = 0; i < snapshot.Length; i++)
            yield return new IndexedLeaf((ulong)i, snapshot[i]);
    }

    public IEnumerable<Preimage> LoadPreimages() => _preimages.Values.Select(Copy).ToArray();

    public bool TryGetPreimage(in Bytes32 hash, out Preimage preimage)
    {
        if (!_preimages.TryGetValue(hash, out preimage))
            return false;
        preimage = Copy(preimage);
        return true;
    }

    public void Commit(BlockCommit commit)
    {
        BlockCommitRules.Validate(commit, Head);
        var head = ChainHead.After(Head, commit);

        // Validation guarantees the new indices fill the gap to next_free_slot, so the list stays dense.
        int count = checked((int)commit.Commitment.NextFreeSlot);
        _leaves.EnsureCapacity(count);
        while (_leaves.Count < count)
            _leaves.Add(FlatStorageLeaf.Empty);
        foreach (var (index, leaf) in commit.Leaves)
            _leaves[(int)index] = leaf;
        foreach (var preimage in commit.Preimages)
            _preimages[preimage.Hash] = Copy(preimage);
        Head = head;
    }

    public void Dispose()
    {
    }

    // Copies in and out, as a database would: the caller's arrays never alias the stored state.
    private static Preimage Copy(Preimage preimage) => preimage with { Bytes = (byte[])preimage.Bytes.Clone() };
}

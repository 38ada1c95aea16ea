// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Conformance;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.ZkSync.Transactions;

/// <summary>
/// What <see cref="ZkSyncTransactionParser.ParseInto"/> refills instead of allocating: the factory deps
/// and the access list (its entries and their key lists) of the last transaction parsed. One per
/// reused transaction; everything in it is overwritten by the next parse.
/// </summary>
public sealed class ZkSyncParseBuffers
{
    private readonly List<AccessListEntry> _entries = [];
    private readonly List<List<Bytes32>> _keys = [];

    internal List<Bytes32> FactoryDeps { get; } = [];

    /// <summary>The access list being decoded: the first entries of the pool, in order.</summary>
    internal List<AccessListEntry> AccessList { get; } = [];

    /// <summary>Empties the access list; its entries and key lists stay for the next one.</summary>
    internal void BeginAccessList() => AccessList.Clear();

    /// <summary>The key list for entry <paramref name="index"/>, emptied (made on first use).</summary>
    internal List<Bytes32> KeysFor(int index)
    {
        while (_keys.Count <= index)
        {
            _keys.Add([]);
        }
        var keys = _keys[index];
        keys.Clear();
        return keys;
    }

    /// <summary>Appends entry <paramref name="index"/> of the access list, refilling a pooled entry.</summary>
    internal void AddEntry(int index, Address address, List<Bytes32> keys)
    {
        while (_entries.Count <= index)
        {
            _entries.Add(new AccessListEntry(default, []));
        }
        var entry = _entries[index];
        entry.Refill(address, keys);
        AccessList.Add(entry);
    }
}

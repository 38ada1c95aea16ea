// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.EraVm.World;

/// <summary>
/// The machine's journal (eravm.md §5 "World diff"): storage and transient-storage writes as an undo log
/// applied through the host, events and L2→L1 messages. A snapshot is the pair of journal lengths; a
/// rollback undoes back to it. The warm-slot record that prices storage is not rolled back (a slot read
/// in a reverted frame stays warm, as for pubdata in Era).
/// </summary>
public sealed class WorldDiff
{
    private readonly List<(Address Address, UInt256 Key, UInt256 Old, bool Transient)> _undo = new(64);
    private readonly HashSet<(Address, UInt256)> _readSlots = new();
    private readonly HashSet<(Address, UInt256)> _writtenSlots = new();
    private readonly HashSet<UInt256> _decommitted = new();

    public List<EraEvent> Events { get; } = new(16);

    /// <summary>
    /// The first event a host has not handed on yet: <see cref="Events"/>.Count at the last
    /// <see cref="MarkEventsDelivered"/>, lowered by any rollback since, so events a near revert removed
    /// and new ones added in their place are not mistaken for delivered ones.
    /// </summary>
    public int UndeliveredEvents { get; private set; }

    public void MarkEventsDelivered() => UndeliveredEvents = Events.Count;

    public ushort TxNumber { get; private set; }

    public void Clear()
    {
        _undo.Clear();
        _readSlots.Clear();
        _writtenSlots.Clear();
        _decommitted.Clear();
        Events.Clear();
        UndeliveredEvents = 0;
        TxNumber = 0;
        Pubdata = 0;
    }

    public WorldSnapshot Snapshot() => new(_undo.Count, Events.Count, Pubdata);

    /// <summary>Pubdata spent by storage writes; rolled back with them, reported by <c>context.meta</c>.</summary>
    public long Pubdata { get; private set; }

    public void Rollback(IEraVmHost host, WorldSnapshot snapshot)
    {
        for (var i = _undo.Count - 1; i >= snapshot.Undo; i--)
        {
            var (address, key, old, transient) = _undo[i];
            if (transient)
            {
                host.WriteTransient(address, key, old);
            }
            else
            {
                host.WriteStorage(address, key, old);
            }
        }
        _undo.RemoveRange(snapshot.Undo, _undo.Count - snapshot.Undo);
        Pubdata = snapshot.Pubdata;
        if (Events.Count > snapshot.Events)
        {
            Events.RemoveRange(snapshot.Events, Events.Count - snapshot.Events);
        }
        UndeliveredEvents = Math.Min(UndeliveredEvents, Events.Count);
    }

    public UInt256 ReadStorage(IEraVmHost host, in Address address, in UInt256 key, out bool wasWarm)
    {
        wasWarm = !_readSlots.Add((address, key)) || _writtenSlots.Contains((address, key));
        return host.ReadStorage(address, key);
    }

    /// <summary>Writes through the host and records the old value. <paramref name="warmth"/>: 2 = written before, 1 = only read, 0 = cold.</summary>
    public void WriteStorage(IEraVmHost host, in Address address, in UInt256 key, in UInt256 value, out int warmth)
    {
        var slot = (address, key);
        warmth = _writtenSlots.Contains(slot) ? 2 : _readSlots.Contains(slot) ? 1 : 0;
        _writtenSlots.Add(slot);
        _readSlots.Add(slot);
        var old = host.ReadStorage(address, key);
        _undo.Add((address, key, old, false));
        Pubdata += host.PubdataOfWrite(address, key, value);
        host.WriteStorage(address, key, value);
    }

    /// <summary>Pubdata a precompile call declares (its src1 high half).</summary>
    public void AddPubdata(uint bytes) => Pubdata += bytes;

    public void WriteTransient(IEraVmHost host, in Address address, in UInt256 key, in UInt256 value)
    {
        _undo.Add((address, key, host.ReadTransient(address, key), true));
        host.WriteTransient(address, key, value);
    }

    /// <summary>
    /// <c>increment_tx_number</c>: transient storage lives for one transaction, so the host clears it;
    /// the undo entries of the old transaction no longer apply.
    /// </summary>
    public void NextTransaction(IEraVmHost host)
    {
        host.ClearTransient();
        _undo.RemoveAll(static entry => entry.Transient);
        TxNumber++;
    }

    /// <summary>True the first time a code hash is decommitted (only then is it paid for).</summary>
    public bool IsFirstDecommit(in UInt256 versionedHash) => !_decommitted.Contains(versionedHash);

    public void MarkDecommitted(in UInt256 versionedHash) => _decommitted.Add(versionedHash);
}

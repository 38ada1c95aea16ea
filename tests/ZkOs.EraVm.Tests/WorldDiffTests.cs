// SPDX-License-Identifier: MIT
using ZkOs.EraVm.World;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.EraVm.Tests;

/// <summary>The world diff's record of which events a host has handed on, across rollbacks.</summary>
public class WorldDiffTests
{
    [Fact]
    public void EventsAddedAfterARollbackBelowTheDelivered_AreUndelivered()
    {
        var world = new InMemoryEraWorld();
        var diff = new WorldDiff();
        diff.Events.Add(Query(1));
        var snapshot = diff.Snapshot();
        diff.Events.Add(Query(2));
        diff.Events.Add(Query(3));
        diff.MarkEventsDelivered();
        Assert.Equal(3, diff.UndeliveredEvents);

        diff.Rollback(world, snapshot);
        diff.Events.Add(Query(4));

        Assert.Equal(1, diff.UndeliveredEvents);
        Assert.Equal(new UInt256(4), diff.Events[diff.UndeliveredEvents].Key);
    }

    private static EraEvent Query(ulong key) => new(Address.FromUInt64(0x800D), new UInt256(key), UInt256.Zero, true, false, 0);
}

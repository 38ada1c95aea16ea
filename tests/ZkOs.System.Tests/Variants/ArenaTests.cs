// SPDX-License-Identifier: MIT
using ZkOs.System.Variants;

namespace ZkOs.System.Tests.Variants;

/// <summary>The proving allocator: bump allocation from one fixed native region, reset, and a clear failure when full.</summary>
public class ArenaTests
{
    [Fact]
    public void Allocations_AreZeroedAlignedAndDisjoint()
    {
        using var arena = new Arena(1024);
        var a = arena.Allocate(5);
        a.Span.Fill(0xaa);
        var b = arena.Allocate(16);

        Assert.Equal(5, a.Length);
        Assert.All(b.ToArray(), x => Assert.Equal(0, x));
        Assert.All(a.ToArray(), x => Assert.Equal(0xaa, x));
        Assert.Equal(8 + 16, arena.Used);
        unsafe
        {
            using var pin = b.Pin();
            Assert.Equal(0, (long)pin.Pointer % 8);
        }
    }

    [Fact]
    public void Exhaustion_FailsWithoutTouchingWhatWasAllocated()
    {
        using var arena = new Arena(64);
        var kept = arena.Allocate(32);
        kept.Span.Fill(7);

        var error = Assert.Throws<ArenaExhaustedException>(() => arena.Allocate(40));

        Assert.Equal(40, error.Requested);
        Assert.Contains("40 bytes requested with 32 of 64 in use", error.Message);
        Assert.All(kept.ToArray(), x => Assert.Equal(7, x));
        Assert.Equal(32, arena.Used);
        Assert.Equal(32, arena.Allocate(32).Length);
    }

    [Fact]
    public void Reset_GivesEverythingBack_AndZeroesOnReuse_TheHighWaterMarkStays()
    {
        using var arena = new Arena(64);
        arena.Allocate(48).Span.Fill(1);
        arena.Reset();

        var again = arena.Allocate(48);

        Assert.All(again.ToArray(), x => Assert.Equal(0, x));
        Assert.Equal(48, arena.HighWaterMark);
    }

    [Fact]
    public void TheVariantsAllocators_AreTheHeapAndTheGuestSizedArena()
    {
        using var proving = ProvingSystem.CreateMemory();
        using var forward = ForwardSystem.CreateMemory();

        Assert.Equal(ArenaAllocator.GuestMemoryBytes, Assert.IsType<Arena>(proving).Capacity);
        Assert.IsNotType<Arena>(forward);
        Assert.Equal(100, forward.Allocate(100).Length);
        Assert.Equal(100, forward.HighWaterMark);
    }
}

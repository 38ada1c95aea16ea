// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;

namespace ZkOs.Framework.Tests.Execution;

/// <summary>The charging rules of reference/zksync-os.md §3.1.</summary>
public class ResourcesTests
{
    [Theory]
    // ergs, native, charge ergs, charge native => status, ergs left, native left
    [InlineData(100UL, 50UL, 30UL, 20UL, ResourceStatus.Ok, 70UL, 30UL)]
    [InlineData(100UL, 50UL, 100UL, 50UL, ResourceStatus.Ok, 0UL, 0UL)]
    // Short of ergs only: ergs zeroed, native still charged.
    [InlineData(100UL, 50UL, 101UL, 20UL, ResourceStatus.OutOfErgs, 0UL, 30UL)]
    // Short of native only: native zeroed, the ergs charge still happens.
    [InlineData(100UL, 50UL, 30UL, 51UL, ResourceStatus.OutOfNative, 70UL, 0UL)]
    // Short of both: native is reported (it is charged first), both zeroed.
    [InlineData(100UL, 50UL, 101UL, 51UL, ResourceStatus.OutOfNative, 0UL, 0UL)]
    public void Charge_Amounts_FollowNativeFirstAndZeroing(
        ulong ergs, ulong native, ulong costErgs, ulong costNative, ResourceStatus expected, ulong ergsLeft, ulong nativeLeft)
    {
        var resources = new Resources(ergs, native);

        var status = resources.Charge(costErgs, costNative);

        Assert.Equal(expected, status);
        Assert.Equal(new Resources(ergsLeft, nativeLeft), resources);
    }

    [Fact]
    public void WithInfiniteErgs_ChargesInside_RestoresErgsAndKeepsNativeCharge()
    {
        var resources = new Resources(10, 1000);

        using (resources.WithInfiniteErgs())
        {
            Assert.Equal(Resources.Infinite, resources.Ergs);
            Assert.Equal(ResourceStatus.Ok, resources.Charge(1_000_000, 300));
        }

        Assert.Equal(new Resources(10, 700), resources);
    }

    [Fact]
    public void WithInfiniteErgs_NativeRunsOut_ReportsOutOfNative()
    {
        var resources = new Resources(10, 5);

        using (resources.WithInfiniteErgs())
        {
            Assert.Equal(ResourceStatus.OutOfNative, resources.Charge(1, 6));
        }

        Assert.Equal(new Resources(10, 0), resources);
    }

    [Fact]
    public void Take_MovesRequestedErgsAndAllNative()
    {
        var caller = new Resources(1000, 77);

        var callee = caller.Take(400);

        Assert.Equal(new Resources(400, 77), callee);
        Assert.Equal(new Resources(600, 0), caller);
    }

    [Fact]
    public void Take_MoreThanHeld_TakesWhatIsThere()
    {
        var caller = new Resources(100, 1);

        var callee = caller.Take(ulong.MaxValue);

        Assert.Equal(new Resources(100, 1), callee);
        Assert.Equal(Resources.Empty, caller);
    }

    [Fact]
    public void Reclaim_AfterTake_RestoresTheWhole()
    {
        var caller = new Resources(1000, 77);
        var callee = caller.Take(400);
        callee.Charge(100, 7);

        caller.Reclaim(callee);

        Assert.Equal(new Resources(900, 70), caller);
    }

    [Fact]
    public void Reclaim_BothHoldNative_Throws()
    {
        var a = new Resources(1, 1);

        Assert.Throws<InvalidOperationException>(() => a.Reclaim(new Resources(1, 1)));
    }

    [Fact]
    public void Reclaim_Overflow_SaturatesErgs()
    {
        var a = new Resources(Resources.Infinite - 1, 0);

        a.Reclaim(new Resources(10, 3));

        Assert.Equal(new Resources(Resources.Infinite, 3), a);
    }

    [Theory]
    [InlineData(0UL, 0UL)]
    [InlineData(255UL, 0UL)]
    [InlineData(256UL, 1UL)]
    [InlineData(21000UL * 256 + 255, 21000UL)]
    public void Gas_IsFlooredErgsOver256(ulong ergs, ulong gas) => Assert.Equal(gas, new Resources(ergs, 0).Gas);

    [Fact]
    public void FromGas_Huge_SaturatesAtInfinite() =>
        Assert.Equal(Resources.Infinite, Resources.FromGas(ulong.MaxValue / 2, 0).Ergs);

    [Fact]
    public void ExhaustErgs_KeepsNative()
    {
        var r = new Resources(5, 9);
        r.ExhaustErgs();
        Assert.Equal(new Resources(0, 9), r);
    }
}

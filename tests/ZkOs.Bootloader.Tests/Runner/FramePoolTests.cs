// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Runner;
using ZkOs.Evm;

namespace ZkOs.Bootloader.Tests.Runner;

/// <summary>The idle frames a pool hands out: only to the environment instance that made them.</summary>
public class FramePoolTests
{
    [Fact]
    public void Rent_AfterReturnToTheSameEnvironment_GivesTheSameFrame()
    {
        var pool = new FramePool();
        var evm = new EvmEnvironment(EvmSpec.For(EvmFork.London));
        var frame = pool.Rent(evm);

        pool.Return(evm, frame);

        Assert.Same(frame, pool.Rent(evm));
        // The pool is empty again: the next one is new.
        Assert.NotSame(frame, pool.Rent(evm));
    }

    [Fact]
    public void Rent_AnotherInstanceOfTheSameType_NeverGetsTheOtherInstancesFrames()
    {
        var pool = new FramePool();
        var london = new EvmEnvironment(EvmSpec.For(EvmFork.London));
        var cancun = new EvmEnvironment(EvmSpec.Cancun);
        var londonFrame = pool.Rent(london);
        pool.Return(london, londonFrame);

        var cancunFrame = pool.Rent(cancun);

        Assert.NotSame(londonFrame, cancunFrame);
        Assert.Same(cancun, ((EvmFrame)cancunFrame).Environment);

        // Returning a frame of the other instance takes the slot over: London's idle frame is dropped.
        pool.Return(cancun, cancunFrame);
        Assert.NotSame(londonFrame, pool.Rent(london));
        Assert.Same(cancunFrame, pool.Rent(cancun));
    }
}

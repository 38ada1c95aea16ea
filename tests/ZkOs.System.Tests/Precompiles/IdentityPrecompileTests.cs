// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.System.Precompiles;

namespace ZkOs.System.Tests.Precompiles;

public class IdentityPrecompileTests
{
    [Theory]
    // length, gas (15 + 3/word), native (20 + 10/byte)
    [InlineData(0, 15, 20)]
    [InlineData(1, 18, 30)]
    [InlineData(32, 18, 340)]
    [InlineData(33, 21, 350)]
    [InlineData(64, 21, 660)]
    [InlineData(65, 24, 670)]
    public void CopiesTheInputAtItsPrice(int length, ulong gas, ulong native)
    {
        var input = Enumerable.Range(0, length).Select(i => (byte)(i * 7 + 1)).ToArray();
        Assert.Equal(gas, IdentityPrecompile.GasCost(length));
        Assert.Equal(native, IdentityPrecompile.NativeCost(length));
        var run = PrecompileRun.Execute(IdentityPrecompile.Instance, input);
        Assert.Equal(PrecompileStatus.Success, run.Status);
        Assert.Equal(input, run.Output);
        Assert.Equal(gas * Resources.ErgsPerGas, run.ErgsUsed);
        Assert.Equal(native, run.NativeUsed);
    }

    [Fact]
    public void ShortfallsFollowTheChargingRules()
    {
        var input = new byte[33];
        var exact = PrecompileRun.Execute(IdentityPrecompile.Instance, input, new Resources(21 * Resources.ErgsPerGas, 350));
        Assert.Equal(PrecompileStatus.Success, exact.Status);
        Assert.Equal(new Resources(0, 0), exact.Left);

        var outOfErgs = PrecompileRun.Execute(IdentityPrecompile.Instance, input, new Resources(21 * Resources.ErgsPerGas - 1, 350));
        Assert.Equal(PrecompileStatus.OutOfErgs, outOfErgs.Status);
        Assert.Empty(outOfErgs.Output);
        Assert.Equal(new Resources(0, 0), outOfErgs.Left);

        var outOfNative = PrecompileRun.Execute(IdentityPrecompile.Instance, input, new Resources(21 * Resources.ErgsPerGas, 349));
        Assert.Equal(PrecompileStatus.OutOfNative, outOfNative.Status);
        Assert.Empty(outOfNative.Output);
        Assert.Equal(new Resources(0, 0), outOfNative.Left);
    }
}

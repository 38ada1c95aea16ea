// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.System.Precompiles;

namespace ZkOs.System.Tests.Precompiles;

public class Ripemd160PrecompileTests
{
    [Theory]
    // RIPEMD-160 reference vectors, left-padded to a word.
    [InlineData("", "0000000000000000000000009c1185a5c5e9fc54612808977ee8f548b2258d31")]
    [InlineData("616263", "0000000000000000000000008eb208f7e05d987a9b044a8e98c6b087f15a0bfc")]
    [InlineData("6d65737361676520646967657374", "0000000000000000000000005d0689ef49d2fae572b881b123a85ffa21595f36")]
    public void KnownDigests(string input, string word)
    {
        var run = PrecompileRun.Execute(Ripemd160Precompile.Instance, input);
        Assert.Equal(PrecompileStatus.Success, run.Status);
        Assert.Equal(word, run.OutputHex);
    }

    [Theory]
    // length, gas (600 + 120/word), native (1600 + 4200 per padded 64-byte block)
    [InlineData(0, 600, 5_800)]
    [InlineData(1, 720, 5_800)]
    [InlineData(32, 720, 5_800)]
    [InlineData(33, 840, 5_800)]
    [InlineData(56, 840, 10_000)]
    [InlineData(120, 1080, 14_200)]
    public void ChargesGasPerWordAndNativePerPaddedBlock(int length, ulong gas, ulong native)
    {
        Assert.Equal(gas, Ripemd160Precompile.GasCost(length));
        Assert.Equal(native, Ripemd160Precompile.NativeCost(length));
        var run = PrecompileRun.Execute(Ripemd160Precompile.Instance, new byte[length]);
        Assert.Equal(PrecompileStatus.Success, run.Status);
        Assert.Equal(gas * Resources.ErgsPerGas, run.ErgsUsed);
        Assert.Equal(native, run.NativeUsed);
        Assert.Equal(32, run.Output.Length);
    }

    [Fact]
    public void ShortfallsFollowTheChargingRules()
    {
        const ulong ergs = 600 * Resources.ErgsPerGas;
        var outOfErgs = PrecompileRun.Execute(Ripemd160Precompile.Instance, [], new Resources(ergs - 1, 10_000));
        Assert.Equal(PrecompileStatus.OutOfErgs, outOfErgs.Status);
        Assert.Equal(new Resources(0, 10_000 - 5_800), outOfErgs.Left);

        var outOfNative = PrecompileRun.Execute(Ripemd160Precompile.Instance, [], new Resources(ergs + 1, 5_799));
        Assert.Equal(PrecompileStatus.OutOfNative, outOfNative.Status);
        Assert.Equal(new Resources(1, 0), outOfNative.Left);
    }
}

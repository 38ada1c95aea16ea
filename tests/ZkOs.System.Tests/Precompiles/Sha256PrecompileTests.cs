// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.System.Precompiles;

namespace ZkOs.System.Tests.Precompiles;

public class Sha256PrecompileTests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("616263", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    // FIPS 180-2 two-block message "abcdbcde…nopq" (56 bytes: the padding needs a second block).
    [InlineData("6162636462636465636465666465666765666768666768696768696a68696a6b696a6b6c6a6b6c6d6b6c6d6e6c6d6e6f6d6e6f706e6f7071",
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void KnownDigests(string input, string digest)
    {
        var run = PrecompileRun.Execute(Sha256Precompile.Instance, input);
        Assert.Equal(PrecompileStatus.Success, run.Status);
        Assert.Equal(digest, run.OutputHex);
    }

    [Theory]
    // length, gas (60 + 12/word), native (1600 + 4200 per padded 64-byte block)
    [InlineData(0, 60, 5_800)]
    [InlineData(1, 72, 5_800)]
    [InlineData(32, 72, 5_800)]
    [InlineData(33, 84, 5_800)]
    [InlineData(55, 84, 5_800)]
    [InlineData(56, 84, 10_000)]
    [InlineData(64, 84, 10_000)]
    [InlineData(119, 108, 10_000)]
    [InlineData(120, 108, 14_200)]
    [InlineData(1000, 60 + 12 * 32, 1_600 + 4_200 * 16)]
    public void ChargesGasPerWordAndNativePerPaddedBlock(int length, ulong gas, ulong native)
    {
        Assert.Equal(gas, Sha256Precompile.GasCost(length));
        Assert.Equal(native, Sha256Precompile.NativeCost(length));
        var run = PrecompileRun.Execute(Sha256Precompile.Instance, new byte[length]);
        Assert.Equal(PrecompileStatus.Success, run.Status);
        Assert.Equal(gas * Resources.ErgsPerGas, run.ErgsUsed);
        Assert.Equal(native, run.NativeUsed);
        Assert.Equal(32, run.Output.Length);
    }

    [Fact]
    public void ShortfallsFollowTheChargingRules()
    {
        var input = new byte[33];
        const ulong ergs = 84 * Resources.ErgsPerGas;
        const ulong native = 5_800;
        Assert.Equal(new Resources(0, 0), PrecompileRun.Execute(Sha256Precompile.Instance, input, new Resources(ergs, native)).Left);

        var outOfErgs = PrecompileRun.Execute(Sha256Precompile.Instance, input, new Resources(ergs - 1, native));
        Assert.Equal(PrecompileStatus.OutOfErgs, outOfErgs.Status);
        Assert.Equal(new Resources(0, 0), outOfErgs.Left);
        Assert.Empty(outOfErgs.Output);

        var outOfNative = PrecompileRun.Execute(Sha256Precompile.Instance, input, new Resources(ergs, native - 1));
        Assert.Equal(PrecompileStatus.OutOfNative, outOfNative.Status);
        Assert.Equal(new Resources(0, 0), outOfNative.Left);
        Assert.Empty(outOfNative.Output);
    }
}

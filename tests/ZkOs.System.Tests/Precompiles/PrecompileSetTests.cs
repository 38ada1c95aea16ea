// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.Precompiles;

namespace ZkOs.System.Tests.Precompiles;

public class PrecompileSetTests
{
    [Theory]
    [InlineData(0x01, "ecrecover")]
    [InlineData(0x02, "sha256")]
    [InlineData(0x03, "ripemd160")]
    [InlineData(0x04, "identity")]
    [InlineData(0x05, "modexp")]
    [InlineData(0x09, "blake2f")]
    [InlineData(0x0a, "point_evaluation")]
    public void CancunMapsEachAddressToItsPrecompile(int address, string name)
    {
        Assert.True(PrecompileSet.Cancun.TryGet(Address.FromUInt64((ulong)address), out var precompile));
        Assert.Equal(name, precompile.Name);
        Assert.Equal(address, precompile.Address);
        Assert.True(PrecompileSet.Cancun.TryGet((ushort)address, out var same));
        Assert.Same(precompile, same);
    }

    [Theory]
    [InlineData("0x0000000000000000000000000000000000000000")]
    [InlineData("0x000000000000000000000000000000000000000b")]
    [InlineData("0x0000000000000000000000000000000000000100")]
    [InlineData("0x0000000000000000000000000000000000008001")]
    [InlineData("0x0100000000000000000000000000000000000001")]
    [InlineData("0x0000000000000000000000000000000000010001")]
    [InlineData("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b")]
    public void OtherAddressesAreNotPrecompiles(string address)
    {
        Assert.False(PrecompileSet.Cancun.TryGet(Address.Parse(address), out var precompile));
        Assert.Null(precompile);
        Assert.False(PrecompileSet.Cancun.Contains(Address.Parse(address)));
    }

    [Fact]
    public void MembersAreOrderedAndReplaceable()
    {
        // 0x06–0x08 are the BN254 precompiles, tested with their implementation.
        Assert.Equal(Enumerable.Range(1, 10), PrecompileSet.Cancun.Precompiles.Select(p => (int)p.Address));
        foreach (ushort address in new ushort[] { 6, 7, 8 })
            Assert.StartsWith("bn254", PrecompileSet.Cancun.Precompiles[address - 1].Name);
        Assert.Equal("Cancun", PrecompileSet.Cancun.Fork);

        var replacement = new UnsupportedPrecompile(0x06, "replacement");
        var derived = PrecompileSet.Cancun.With(replacement);
        Assert.True(derived.TryGet(6, out var found));
        Assert.Same(replacement, found);
        Assert.Equal(10, derived.Precompiles.Count);
        Assert.True(PrecompileSet.Cancun.TryGet(6, out var original));
        Assert.NotSame(replacement, original);

        var extended = derived.With(new UnsupportedPrecompile(0x100, "p256verify"));
        Assert.True(extended.TryGet(Address.FromUInt64(0x100), out _));
        Assert.False(extended.TryGet(0xff, out _));

        Assert.Throws<ArgumentException>(() => new PrecompileSet("x", [IdentityPrecompile.Instance, new UnsupportedPrecompile(4, "dup")]));
    }

    [Fact]
    public void UnimplementedPrecompilesReportUnsupportedWithoutCharging()
    {
        IPrecompile[] unimplemented = [new UnsupportedPrecompile(0x100, "p256verify")];
        foreach (var precompile in unimplemented)
        {
            var run = PrecompileRun.Execute(precompile, new byte[192]);
            Assert.Equal(PrecompileStatus.Unsupported, run.Status);
            Assert.Empty(run.Output);
            Assert.Equal(PrecompileRun.Ample, run.Left);
        }
        Assert.Same(PointEvaluationPrecompile.Instance, PrecompileSet.Cancun.Precompiles[9]);
    }
}

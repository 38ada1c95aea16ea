// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOs.Bootloader.Ethereum;

namespace ZkOs.Bootloader.Tests.Ethereum;

/// <summary>EIP-4844's blob gas price: fake_exponential(1, excess_blob_gas, 3338477) and the constants of Cancun.</summary>
public class BlobGasTests
{
    [Fact]
    public void Constants_AreCancuns()
    {
        Assert.Equal(131_072UL, BlobGas.PerBlob);
        Assert.Equal(6, BlobGas.MaxBlobsPerBlock);
        Assert.Equal(3_338_477UL, BlobGas.UpdateFraction);
        Assert.Equal(0x01, BlobGas.VersionedHashVersionKzg);
    }

    [Theory]
    [InlineData(0UL, 1UL)]
    [InlineData(1UL, 1UL)]
    [InlineData(2_314_057UL, 1UL)]
    [InlineData(2_314_058UL, 2UL)]
    [InlineData(10UL * 3_338_477UL, 22_026UL)]
    public void BaseFee_KnownPoints(ulong excess, ulong expected) =>
        Assert.Equal(new BigInteger(expected), BlobGas.BaseFee(excess).ToBigInteger());

    [Fact]
    public void BaseFee_MatchesTheSpecsFakeExponential_AndNeverDecreases()
    {
        var random = new Random(4844);
        var previous = BigInteger.Zero;
        foreach (var excess in Enumerable.Range(0, 300).Select(i => (ulong)i * 393_216UL).Concat(Enumerable.Range(0, 50).Select(_ => (ulong)random.NextInt64(0, 400_000_000))).Order())
        {
            var fee = BlobGas.BaseFee(excess).ToBigInteger();
            Assert.Equal(FakeExponential(1, excess, BlobGas.UpdateFraction), fee);
            Assert.True(fee >= previous);
            previous = fee;
        }
    }

    /// <summary>fake_exponential of EIP-4844, as the EIP writes it (the Taylor series of factor·e^(numerator/denominator) in integers).</summary>
    private static BigInteger FakeExponential(BigInteger factor, BigInteger numerator, BigInteger denominator)
    {
        var i = BigInteger.One;
        var output = BigInteger.Zero;
        var accumulator = factor * denominator;
        while (accumulator > 0)
        {
            output += accumulator;
            accumulator = accumulator * numerator / (denominator * i);
            i += 1;
        }

        return output / denominator;
    }
}

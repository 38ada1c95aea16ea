// SPDX-License-Identifier: MIT
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using ZkOs.System.Precompiles.Bn254;
using static ZkOs.System.Tests.Precompiles.Bn254.Bn254Reference;
using Fq = ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>;

namespace ZkOs.System.Tests.Precompiles.Bn254;

/// <summary>The Montgomery base field against BigInteger arithmetic modulo p.</summary>
public class FpTests
{
    private const int Cases = 2000;

    private static Arbitrary<(BigInteger, BigInteger)> Pairs { get; } =
        Gen.Zip(Bn254Generators.Element, Bn254Generators.Element).ToArbitrary();

    [Fact]
    public void Parameters_MatchTheModulus()
    {
        var r = BigInteger.One << 256;
        var limbs = Bn254FpParams.ModulusLimbs;
        var modulus = limbs[0] + ((BigInteger)limbs[1] << 64) + ((BigInteger)limbs[2] << 128) + ((BigInteger)limbs[3] << 192);
        Assert.Equal(P, modulus);
        Assert.Equal(P, Bn254FpParams.Modulus0 + ((BigInteger)Bn254FpParams.Modulus1 << 64) + ((BigInteger)Bn254FpParams.Modulus2 << 128) + ((BigInteger)Bn254FpParams.Modulus3 << 192));
        Assert.Equal(r * r % P, Bn254FpParams.RSquared0 + ((BigInteger)Bn254FpParams.RSquared1 << 64) + ((BigInteger)Bn254FpParams.RSquared2 << 128) + ((BigInteger)Bn254FpParams.RSquared3 << 192));
        Assert.Equal(r % P, Bn254FpParams.One0 + ((BigInteger)Bn254FpParams.One1 << 64) + ((BigInteger)Bn254FpParams.One2 << 128) + ((BigInteger)Bn254FpParams.One3 << 192));

        // -p^-1 mod 2^64: p·inv = -1 (mod 2^64).
        Assert.Equal(BigInteger.Zero, ((P * Bn254FpParams.NegativeInverse) + 1) % (BigInteger.One << 64));
    }

    [Fact]
    public void Arithmetic_RandomOperands_MatchesBigInteger()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), Prop.ForAll(Pairs, t =>
        {
            var (a, b) = t;
            var x = ToFq(a);
            var y = ToFq(b);
            Fq.Add(in x, in y, out var sum);
            Fq.Subtract(in x, in y, out var difference);
            Fq.Multiply(in x, in y, out var product);
            Fq.Square(in x, out var square);
            Fq.Negate(in x, out var negation);
            Fq.Double(in x, out var twice);
            Fq.Halve(in x, out var half);
            Assert.Equal(Mod(a + b), ToBig(sum));
            Assert.Equal(Mod(a - b), ToBig(difference));
            Assert.Equal(Mod(a * b), ToBig(product));
            Assert.Equal(Mod(a * a), ToBig(square));
            Assert.Equal(Mod(-a), ToBig(negation));
            Assert.Equal(Mod(2 * a), ToBig(twice));
            Assert.Equal(Mod(2 * ToBig(half)), a);
            Assert.Equal(a == b, Fq.AreEqual(in x, in y));
            Assert.Equal(a.IsZero, Fq.IsZero(in x));
        }));
    }

    [Fact]
    public void Aliasing_OutputIsAnInput_GivesTheSameResult()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(Pairs, t =>
        {
            var x = ToFq(t.Item1);
            var y = ToFq(t.Item2);
            Fq.Multiply(in x, in y, out var expected);
            var aliased = x;
            Fq.Multiply(in aliased, in y, out aliased);
            Assert.True(Fq.AreEqual(in expected, in aliased));
            aliased = y;
            Fq.Subtract(in x, in aliased, out aliased);
            Fq.Subtract(in x, in y, out expected);
            Assert.True(Fq.AreEqual(in expected, in aliased));
        }));
    }

    [Fact]
    public void Invert_RandomOperands_IsTheModularInverse()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Bn254Generators.Element.ToArbitrary(), a =>
        {
            var x = ToFq(a);
            Fq.Invert(in x, out var inverse);
            Assert.Equal(a.IsZero ? BigInteger.Zero : BigInteger.ModPow(a, P - 2, P), ToBig(inverse));
        }));
    }

    [Fact]
    public void Pow_RandomExponent_MatchesModPow()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), Prop.ForAll(Pairs, t =>
        {
            var (a, e) = t;
            var x = ToFq(a);
            Span<ulong> limbs = stackalloc ulong[4];
            for (int i = 0; i < 4; i++)
                limbs[i] = (ulong)((e >> (64 * i)) & ulong.MaxValue);
            FieldAlgorithms.Pow(in x, limbs, out var power);
            Assert.Equal(BigInteger.ModPow(a, e, P), ToBig(power));
        }));
    }

    [Fact]
    public void Constants_AreTheirValues()
    {
        Assert.Equal(BigInteger.Zero, ToBig(Fq.Zero));
        Assert.Equal(BigInteger.One, ToBig(Fq.One));
        Assert.Equal(new BigInteger(12345), ToBig(Fq.FromUInt64(12345)));
        Assert.Equal(new BigInteger(ulong.MaxValue), ToBig(Fq.FromUInt64(ulong.MaxValue)));
    }

    [Theory]
    [InlineData("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47")] // p
    [InlineData("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd48")] // p + 1
    [InlineData("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfe47")]
    [InlineData("30644e72e131a029b85045b68181585e97816a916871ca8d3c208c16d87cfd46")]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    [InlineData("8000000000000000000000000000000000000000000000000000000000000000")]
    public void TryReadBigEndian_NotBelowP_IsRejected(string hex)
    {
        Assert.False(Fq.TryReadBigEndian(Convert.FromHexString(hex), out _));
    }

    [Theory]
    [InlineData("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd46")] // p - 1
    [InlineData("30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfc47")]
    [InlineData("30644e72e131a029b85045b68181585c97816a916871ca8d3c208c16d87cfd47")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001")]
    public void TryReadBigEndian_BelowP_RoundTrips(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        Assert.True(Fq.TryReadBigEndian(bytes, out var value));
        var written = new byte[32];
        Fq.WriteBigEndian(in value, written);
        Assert.Equal(bytes, written);
    }
}

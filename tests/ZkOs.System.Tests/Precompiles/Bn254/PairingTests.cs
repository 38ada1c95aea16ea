// SPDX-License-Identifier: MIT
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using ZkOs.System.Precompiles.Bn254;
using static ZkOs.System.Tests.Precompiles.Bn254.Bn254Reference;
using Bn254Pair = ZkOs.System.Precompiles.Bn254.G1G2Pair<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>;
using Fq12 = ZkOs.System.Precompiles.Bn254.Fp12<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>, ZkOs.System.Precompiles.Bn254.Bn254Tower>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>;
using G1 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>, ZkOs.System.Precompiles.Bn254.Bn254G1Params>;
using G2 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>, ZkOs.System.Precompiles.Bn254.Bn254G2Params>;

namespace ZkOs.System.Tests.Precompiles.Bn254;

/// <summary>The optimal ate pairing: its constants, bilinearity, non-degeneracy and the multi-pairing check.</summary>
public class PairingTests
{
    [Fact]
    public void LoopConstants_AreNonAdjacentFormsOfTheirScalars()
    {
        Assert.Equal((6 * (BigInteger)U) + 2, FromNaf(Bn254Pairing.AteLoopNaf, 2));
        Assert.Equal((BigInteger)U, FromNaf(Bn254Pairing.UWindowNaf, 4));
        Assert.Equal(Bn254G2.U, U);
    }

    [Fact]
    public void FinalExponentiation_IsAFixedPowerCoprimeToR()
    {
        // The hard part uses the multiple m·(p^4 - p^2 + 1)/r with m = 2u(6u^2 + 3u + 1).
        var u = (BigInteger)U;
        var m = 2 * u * ((6 * u * u) + (3 * u) + 1);
        Assert.Equal(BigInteger.One, BigInteger.GreatestCommonDivisor(m, R));
        var f = Bn254Generators.RandomFq12(new Random(5));
        Bn254Pairing.FinalExponentiation(in f, out var actual);
        FieldAlgorithms.Pow(in f, TowerTests.Limbs((BigInteger.Pow(P, 12) - 1) / R * m), out var expected);
        Assert.True(Fq12.AreEqual(in expected, in actual));
    }

    [Fact]
    public void Pairing_IsBilinear()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(6), Prop.ForAll(Bn254Generators.Seed.ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var a = RandomBelow(random, R);
            var b = RandomBelow(random, R);
            var p = G1Point(1);
            var q = G2Point(1);
            Bn254Pairing.Pairing(Pair(G1Point(a), G2Point(b)), out var left);
            Bn254Pairing.Pairing(Pair(p, q), out var basePairing);
            FieldAlgorithms.Pow(in basePairing, TowerTests.Limbs(a * b % R), out var right);
            Assert.True(Fq12.AreEqual(in left, in right));

            // e(aP, Q) = e(P, aQ)
            Bn254Pairing.Pairing(Pair(G1Point(a), q), out var moved1);
            Bn254Pairing.Pairing(Pair(p, G2Point(a)), out var moved2);
            Assert.True(Fq12.AreEqual(in moved1, in moved2));
        }));
    }

    [Fact]
    public void Pairing_OfTheGenerators_IsNonDegenerateOfOrderR()
    {
        Bn254Pairing.Pairing(Pair(G1Point(1), G2Point(1)), out var e);
        Assert.False(Fq12.IsOne(in e));
        FieldAlgorithms.Pow(in e, TowerTests.Limbs(R), out var power);
        Assert.True(Fq12.IsOne(in power));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(17)]
    public void Check_PairsWhoseScalarsCancel_Holds(int count)
    {
        // Pairs (a_i·G1, b_i·G2) and a last pair (-Σ a_i·b_i·G1, G2): the product is 1. Changing one scalar
        // breaks it. Counts straddle the stack batch of the Miller loop.
        var random = new Random(count);
        var pairs = new Bn254Pair[count];
        var total = BigInteger.Zero;
        for (int i = 0; i < count - 1; i++)
        {
            var a = RandomBelow(random, R);
            var b = RandomBelow(random, R);
            total += a * b;
            pairs[i] = Pair(G1Point(a), G2Point(b));
        }

        pairs[count - 1] = Pair(G1Point(((-total % R) + R) % R), G2Point(1));
        Assert.True(Bn254Pairing.Check(pairs));
        pairs[0] = Pair(G1Point(RandomBelow(random, R - 1) + 1), pairs[0].QX, pairs[0].QY);
        Assert.False(Bn254Pairing.Check(pairs));
    }

    [Fact]
    public void MillerLoop_TooManyPairs_Throws()
    {
        var pairs = new Bn254Pair[Bn254Pairing.MaxPairsPerLoop + 1];
        Assert.Throws<ArgumentOutOfRangeException>(() => Bn254Pairing.MillerLoop(pairs, out _));
        Assert.True(Bn254Pairing.Check([]));
    }

    /// <summary>The value of a width-w NAF: odd digits below 2^(w-1) in magnitude, any w consecutive digits holding at most one non-zero.</summary>
    private static BigInteger FromNaf(ReadOnlySpan<sbyte> digits, int width)
    {
        var value = BigInteger.Zero;
        int lastNonZero = int.MaxValue;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            value = (2 * value) + digits[i];
            if (digits[i] != 0)
            {
                Assert.True(Math.Abs((int)digits[i]) < 1 << (width - 1) && digits[i] % 2 != 0);
                Assert.True(lastNonZero - i >= width);
                lastNonZero = i;
            }
        }

        Assert.NotEqual(0, digits[^1]);
        return value;
    }

    private static (BigInteger X, BigInteger Y) G1Point(BigInteger scalar)
    {
        G1.Multiply(G1.FromAffine(ToFq(G1Generator.X), ToFq(G1Generator.Y)), G1Tests.ToUInt256(scalar), out var point);
        Assert.True(G1.ToAffine(in point, out var x, out var y));
        return (ToBig(x), ToBig(y));
    }

    private static G2 G2Point(BigInteger scalar)
    {
        G2.Multiply(G2.FromAffine(ToFq2(G2Generator.X), ToFq2(G2Generator.Y)), G1Tests.ToUInt256(scalar), out var point);
        return point;
    }

    private static Bn254Pair Pair((BigInteger X, BigInteger Y) p, in G2 q)
    {
        Assert.True(G2.ToAffine(in q, out var x, out var y));
        return Pair(p, x, y);
    }

    private static Bn254Pair Pair(
        (BigInteger X, BigInteger Y) p,
        in Fq2 qx,
        in Fq2 qy) =>
        new(ToFq(p.X), ToFq(p.Y), qx, qy);
}

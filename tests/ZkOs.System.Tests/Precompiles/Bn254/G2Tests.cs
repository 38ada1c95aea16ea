// SPDX-License-Identifier: MIT
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using ZkOs.System.Precompiles.Bn254;
using static ZkOs.System.Tests.Precompiles.Bn254.Bn254Reference;
using G2 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>, ZkOs.System.Precompiles.Bn254.Bn254G2Params>;

namespace ZkOs.System.Tests.Precompiles.Bn254;

/// <summary>
/// G2 on the twist: the curve equation, the endomorphism ψ and the fast subgroup test against the
/// definition [r]Q = O, on points in and out of the subgroup (the twist's cofactor 2p - r =
/// 10069 · 5864401 · 1875725156269 · 197620364512881247228717050342013327560683201906968909).
/// </summary>
public class G2Tests
{
    private static readonly BigInteger[] _cofactorPrimes =
    [
        10069, 5864401, BigInteger.Parse("1875725156269"),
        BigInteger.Parse("197620364512881247228717050342013327560683201906968909"),
    ];

    [Fact]
    public void Generator_IsOnTheTwistAndInTheSubgroup()
    {
        Assert.True(IsOnTwist(G2Generator));
        var g = FromAffine(G2Generator);
        Assert.True(G2.IsOnCurve(in g.X, in g.Y));
        Assert.True(Bn254G2.IsInSubgroup(in g));
        G2.Multiply(in g, G1Tests.ToUInt256(R), out var rg);
        Assert.True(rg.IsInfinity);
        Assert.Equal((BigInteger)2 * P - R, _cofactorPrimes.Aggregate(BigInteger.One, (a, b) => a * b));
    }

    [Fact]
    public void SubgroupTest_RandomTwistPoints_AgreesWithTheDefinition()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(15), Prop.ForAll(Bn254Generators.Seed.ToArbitrary(), seed =>
        {
            var random = new Random(seed);
            var point = FromAffine(RandomTwistPoint(random));
            Assert.True(G2.IsOnCurve(in point.X, in point.Y));
            Assert.Equal(InSubgroupByDefinition(point), Bn254G2.IsInSubgroup(in point));

            // Clearing the cofactor lands in G2; a multiple of the generator is in G2.
            G2.Multiply(in point, G1Tests.ToUInt256((2 * P) - R), out var cleared);
            Assert.True(Bn254G2.IsInSubgroup(in cleared));
            G2.Multiply(FromAffine(G2Generator), G1Tests.ToUInt256(RandomBelow(random, R)), out var multiple);
            Assert.True(Bn254G2.IsInSubgroup(in multiple));

            // ψ acts on G2 as multiplication by p.
            Bn254G2.Psi(in multiple, out var psi);
            G2.Multiply(in multiple, G1Tests.ToUInt256(P % R), out var timesP);
            Assert.True(G2.AreEqual(in psi, in timesP));
        }));
    }

    [Fact]
    public void SubgroupTest_PointsWithASmallOrderComponent_AreRejected()
    {
        var random = new Random(20240521);
        var g = FromAffine(G2Generator);
        int tested = 0;
        while (tested < 8)
        {
            var point = FromAffine(RandomTwistPoint(random));
            foreach (var prime in _cofactorPrimes)
            {
                // A point of order exactly `prime` (order / prime is above 2^256: two steps), alone and
                // added to a point of G2.
                G2.Multiply(in point, G1Tests.ToUInt256(((2 * P) - R) / prime), out var small);
                G2.Multiply(in small, G1Tests.ToUInt256(R), out small);
                if (small.IsInfinity)
                    continue;
                Assert.False(Bn254G2.IsInSubgroup(in small));
                G2.Add(in small, in g, out var mixed);
                Assert.False(Bn254G2.IsInSubgroup(in mixed));
                Assert.False(InSubgroupByDefinition(mixed));

                // The same points from affine coordinates (Z = 1) take the mixed-addition path.
                Assert.True(G2.ToAffine(in small, out var sx, out var sy));
                Assert.False(Bn254G2.IsInSubgroup(G2.FromAffine(in sx, in sy)));
                Assert.True(G2.ToAffine(in mixed, out var mx, out var my));
                Assert.False(Bn254G2.IsInSubgroup(G2.FromAffine(in mx, in my)));
                tested++;
            }
        }
    }

    [Fact]
    public void UNaf_IsTheNonAdjacentFormOfU()
    {
        var digits = Bn254G2.UNaf.ToArray();
        var value = digits.Select((d, i) => d * BigInteger.Pow(2, i)).Aggregate(BigInteger.Zero, (a, b) => a + b);
        Assert.Equal(new BigInteger(Bn254G2.U), value);
        Assert.Equal(1, digits[^1]);
        Assert.All(digits, d => Assert.InRange(d, -1, 1));
        for (int i = 1; i < digits.Length; i++)
            Assert.False(digits[i] != 0 && digits[i - 1] != 0, $"adjacent non-zero digits at {i - 1} and {i}");
    }

    private static bool InSubgroupByDefinition(in G2 point)
    {
        G2.Multiply(in point, G1Tests.ToUInt256(R), out var product);
        return product.IsInfinity;
    }

    private static G2 FromAffine(((BigInteger Re, BigInteger Im) X, (BigInteger Re, BigInteger Im) Y) point) =>
        G2.FromAffine(ToFq2(point.X), ToFq2(point.Y));
}

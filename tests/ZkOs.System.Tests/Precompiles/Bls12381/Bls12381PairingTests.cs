// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOs.System.Precompiles.Bls12381;
using ZkOs.System.Precompiles.Bn254;
using static ZkOs.System.Tests.Precompiles.Bls12381.Bls12381Reference;
using Fq12 = ZkOs.System.Precompiles.Bn254.Fp12<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>, ZkOs.System.Precompiles.Bls12381.Bls12381Tower>;
using G1 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>, ZkOs.System.Precompiles.Bls12381.Bls12381G1Params>;
using G2 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>, ZkOs.System.Precompiles.Bls12381.Bls12381G2Params>;
using Pair = ZkOs.System.Precompiles.Bn254.G1G2Pair<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>;
using PreparedPair = ZkOs.System.Precompiles.Bn254.PreparedPair<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>;

namespace ZkOs.System.Tests.Precompiles.Bls12381;

/// <summary>The optimal ate pairing of BLS12-381: its constants, the final exponentiation, bilinearity, non-degeneracy and the multi-pairing checks.</summary>
public class Bls12381PairingTests
{
    [Fact]
    public void LoopDigits_AreTheBitsOfAbsoluteX()
    {
        var value = BigInteger.Zero;
        var digits = Bls12381Pairing.LoopDigits;
        for (int i = digits.Length - 1; i >= 0; i--)
            value = (2 * value) + digits[i];
        Assert.Equal(-X, value);
    }

    [Fact]
    public void FinalExponentiation_IsThreeTimesTheStandardExponent()
    {
        var f = RandomFq12(new Random(41));
        Bls12381Pairing.FinalExponentiation(in f, out var actual);
        FieldAlgorithms.Pow(in f, Limbs(3 * ((BigInteger.Pow(P, 12) - 1) / R)), out var expected);
        Assert.True(Fq12.AreEqual(in expected, in actual));
    }

    [Fact]
    public void Pairing_OfTheGenerators_IsNonDegenerateOfOrderR()
    {
        Bls12381Pairing.Pairing(MakePair(Bls12381G1.Generator, Bls12381G2.Generator), out var e);
        Assert.False(Fq12.IsOne(in e));
        FieldAlgorithms.Pow(in e, Limbs(R), out var power);
        Assert.True(Fq12.IsOne(in power));
    }

    [Fact]
    public void Pairing_IsBilinear()
    {
        var random = new Random(42);
        Bls12381Pairing.Pairing(MakePair(Bls12381G1.Generator, Bls12381G2.Generator), out var basePairing);
        for (int i = 0; i < 3; i++)
        {
            var a = RandomBelow(random, R);
            var b = RandomBelow(random, R);
            Bls12381Pairing.Pairing(MakePair(G1Multiple(a), G2Multiple(b)), out var left);
            FieldAlgorithms.Pow(in basePairing, Limbs(a * b % R), out var right);
            Assert.True(Fq12.AreEqual(in left, in right));

            // e(aP, Q) = e(P, aQ)
            Bls12381Pairing.Pairing(MakePair(G1Multiple(a), Bls12381G2.Generator), out var moved1);
            Bls12381Pairing.Pairing(MakePair(Bls12381G1.Generator, G2Multiple(a)), out var moved2);
            Assert.True(Fq12.AreEqual(in moved1, in moved2));
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(9)]
    public void Check_PairsWhoseScalarsCancel_Holds(int count)
    {
        var random = new Random(count);
        var pairs = new Pair[count];
        var total = BigInteger.Zero;
        for (int i = 0; i < count - 1; i++)
        {
            var a = RandomBelow(random, R);
            var b = RandomBelow(random, R);
            total += a * b;
            pairs[i] = MakePair(G1Multiple(a), G2Multiple(b));
        }

        pairs[count - 1] = MakePair(G1Multiple(((-total % R) + R) % R), Bls12381G2.Generator);
        Assert.True(Bls12381Pairing.Check(pairs));
        pairs[0] = MakePair(G1Multiple(RandomBelow(random, R - 1) + 1), G2Multiple(2));
        Assert.False(Bls12381Pairing.Check(pairs));
        Assert.True(Bls12381Pairing.Check(ReadOnlySpan<Pair>.Empty));
    }

    [Fact]
    public void PreparedMillerLoop_MatchesTheOnTheFlyLoop()
    {
        var random = new Random(43);
        var p1 = G1Multiple(RandomBelow(random, R));
        var p2 = G1Multiple(RandomBelow(random, R));
        var q1 = G2Multiple(RandomBelow(random, R));
        var q2 = G2Multiple(RandomBelow(random, R));
        Bls12381Pairing.MillerLoop([MakePair(p1, q1), MakePair(p2, q2)], out var expected);
        Bls12381Pairing.MillerLoop([Prepared(p1, q1), Prepared(p2, q2)], out var actual);
        Assert.True(Fq12.AreEqual(in expected, in actual));

        // e(aP, -Q)·e(P, aQ) = 1 through prepared lines, and not for a different scalar.
        var a = RandomBelow(random, R);
        G2.Negate(Bls12381G2.Generator, out var negated);
        Assert.True(Bls12381Pairing.Check([Prepared(G1Multiple(a), negated), Prepared(Bls12381G1.Generator, G2Multiple(a))]));
        Assert.False(Bls12381Pairing.Check([Prepared(G1Multiple(a + 1), negated), Prepared(Bls12381G1.Generator, G2Multiple(a))]));
    }

    [Fact]
    public void MillerLoop_TooManyPairs_Throws()
    {
        var pairs = new Pair[Bls12381Pairing.MaxPairsPerLoop + 1];
        Assert.Throws<ArgumentOutOfRangeException>(() => Bls12381Pairing.MillerLoop(pairs, out _));
    }

    internal static Pair MakePair(in G1 p, in G2 q)
    {
        Assert.True(G1.ToAffine(in p, out var px, out var py));
        Assert.True(G2.ToAffine(in q, out var qx, out var qy));
        return new Pair(px, py, qx, qy);
    }

    private static PreparedPair Prepared(in G1 p, in G2 q)
    {
        Assert.True(G1.ToAffine(in p, out var px, out var py));
        Assert.True(G2.ToAffine(in q, out var qx, out var qy));
        return new PreparedPair(px, py, Bls12381Pairing.Prepare(in qx, in qy));
    }
}

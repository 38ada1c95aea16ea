// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOs.System.Precompiles.Bls12381;
using ZkOs.System.Precompiles.Bn254;
using static ZkOs.System.Tests.Precompiles.Bls12381.Bls12381Reference;
using Fq12 = ZkOs.System.Precompiles.Bn254.Fp12<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>, ZkOs.System.Precompiles.Bls12381.Bls12381Tower>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>;
using Fq6 = ZkOs.System.Precompiles.Bn254.Fp6<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>, ZkOs.System.Precompiles.Bls12381.Bls12381Tower>;

namespace ZkOs.System.Tests.Precompiles.Bls12381;

/// <summary>
/// The shared tower instantiated over BLS12-381's Fp384 with ξ = 1 + u: Fp2 against BigInteger, the field
/// axioms of Fp6 and Fp12, the M-type sparse multiplication against the generic one, the Frobenius maps
/// against p^k-th powers and the cyclotomic squaring against plain squaring.
/// </summary>
public class Bls12381TowerTests
{
    [Fact]
    public void Fp2_MatchesBigIntegerComplexArithmetic()
    {
        var random = new Random(11);
        for (int i = 0; i < 300; i++)
        {
            var (a, b) = ((RandomBelow(random, P), RandomBelow(random, P)), (RandomBelow(random, P), RandomBelow(random, P)));
            Fq2 x = ToFq2(a), y = ToFq2(b);
            Fq2.Multiply(in x, in y, out var product);
            Fq2.Square(in x, out var square);
            Fq2.Invert(in x, out var inverse);
            Bls12381Tower.MultiplyByNonResidue(in x, out var byXi);
            Assert.Equal(Mul2(a, b), ToBig(product));
            Assert.Equal(Mul2(a, a), ToBig(square));
            Assert.Equal(Inv2(a), ToBig(inverse));
            Assert.Equal(Mul2(a, (1, 1)), ToBig(byXi));
        }
    }

    [Fact]
    public void Fp6AndFp12_FieldAxiomsHold()
    {
        var random = new Random(12);
        for (int i = 0; i < 40; i++)
        {
            Fq12 a = RandomFq12(random), b = RandomFq12(random), c = RandomFq12(random);

            // (ab)c = a(bc), ab = ba, a(b + c) = ab + ac, a·a^-1 = 1, a^2 = a·a.
            Fq12.Multiply(in a, in b, out var ab);
            Fq12.Multiply(in ab, in c, out var left);
            Fq12.Multiply(in b, in c, out var bc);
            Fq12.Multiply(in a, in bc, out var right);
            Assert.True(Fq12.AreEqual(in left, in right));
            Fq12.Multiply(in b, in a, out var ba);
            Assert.True(Fq12.AreEqual(in ab, in ba));
            Fq12.Add(in b, in c, out var sum);
            Fq12.Multiply(in a, in sum, out left);
            Fq12.Multiply(in a, in c, out var ac);
            Fq12.Add(in ab, in ac, out right);
            Assert.True(Fq12.AreEqual(in left, in right));
            Fq12.Invert(in a, out var inverse);
            Fq12.Multiply(in a, in inverse, out var one);
            Assert.True(Fq12.IsOne(in one));
            Fq12.Square(in a, out var square);
            Fq12.Multiply(in a, in a, out var product);
            Assert.True(Fq12.AreEqual(in square, in product));

            Fq6 x = a.C0, y = b.C1;
            Fq6.Square(in x, out var x2);
            Fq6.Multiply(in x, in x, out var xx);
            Assert.True(Fq6.AreEqual(in x2, in xx));
            Fq6.Invert(in x, out var xInverse);
            Fq6.Multiply(in x, in xInverse, out var xOne);
            Assert.True(Fq6.AreEqual(in xOne, Fq6.One));
            Fq6.Multiply(in x, in y, out var xy);
            Fq6.Multiply(in y, in x, out var yx);
            Assert.True(Fq6.AreEqual(in xy, in yx));
        }
    }

    [Fact]
    public void SparseMultiplications_MatchTheGenericOnes()
    {
        var random = new Random(13);
        for (int i = 0; i < 50; i++)
        {
            var a = RandomFq12(random);
            Fq2 c0 = RandomFq2(random), c2 = RandomFq2(random), c3 = RandomFq2(random);

            // (c0 + c2·v) + (c3·v)·w: the M-type line shape, coefficients of w^0, w^2 and w^3.
            var line = new Fq12(new Fq6(c0, c2, Fq2.Zero), new Fq6(Fq2.Zero, c3, Fq2.Zero));
            Fq12.Multiply(in a, in line, out var expected);
            Fq12.MultiplyBy023(in a, in c0, in c2, in c3, out var actual);
            Assert.True(Fq12.AreEqual(in expected, in actual));

            // And the D-type shape (w^0, w^1, w^3) still matches over this tower.
            var dLine = new Fq12(new Fq6(c0, Fq2.Zero, Fq2.Zero), new Fq6(c2, c3, Fq2.Zero));
            Fq12.Multiply(in a, in dLine, out expected);
            Fq12.MultiplyBy013(in a, in c0, in c2, in c3, out actual);
            Assert.True(Fq12.AreEqual(in expected, in actual));

            Fq6.MultiplyBy1(in a.C0, in c3, out var sparse);
            Fq6.Multiply(in a.C0, new Fq6(Fq2.Zero, c3, Fq2.Zero), out var full);
            Assert.True(Fq6.AreEqual(in sparse, in full));
        }
    }

    [Fact]
    public void Frobenius_IsThePowerOfP()
    {
        var random = new Random(14);
        var a = RandomFq12(random);
        for (int k = 1; k <= 3; k++)
        {
            Fq12.Frobenius(in a, k, out var actual);
            FieldAlgorithms.Pow(in a, Limbs(BigInteger.Pow(P, k)), out var expected);
            Assert.True(Fq12.AreEqual(in expected, in actual));
        }
    }

    [Fact]
    public void CyclotomicSquare_MatchesSquare_InTheCyclotomicSubgroup()
    {
        var random = new Random(15);
        for (int i = 0; i < 10; i++)
        {
            // f^((p^6 - 1)(p^2 + 1)) lies in the cyclotomic subgroup.
            var f = RandomFq12(random);
            Fq12.Invert(in f, out var inverse);
            Fq12.Conjugate(in f, out var g);
            Fq12.Multiply(in g, in inverse, out g);
            Fq12.Frobenius(in g, 2, out var t);
            Fq12.Multiply(in t, in g, out g);
            Fq12.CyclotomicSquare(in g, out var actual);
            Fq12.Square(in g, out var expected);
            Assert.True(Fq12.AreEqual(in expected, in actual));
        }
    }
}

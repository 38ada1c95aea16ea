// SPDX-License-Identifier: MIT
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using ZkOs.System.Precompiles.Bn254;
using static ZkOs.System.Tests.Precompiles.Bn254.Bn254Reference;
using Fq = ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>;
using Fq12 = ZkOs.System.Precompiles.Bn254.Fp12<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>, ZkOs.System.Precompiles.Bn254.Bn254Tower>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>;
using Fq6 = ZkOs.System.Precompiles.Bn254.Fp6<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>, ZkOs.System.Precompiles.Bn254.Bn254Tower>;

namespace ZkOs.System.Tests.Precompiles.Bn254;

/// <summary>
/// The extension tower: Fp2 against BigInteger complex arithmetic, the field axioms of Fp2, Fp6 and Fp12 on
/// random elements, the sparse and special multiplications against the generic ones, and the Frobenius
/// maps against p^k-th powers.
/// </summary>
public class TowerTests
{
    private const int Cases = 300;

    private static Config Quick(int cases) => Config.QuickThrowOnFailure.WithMaxTest(cases);

    [Fact]
    public void Fp2_RandomOperands_MatchesBigIntegerComplexArithmetic()
    {
        var pairs = Gen.Zip(Bn254Generators.Fq2, Bn254Generators.Fq2).ToArbitrary();
        Check.One(Quick(1000), Prop.ForAll(pairs, t =>
        {
            var (x, y) = t;
            var (a, b) = (ToBig(x), ToBig(y));
            Fq2.Multiply(in x, in y, out var product);
            Fq2.Square(in x, out var square);
            Fq2.Add(in x, in y, out var sum);
            Fq2.Subtract(in x, in y, out var difference);
            Assert.Equal(Mul2(a, b), ToBig(product));
            Assert.Equal(Mul2(a, a), ToBig(square));
            Assert.Equal(Add2(a, b), ToBig(sum));
            Assert.Equal(Sub2(a, b), ToBig(difference));
            if (!Fq2.IsZero(in x))
            {
                Fq2.Invert(in x, out var inverse);
                Assert.Equal(Inv2(a), ToBig(inverse));
            }

            Bn254Tower.MultiplyByNonResidue(in x, out var byXi);
            Assert.Equal(Mul2(a, (9, 1)), ToBig(byXi));
            Fq2.Conjugate(in x, out var conjugate);
            Assert.Equal((a.Re, Mod(-a.Im)), ToBig(conjugate));
        }));
    }

    [Fact]
    public void SingleReductionCombinations_ExtremeLimbs_MatchBigIntegerArithmetic()
    {
        // Limb patterns at the edges of the single-reduction bounds (9a + b < 10p, 3x + 2y < 5p): zero, one,
        // p - 1, p - 2 and a value just above p/2, in every combination.
        var p = Bn254FpParams.ModulusLimbs;
        Fq[] edges =
        [
            new(0, 0, 0, 0),
            new(1, 0, 0, 0),
            new(p[0] - 1, p[1], p[2], p[3]),
            new(p[0] - 2, p[1], p[2], p[3]),
            new(p[0], p[1], p[2], p[3] >> 1),
        ];
        foreach (var re in edges)
        {
            foreach (var im in edges)
            {
                var x = new Fq2(in re, in im);
                Bn254Tower.MultiplyByNonResidue(in x, out var byXi);
                Assert.Equal(Mul2(ToBig(x), (9, 1)), ToBig(byXi));

                // The cyclotomic squaring's 3x - 2y and 3x + 2y share the one-step reduction (integers below 5p).
                Fq.ThreeMinusTwo(in re, in im, out var minus);
                Fq.ThreePlusTwo(in re, in im, out var plus);
                Assert.Equal(Mod((3 * ToBig(re)) - (2 * ToBig(im))), ToBig(minus));
                Assert.Equal(Mod((3 * ToBig(re)) + (2 * ToBig(im))), ToBig(plus));
            }
        }
    }

    [Fact]
    public void Fp2_FieldAxioms_Hold() => CheckAxioms(Bn254Generators.Fq2, 500);

    [Fact]
    public void Fp6_FieldAxioms_Hold() => CheckAxioms(Bn254Generators.Fq6, Cases);

    [Fact]
    public void Fp12_FieldAxioms_Hold() => CheckAxioms(Bn254Generators.Fq12, 150);

    [Fact]
    public void Fp6_SpecialMultiplications_MatchTheGenericOne()
    {
        var inputs = Gen.Zip(Bn254Generators.Fq6, Gen.Zip(Bn254Generators.Fq2, Bn254Generators.Fq2)).ToArbitrary();
        Check.One(Quick(Cases), Prop.ForAll(inputs, t =>
        {
            var (a, (b0, b1)) = t;
            var v = new Fq6(Fq2.Zero, Fq2.One, Fq2.Zero);
            Fq6.Multiply(in a, in v, out var expected);
            Fq6.MultiplyByV(in a, out var actual);
            AssertEqual(expected, actual);

            var sparse = new Fq6(b0, b1, Fq2.Zero);
            Fq6.Multiply(in a, in sparse, out expected);
            Fq6.MultiplyBy01(in a, in b0, in b1, out actual);
            AssertEqual(expected, actual);

            var scalar = new Fq6(b0, Fq2.Zero, Fq2.Zero);
            Fq6.Multiply(in a, in scalar, out expected);
            Fq6.MultiplyByFp2(in a, in b0, out actual);
            AssertEqual(expected, actual);
        }));
    }

    [Fact]
    public void Fp12_MultiplyBy013_MatchesTheGenericMultiplication()
    {
        var inputs = Gen.Zip(Bn254Generators.Fq12, Gen.Zip(Gen.Zip(Bn254Generators.Fq2, Bn254Generators.Fq2), Bn254Generators.Fq2)).ToArbitrary();
        Check.One(Quick(Cases), Prop.ForAll(inputs, t =>
        {
            var (f, ((c0, c1), c3)) = t;

            // w^0 -> C0.C0, w^1 -> C1.C0, w^3 -> C1.C1.
            var line = new Fq12(new Fq6(c0, Fq2.Zero, Fq2.Zero), new Fq6(c1, c3, Fq2.Zero));
            Fq12.Multiply(in f, in line, out var expected);
            Fq12.MultiplyBy013(in f, in c0, in c1, in c3, out var actual);
            AssertEqual(expected, actual);
        }));
    }

    [Fact]
    public void Fp12_Frobenius_IsThePowerOfP()
    {
        Check.One(Quick(12), Prop.ForAll(Bn254Generators.Seed.ToArbitrary(), seed =>
        {
            var f = Bn254Generators.RandomFq12(new Random(seed));
            for (int k = 1; k <= 3; k++)
            {
                FieldAlgorithms.Pow(in f, Limbs(BigInteger.Pow(P, k)), out var expected);
                Fq12.Frobenius(in f, k, out var actual);
                AssertEqual(expected, actual);
            }

            // p^6: conjugation, and the maps compose.
            Fq12.Frobenius(in f, 3, out var cubed);
            Fq12.Frobenius(in cubed, 3, out var sixth);
            Fq12.Conjugate(in f, out var conjugate);
            AssertEqual(conjugate, sixth);
            Fq12.Frobenius(in f, 1, out var once);
            Fq12.Frobenius(in once, 1, out var twice);
            Fq12.Frobenius(in f, 2, out var square);
            AssertEqual(square, twice);
        }));
    }

    [Fact]
    public void FrobeniusCoefficients_ArePowersOfXi()
    {
        var gamma1 = FrobeniusCoefficients<Fq, Bn254Tower>.Gamma1;
        var gamma2 = FrobeniusCoefficients<Fq, Bn254Tower>.Gamma2;
        var gamma3 = FrobeniusCoefficients<Fq, Bn254Tower>.Gamma3;
        for (int i = 0; i < 6; i++)
        {
            Assert.Equal(Pow2((9, 1), i * (P - 1) / 6), ToBig(gamma1[i]));
            Assert.Equal(Pow2((9, 1), i * ((P * P) - 1) / 6), ToBig(gamma2[i]));
            Assert.Equal(Pow2((9, 1), i * (BigInteger.Pow(P, 3) - 1) / 6), ToBig(gamma3[i]));
        }
    }

    [Fact]
    public void CyclotomicSquare_OnTheCyclotomicSubgroup_IsTheSquare()
    {
        Check.One(Quick(50), Prop.ForAll(Bn254Generators.Seed.ToArbitrary(), seed =>
        {
            // f^((p^6 - 1)(p^2 + 1)) lies in the cyclotomic subgroup.
            var f = Bn254Generators.RandomFq12(new Random(seed));
            Fq12.Invert(in f, out var inverse);
            Fq12.Conjugate(in f, out var g);
            Fq12.Multiply(in g, in inverse, out g);
            Fq12.Frobenius(in g, 2, out var t);
            Fq12.Multiply(in t, in g, out g);

            Fq12.Square(in g, out var expected);
            Fq12.CyclotomicSquare(in g, out var actual);
            AssertEqual(expected, actual);

            // And there the inverse is the conjugate.
            Fq12.Conjugate(in g, out var conjugate);
            Fq12.Multiply(in g, in conjugate, out var one);
            Assert.True(Fq12.IsOne(in one));
        }));
    }

    [Fact]
    public void Invert_Zero_IsZero()
    {
        Fq12.Invert(Fq12.Zero, out var f12);
        Fq6.Invert(Fq6.Zero, out var f6);
        Fq2.Invert(Fq2.Zero, out var f2);
        Fq.Invert(Fq.Zero, out var f1);
        Assert.True(Fq12.IsZero(in f12) && Fq6.IsZero(in f6) && Fq2.IsZero(in f2) && Fq.IsZero(in f1));
    }

    private static void CheckAxioms<T>(Gen<T> elements, int cases)
        where T : unmanaged, IField<T>
    {
        var triples = Gen.Zip(Gen.Zip(elements, elements), elements).ToArbitrary();
        Check.One(Quick(cases), Prop.ForAll(triples, t =>
        {
            var ((a, b), c) = t;

            // Associativity and commutativity of both operations, distributivity.
            T.Multiply(in a, in b, out var ab);
            T.Multiply(in ab, in c, out var abc1);
            T.Multiply(in b, in c, out var bc);
            T.Multiply(in a, in bc, out var abc2);
            AssertEqual(abc1, abc2);
            T.Multiply(in b, in a, out var ba);
            AssertEqual(ab, ba);
            T.Add(in a, in b, out var sum);
            T.Add(in sum, in c, out var sum1);
            T.Add(in b, in c, out var sum2);
            T.Add(in a, in sum2, out sum2);
            AssertEqual(sum1, sum2);
            T.Multiply(in sum, in c, out var left);
            T.Multiply(in a, in c, out var ac);
            T.Multiply(in b, in c, out var bc2);
            T.Add(in ac, in bc2, out var right);
            AssertEqual(left, right);

            // Identities, negation, subtraction, doubling, halving, squaring.
            var one = T.One;
            T.Multiply(in a, in one, out var same);
            AssertEqual(a, same);
            T.Negate(in a, out var negative);
            T.Add(in a, in negative, out var zero);
            Assert.True(T.IsZero(in zero));
            T.Subtract(in sum, in b, out var back);
            AssertEqual(a, back);
            T.Double(in a, out var twice);
            T.Add(in a, in a, out var twice2);
            AssertEqual(twice, twice2);
            T.Halve(in twice, out var half);
            AssertEqual(a, half);
            T.Square(in a, out var square);
            T.Multiply(in a, in a, out var square2);
            AssertEqual(square2, square);

            // Inverses.
            if (!T.IsZero(in a))
            {
                T.Invert(in a, out var inverse);
                T.Multiply(in a, in inverse, out var product);
                AssertEqual(one, product);
            }
        }));
    }

    private static void AssertEqual<T>(T expected, T actual)
        where T : unmanaged, IField<T> =>
        Assert.True(T.AreEqual(in expected, in actual), "field elements differ");

    internal static ulong[] Limbs(BigInteger value)
    {
        var limbs = new ulong[((int)value.GetBitLength() + 63) / 64];
        for (int i = 0; i < limbs.Length; i++)
            limbs[i] = (ulong)((value >> (64 * i)) & ulong.MaxValue);
        return limbs;
    }
}

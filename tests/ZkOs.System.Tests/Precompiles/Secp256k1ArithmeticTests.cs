// SPDX-License-Identifier: MIT
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using ZkOs.System.Precompiles;

namespace ZkOs.System.Tests.Precompiles;

/// <summary>The field, scalar and point arithmetic under <see cref="Secp256k1"/>, against BigInteger models.</summary>
public class Secp256k1ArithmeticTests
{
    private static readonly BigInteger _p = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F", global::System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger _n = BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", global::System.Globalization.NumberStyles.HexNumber);
    private static readonly BigInteger _two256 = BigInteger.One << 256;

    private static readonly Config _config = Config.QuickThrowOnFailure.WithMaxTest(3000);

    /// <summary>Random 256-bit values, mixed with the boundaries that stress carries and reductions.</summary>
    private static Gen<BigInteger> Value256 { get; } = Gen.Frequency(
        (6, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 32).Select(b => new BigInteger(b, isUnsigned: true, isBigEndian: true))),
        (1, Gen.Elements(
            BigInteger.Zero, BigInteger.One, new BigInteger(2), new BigInteger(7),
            _p - 1, _p - 2, _p, _p + 1, _n - 1, _n, _n + 1, _two256 - 1, _two256 - 2,
            (_two256 - 1) >> 1, BigInteger.One << 255, BigInteger.One << 128, (BigInteger.One << 64) - 1)),
        (1, Gen.Choose(0, 255).Select(shift => (BigInteger.One << shift) - 1)));

    private static Gen<BigInteger> FieldValue { get; } = Value256.Select(v => v % _p);

    private static Gen<BigInteger> ScalarValue { get; } = Value256.Select(v => v % _n);

    private static Secp256k1FieldElement Fe(BigInteger v)
    {
        Assert.True(Secp256k1FieldElement.TryRead(Bytes(v), out var fe));
        return fe;
    }

    private static Secp256k1Scalar Sc(BigInteger v)
    {
        Assert.True(Secp256k1Scalar.TryRead(Bytes(v), out var sc));
        return sc;
    }

    private static byte[] Bytes(BigInteger v)
    {
        var result = new byte[32];
        v.TryWriteBytes(result.AsSpan(32 - v.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return result;
    }

    private static BigInteger Big(in Secp256k1FieldElement fe)
    {
        var bytes = new byte[32];
        fe.Write(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    private static BigInteger Big(in Secp256k1Scalar s) =>
        (new BigInteger(s.L3) << 192) + (new BigInteger(s.L2) << 128) + (new BigInteger(s.L1) << 64) + s.L0;

    private static BigInteger FromBc(Org.BouncyCastle.Math.BigInteger value) =>
        new(value.ToByteArrayUnsigned(), isUnsigned: true, isBigEndian: true);

    private static BigInteger Mod(BigInteger v, BigInteger m) => ((v % m) + m) % m;

    [Fact]
    public void FieldOperationsMatchTheModel()
    {
        var pairs = Gen.Zip(FieldValue, FieldValue).ToArbitrary();
        Check.One(_config, Prop.ForAll(pairs, pair =>
        {
            var (a, b) = pair;
            var fa = Fe(a);
            var fb = Fe(b);
            Secp256k1FieldElement.Add(in fa, in fb, out var sum);
            Secp256k1FieldElement.Sub(in fa, in fb, out var difference);
            Secp256k1FieldElement.Multiply(in fa, in fb, out var product);
            Secp256k1FieldElement.Square(in fa, out var square);
            Secp256k1FieldElement.Negate(in fa, out var negation);
            Assert.Equal(Mod(a + b, _p), Big(sum));
            Assert.Equal(Mod(a - b, _p), Big(difference));
            Assert.Equal(Mod(a * b, _p), Big(product));
            Assert.Equal(Mod(a * a, _p), Big(square));
            Assert.Equal(Mod(-a, _p), Big(negation));

            // Aliased output: the result may overwrite an input.
            var aliased = fa;
            Secp256k1FieldElement.Multiply(in aliased, in aliased, out aliased);
            Assert.Equal(Big(square), Big(aliased));
        }));
    }

    [Fact]
    public void FieldInversionAndSquareRootMatchTheModel()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(FieldValue.ToArbitrary(), a =>
        {
            var fa = Fe(a);
            Secp256k1FieldElement.Invert(in fa, out var inverse);
            Assert.Equal(a.IsZero ? BigInteger.Zero : BigInteger.ModPow(a, _p - 2, _p), Big(inverse));

            bool isSquare = a.IsZero || BigInteger.ModPow(a, (_p - 1) / 2, _p).IsOne;
            bool found = Secp256k1FieldElement.TrySqrt(in fa, out var root);
            Assert.Equal(isSquare, found);
            if (found)
                Assert.Equal(a, Mod(Big(root) * Big(root), _p));
        }));
    }

    [Fact]
    public void FieldReadRejectsNonCanonicalValues()
    {
        Assert.False(Secp256k1FieldElement.TryRead(Bytes(_p), out _));
        Assert.False(Secp256k1FieldElement.TryRead(Bytes(_two256 - 1), out _));
        Assert.True(Secp256k1FieldElement.TryRead(Bytes(_p - 1), out _));
    }

    [Fact]
    public void ScalarOperationsMatchTheModel()
    {
        var pairs = Gen.Zip(ScalarValue, ScalarValue).ToArbitrary();
        Check.One(_config, Prop.ForAll(pairs, pair =>
        {
            var (a, b) = pair;
            var sa = Sc(a);
            var sb = Sc(b);
            Secp256k1Scalar.Multiply(in sa, in sb, out var product);
            Secp256k1Scalar.Negate(in sa, out var negation);
            Assert.Equal(Mod(a * b, _n), Big(product));
            Assert.Equal(Mod(-a, _n), Big(negation));
        }));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(ScalarValue.ToArbitrary(), a =>
        {
            var sa = Sc(a);
            Secp256k1Scalar.Invert(in sa, out var inverse);
            Assert.Equal(a.IsZero ? BigInteger.Zero : BigInteger.ModPow(a, _n - 2, _n), Big(inverse));
        }));
    }

    [Fact]
    public void ScalarAdditionAndHalvesMatchTheModel()
    {
        Check.One(_config, Prop.ForAll(Gen.Zip(ScalarValue, ScalarValue).ToArbitrary(), pair =>
        {
            var (a, b) = pair;
            Secp256k1Scalar.Add(Sc(a), Sc(b), out var sum);
            Assert.Equal(Mod(a + b, _n), Big(sum));
            Assert.Equal(a > _n / 2, Sc(a).IsHigh);
        }));
        Assert.False(Sc(_n / 2).IsHigh);
        Assert.True(Sc(_n / 2 + 1).IsHigh);
    }

    [Fact]
    public void EndomorphismConstantsAreWhatTheSplitAssumes()
    {
        var lambda = Big(Secp256k1Scalar.Lambda);
        var beta = Big(Secp256k1.Beta);
        Assert.Equal(BigInteger.One, BigInteger.ModPow(lambda, 3, _n));
        Assert.Equal(BigInteger.One, BigInteger.ModPow(beta, 3, _p));

        // λ·G = (β·Gx, Gy), computed by the reference.
        var lambdaG = Secp256k1Reference.Curve.G.Multiply(new Org.BouncyCastle.Math.BigInteger(1, Bytes(lambda))).Normalize();
        var g = Secp256k1.Generator;
        Assert.Equal(Mod(beta * Big(g.X), _p), FromBc(lambdaG.AffineXCoord.ToBigInteger()));
        Assert.Equal(Big(g.Y), FromBc(lambdaG.AffineYCoord.ToBigInteger()));
    }

    [Fact]
    public void LambdaSplitGivesShortHalvesThatRebuildTheScalar()
    {
        var lambda = Big(Secp256k1Scalar.Lambda);
        Check.One(_config, Prop.ForAll(ScalarValue.ToArbitrary(), k =>
        {
            Secp256k1Scalar.SplitLambda(Sc(k), out var k1, out var k2);
            var a = Big(k1);
            var b = Big(k2);
            Assert.Equal(k, Mod(a + b * lambda, _n));
            Assert.True(BigInteger.Min(a, _n - a).GetBitLength() <= 129, $"k1 {a:x}");
            Assert.True(BigInteger.Min(b, _n - b).GetBitLength() <= 129, $"k2 {b:x}");
        }));
    }

    [Fact]
    public void ScalarReadingReducesOrRejects()
    {
        Check.One(_config, Prop.ForAll(Value256.ToArbitrary(), v =>
        {
            var bytes = Bytes(v);
            Assert.Equal(v < _n, Secp256k1Scalar.TryRead(bytes, out _));
            Secp256k1Scalar.ReadReduced(bytes, out var reduced);
            Assert.Equal(v % _n, Big(reduced));
        }));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(10)]
    public void WnafDigitsRebuildTheScalar(int width)
    {
        Check.One(_config, Prop.ForAll(ScalarValue.ToArbitrary(), k =>
        {
            var naf = new short[257];
            int length = Secp256k1.ComputeWnaf(Sc(k), width, naf);
            BigInteger rebuilt = 0;
            int lastNonZero = -width;
            for (int i = length - 1; i >= 0; i--)
                rebuilt = rebuilt * 2 + naf[i];
            for (int i = 0; i < length; i++)
            {
                if (naf[i] == 0)
                    continue;
                Assert.True(naf[i] % 2 != 0 && Math.Abs(naf[i]) < (1 << (width - 1)));
                Assert.True(i - lastNonZero >= width, "non-zero digits are at least w apart");
                lastNonZero = i;
            }
            Assert.Equal(k, rebuilt);
        }));
    }

    [Fact]
    public void PointAdditionHandlesEveryCase()
    {
        var g = Secp256k1.Generator;
        Assert.True(g.IsOnCurve());
        var gj = Secp256k1JacobianPoint.FromAffine(in g);
        Secp256k1JacobianPoint.Double(in gj, out var twoG);

        // P + P goes through the doubling branch, P + (-P) gives infinity, ∞ + P gives P.
        Secp256k1JacobianPoint.Add(in gj, in gj, out var viaAdd);
        AssertSame(twoG, viaAdd);
        Secp256k1JacobianPoint.AddMixed(in gj, in g, out var viaMixed);
        AssertSame(twoG, viaMixed);
        Secp256k1JacobianPoint.Negate(in gj, out var minusG);
        Secp256k1JacobianPoint.Add(in gj, in minusG, out var zero);
        Assert.True(zero.IsInfinity);
        Assert.True(minusG.TryToAffine(out var minusGAffine));
        Secp256k1JacobianPoint.AddMixed(in gj, in minusGAffine, out zero);
        Assert.True(zero.IsInfinity);
        var infinity = Secp256k1JacobianPoint.Infinity;
        Secp256k1JacobianPoint.Add(in infinity, in gj, out var left);
        Secp256k1JacobianPoint.Add(in gj, in infinity, out var right);
        Secp256k1JacobianPoint.AddMixed(in infinity, in g, out var mixed);
        AssertSame(gj, left);
        AssertSame(gj, right);
        AssertSame(gj, mixed);
        Secp256k1JacobianPoint.Double(in infinity, out var doubledInfinity);
        Assert.True(doubledInfinity.IsInfinity);

        // 3G two ways, with a non-trivial Z on both sides of the full addition.
        Secp256k1JacobianPoint.Add(in twoG, in gj, out var threeG);
        Secp256k1JacobianPoint.Double(in twoG, out var fourG);
        Secp256k1JacobianPoint.Add(in fourG, in minusG, out var threeGAgain);
        AssertSame(threeG, threeGAgain);
        Assert.True(threeG.TryToAffine(out var threeGAffine));
        Assert.True(threeGAffine.IsOnCurve());
        var expected = Secp256k1Reference.Curve.G.Multiply(Org.BouncyCastle.Math.BigInteger.Three).Normalize();
        Assert.Equal(FromBc(expected.AffineXCoord.ToBigInteger()), Big(threeGAffine.X));
        Assert.Equal(FromBc(expected.AffineYCoord.ToBigInteger()), Big(threeGAffine.Y));
    }

    [Fact]
    public void MultiScalarMultiplicationMatchesTheReference()
    {
        var g = Secp256k1Reference.Curve.G;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(PrecompileGenerators.Zip3(ScalarValue, ScalarValue, ScalarValue).ToArbitrary(), t =>
        {
            var (u1, u2, d) = t;
            if (d.IsZero)
                return;
            // P = d·G, so u1·G + u2·P = (u1 + u2·d)·G.
            var pKey = Secp256k1Reference.PublicKey(new Org.BouncyCastle.Math.BigInteger(1, Bytes(d)));
            Assert.True(Secp256k1FieldElement.TryRead(pKey.AsSpan(0, 32), out var px));
            Assert.True(Secp256k1FieldElement.TryRead(pKey.AsSpan(32, 32), out var py));
            Secp256k1.MultiplyAdd(Sc(u1), Sc(u2), new Secp256k1AffinePoint(in px, in py), out var result);
            var k = Mod(u1 + u2 * d, _n);
            if (k.IsZero)
            {
                Assert.True(result.IsInfinity);
                return;
            }
            var expected = g.Multiply(new Org.BouncyCastle.Math.BigInteger(1, Bytes(k))).Normalize();
            Assert.True(result.TryToAffine(out var affine));
            Assert.Equal(FromBc(expected.AffineXCoord.ToBigInteger()), Big(affine.X));
            Assert.Equal(FromBc(expected.AffineYCoord.ToBigInteger()), Big(affine.Y));
        }));
    }

    private static void AssertSame(in Secp256k1JacobianPoint expected, in Secp256k1JacobianPoint actual)
    {
        Assert.True(expected.TryToAffine(out var e));
        Assert.True(actual.TryToAffine(out var a));
        Assert.Equal(Big(e.X), Big(a.X));
        Assert.Equal(Big(e.Y), Big(a.Y));
    }
}

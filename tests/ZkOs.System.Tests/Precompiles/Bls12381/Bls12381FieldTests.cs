// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOs.System.Precompiles.Bls12381;
using static ZkOs.System.Tests.Precompiles.Bls12381.Bls12381Reference;
using Fq = ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>;

namespace ZkOs.System.Tests.Precompiles.Bls12381;

/// <summary>The 384-bit Montgomery base field against BigInteger: every operation, the encodings and the square root.</summary>
public class Bls12381FieldTests
{
    /// <summary>Uniform values and the edges where carries and reductions go wrong.</summary>
    private static IEnumerable<BigInteger> Operands(int seed, int count)
    {
        BigInteger[] edges =
        [
            0, 1, 2, P - 1, P - 2, (P - 1) / 2, (P + 1) / 2, BigInteger.One << 64, (BigInteger.One << 128) - 1,
            (BigInteger.One << 380) + 1, (BigInteger.One << 320) - 1, P >> 1, P - (BigInteger.One << 64),
        ];
        foreach (var edge in edges)
            yield return edge;
        var random = new Random(seed);
        for (int i = 0; i < count; i++)
            yield return RandomBelow(random, P);
    }

    [Fact]
    public void Arithmetic_MatchesBigInteger()
    {
        var values = Operands(1, 150).ToArray();
        var random = new Random(2);
        foreach (var a in values)
        {
            var b = values[random.Next(values.Length)];
            Fq x = ToFq(a), y = ToFq(b);
            Fq.Add(in x, in y, out var sum);
            Fq.Subtract(in x, in y, out var difference);
            Fq.Multiply(in x, in y, out var product);
            Fq.Square(in x, out var square);
            Fq.Negate(in x, out var negated);
            Fq.Double(in x, out var twice);
            Fq.Halve(in x, out var half);
            Assert.Equal(Mod(a + b), ToBig(sum));
            Assert.Equal(Mod(a - b), ToBig(difference));
            Assert.Equal(Mod(a * b), ToBig(product));
            Assert.Equal(Mod(a * a), ToBig(square));
            Assert.Equal(Mod(-a), ToBig(negated));
            Assert.Equal(Mod(2 * a), ToBig(twice));
            Assert.Equal(Mod(a * Inverse(2)), ToBig(half));
            Fq.Invert(in x, out var inverse);
            Assert.Equal(a.IsZero ? BigInteger.Zero : Inverse(a), ToBig(inverse));
        }
    }

    [Fact]
    public void ComplexProducts_MatchBigInteger()
    {
        // The lazily reduced Karatsuba of Fp2 and its squaring, on edges and random operands.
        var values = Operands(3, 120).ToArray();
        var random = new Random(4);
        foreach (var a0 in values)
        {
            BigInteger a1 = values[random.Next(values.Length)], b0 = values[random.Next(values.Length)], b1 = values[random.Next(values.Length)];
            Fq.MultiplyComplex(ToFq(a0), ToFq(a1), ToFq(b0), ToFq(b1), out var c0, out var c1);
            Assert.Equal(Mod((a0 * b0) - (a1 * b1)), ToBig(c0));
            Assert.Equal(Mod((a0 * b1) + (a1 * b0)), ToBig(c1));
            Fq.SquareComplex(ToFq(a0), ToFq(a1), out var s0, out var s1);
            Assert.Equal(Mod((a0 * a0) - (a1 * a1)), ToBig(s0));
            Assert.Equal(Mod(2 * a0 * a1), ToBig(s1));
        }
    }

    [Fact]
    public void Encoding_RoundTrips_AndRejectsNonCanonical()
    {
        Span<byte> bytes = stackalloc byte[48];
        Span<byte> written = stackalloc byte[48];
        foreach (var value in Operands(5, 50))
        {
            WriteBigEndian(value, bytes, 48);
            Assert.True(Fq.TryReadBigEndian(bytes, out var element));
            Fq.WriteBigEndian(in element, written);
            Assert.True(bytes.SequenceEqual(written));
        }

        foreach (var value in new[] { P, P + 1, (BigInteger.One << 384) - 1, (BigInteger.One << 381) })
        {
            WriteBigEndian(value, bytes, 48);
            Assert.False(Fq.TryReadBigEndian(bytes, out _));
        }

        Assert.Equal(BigInteger.One, ToBig(Fq.One));
        Assert.Equal(new BigInteger(123456789), ToBig(Fq.FromUInt64(123456789)));
    }

    [Fact]
    public void Sqrt_FindsRootsOfSquares_AndRejectsNonSquares()
    {
        var random = new Random(6);
        for (int i = 0; i < 100; i++)
        {
            var a = RandomBelow(random, P);
            var square = Mod(a * a);
            Assert.True(Bls12381Encoding.TrySqrt(ToFq(square), out var root));
            Assert.True(ToBig(root) == a || ToBig(root) == Mod(-a));

            // -square is a non-square (p = 3 mod 4) unless zero.
            if (!a.IsZero)
                Assert.False(Bls12381Encoding.TrySqrt(ToFq(Mod(-square)), out _));
        }
    }

    [Fact]
    public void Fp2Sqrt_FindsRootsOfSquares_AndRejectsNonSquares()
    {
        var random = new Random(7);
        for (int i = 0; i < 60; i++)
        {
            (BigInteger, BigInteger) a = i switch
            {
                0 => (0, 0),
                1 => (RandomBelow(random, P), 0),
                2 => (0, RandomBelow(random, P)),
                _ => (RandomBelow(random, P), RandomBelow(random, P)),
            };
            var square = Mul2(a, a);
            Assert.True(Bls12381Encoding.TrySqrt(ToFq2(square), out var root));
            Assert.Equal(square, Mul2(ToBig(root), ToBig(root)));

            var candidate = (RandomBelow(random, P), RandomBelow(random, P));
            bool isSquare = Sqrt2(candidate) is not null;
            Assert.Equal(isSquare, Bls12381Encoding.TrySqrt(ToFq2(candidate), out _));
        }
    }

    [Fact]
    public void Parameters_AreConsistent()
    {
        // p = (x - 1)^2 (x^4 - x^2 + 1)/3 + x and r = x^4 - x^2 + 1 for the curve parameter x.
        Assert.Equal(P, ((X - 1) * (X - 1) * ((X * X * X * X) - (X * X) + 1) / 3) + X);
        Assert.Equal(R, (X * X * X * X) - (X * X) + 1);
        Assert.Equal(-X, new BigInteger(Bls12381G1.AbsoluteX));
        var modulus = BigInteger.Zero;
        var limbs = Fq.ModulusLimbs;
        for (int i = limbs.Length - 1; i >= 0; i--)
            modulus = (modulus << 64) + limbs[i];
        Assert.Equal(P, modulus);
    }
}

// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOs.System.Precompiles.Bls12381;
using static ZkOs.System.Tests.Precompiles.Bls12381.Bls12381Reference;
using G1 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>, ZkOs.System.Precompiles.Bls12381.Bls12381G1Params>;

namespace ZkOs.System.Tests.Precompiles.Bls12381;

/// <summary>
/// G1 of BLS12-381: the group law and scalar multiplications against the affine BigInteger oracle, the
/// compressed encoding (flags, infinity, canonical x, on-curve) and the subgroup test against [r]P = O.
/// </summary>
public class Bls12381G1Tests
{
    [Fact]
    public void Generator_IsOnTheCurve_OfOrderR()
    {
        Assert.True(IsOnG1(G1Generator));
        Assert.Null(Multiply(G1Generator, R));
        Assert.Equal(G1Generator, FromG1(Bls12381G1.Generator));
        Assert.True(Bls12381G1.IsInSubgroup(Bls12381G1.Generator));
    }

    [Fact]
    public void GroupLaw_MatchesTheAffineOracle()
    {
        var random = new Random(21);
        for (int i = 0; i < 6; i++)
        {
            var a = RandomCurvePoint(random);
            var b = RandomCurvePoint(random);
            G1.Add(ToG1(a), ToG1(b), out var sum);
            Assert.Equal(Add(a, b), FromG1(sum));
            G1.Double(ToG1(a), out var twice);
            Assert.Equal(Add(a, a), FromG1(twice));
            G1.Add(ToG1(a), ToG1((a.X, Mod(-a.Y))), out var zero);
            Assert.True(zero.IsInfinity);

            var k = RandomBelow(random, BigInteger.One << 256);
            G1.Multiply(ToG1(a), ToUInt256(k), out var product);
            Assert.Equal(Multiply(a, k), FromG1(product));

            ulong word = (ulong)random.NextInt64() * 3;
            G1.MultiplyByWord(ToG1(a), word, out var byWord);
            Assert.Equal(Multiply(a, word), FromG1(byWord));

            var l = RandomBelow(random, BigInteger.One << 256);
            G1.MultiplyTwo(ToG1(a), ToUInt256(k), ToG1(b), ToUInt256(l), out var both);
            Assert.Equal(Add(Multiply(a, k), Multiply(b, l)), FromG1(both));
        }
    }

    [Fact]
    public void MultiplyTwo_HandlesZeroScalarsAndInfinity()
    {
        var p = G1Generator;
        G1.MultiplyTwo(ToG1(p), ToUInt256(0), ToG1(p), ToUInt256(5), out var five);
        Assert.Equal(Multiply(p, 5), FromG1(five));
        G1.MultiplyTwo(ToG1(p), ToUInt256(R - 3), ToG1(p), ToUInt256(3), out var zero);
        Assert.True(zero.IsInfinity);
        G1.MultiplyTwo(G1.Infinity, ToUInt256(7), ToG1(p), ToUInt256(0), out var none);
        Assert.True(none.IsInfinity);
    }

    [Fact]
    public void SubgroupTest_AgreesWithMultiplicationByR()
    {
        var random = new Random(22);
        for (int i = 0; i < 4; i++)
        {
            // Random curve points are almost surely outside G1 (cofactor about 2^125); their cofactor multiples are inside.
            var point = RandomCurvePoint(random);
            bool inSubgroup = Multiply(point, R) is null;
            Assert.False(inSubgroup);
            Assert.False(Bls12381G1.IsInSubgroup(ToG1(point)));

            var cofactor = (X - 1) * (X - 1) / 3;
            var cleared = Multiply(point, cofactor);
            Assert.NotNull(cleared);
            Assert.Null(Multiply(cleared, R));
            Assert.True(Bls12381G1.IsInSubgroup(ToG1(cleared)));
            Assert.True(Bls12381G1.IsInSubgroup(G1Multiple(RandomBelow(random, R))));
        }

        Assert.True(Bls12381G1.IsInSubgroup(G1.Infinity));

        // (0, ±2) is on the curve (x = 0) and of order 3: not in G1.
        Assert.False(Bls12381G1.IsInSubgroup(ToG1((0, 2))));
    }

    [Fact]
    public void Compressed_RoundTripsAndMatchesTheDefinition()
    {
        var random = new Random(23);
        Span<byte> written = stackalloc byte[48];
        for (int i = 0; i < 30; i++)
        {
            var point = FromG1(G1Multiple(RandomBelow(random, R)));
            var encoded = CompressG1(point);
            Assert.True(Bls12381Encoding.TryDecompressG1(encoded, out var decoded));
            Assert.Equal(point, FromG1(decoded));
            Bls12381Encoding.WriteG1Compressed(in decoded, written);
            Assert.Equal(encoded, written.ToArray());
        }

        Assert.Equal(
            "97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb",
            Convert.ToHexStringLower(CompressG1(G1Generator)));
    }

    [Fact]
    public void Compressed_Infinity_OnlyInItsCanonicalForm()
    {
        var infinity = new byte[48];
        infinity[0] = 0xC0;
        Assert.True(Bls12381Encoding.TryDecompressG1(infinity, out var point));
        Assert.True(point.IsInfinity);
        Span<byte> written = stackalloc byte[48];
        Bls12381Encoding.WriteG1Compressed(G1.Infinity, written);
        Assert.Equal(infinity, written.ToArray());

        // The sort flag, any bit of x, or a missing compression flag make it invalid.
        foreach (var (index, value) in new[] { (0, (byte)0xE0), (47, (byte)1), (1, (byte)0x80), (0, (byte)0x40), (0, (byte)0xC1) })
        {
            var bad = (byte[])infinity.Clone();
            bad[index] |= value;
            if (index == 0)
                bad[0] = value;
            Assert.False(Bls12381Encoding.TryDecompressG1(bad, out _));
        }

        Assert.False(Bls12381Encoding.TryDecompressG1(new byte[48], out _));
    }

    [Fact]
    public void Compressed_RejectsBadFlagsNonCanonicalXAndPointsOffTheCurve()
    {
        var generator = CompressG1(G1Generator);

        // No compression flag (an uncompressed encoding is 96 bytes, not this).
        var bad = (byte[])generator.Clone();
        bad[0] &= 0x7F;
        Assert.False(Bls12381Encoding.TryDecompressG1(bad, out _));

        // Wrong length.
        Assert.False(Bls12381Encoding.TryDecompressG1(generator.AsSpan(0, 47), out _));

        // x = p (and x = p + 1): above the field.
        foreach (var x in new[] { P, P + 1, (BigInteger.One << 381) - 1 })
        {
            var encoded = new byte[48];
            WriteBigEndian(x, encoded, 48);
            encoded[0] |= 0x80;
            Assert.False(Bls12381Encoding.TryDecompressG1(encoded, out _));
        }

        // An x with x^3 + 4 not a square.
        var random = new Random(24);
        int offCurve = 0;
        for (int i = 0; i < 40; i++)
        {
            var x = RandomBelow(random, P);
            var a = Mod((x * x * x) + 4);
            bool square = BigInteger.ModPow(a, (P - 1) / 2, P) <= 1;
            var encoded = new byte[48];
            WriteBigEndian(x, encoded, 48);
            encoded[0] |= 0x80;
            Assert.Equal(square, Bls12381Encoding.TryDecompressG1(encoded, out var decoded));
            if (square)
            {
                Assert.True(IsOnG1(FromG1(decoded)!.Value));
                Assert.False(FromG1(decoded)!.Value.Y > (P - 1) / 2);
            }
            else
            {
                offCurve++;
            }
        }

        Assert.True(offCurve > 0);
    }

    [Fact]
    public void Compressed_SortFlag_SelectsTheLargerY()
    {
        var point = G1Generator;
        var encoded = CompressG1(point);
        encoded[0] ^= 0x20;
        Assert.True(Bls12381Encoding.TryDecompressG1(encoded, out var negated));
        Assert.Equal((point.X, Mod(-point.Y)), FromG1(negated));
    }
}

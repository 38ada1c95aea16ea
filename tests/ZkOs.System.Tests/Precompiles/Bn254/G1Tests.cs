// SPDX-License-Identifier: MIT
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using ZkOs.Framework.Numerics;
using static ZkOs.System.Tests.Precompiles.Bn254.Bn254Reference;
using G1 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>, ZkOs.System.Precompiles.Bn254.Bn254G1Params>;

namespace ZkOs.System.Tests.Precompiles.Bn254;

/// <summary>G1 in Jacobian coordinates against the BigInteger affine reference.</summary>
public class G1Tests
{
    private static readonly BigInteger _max = (BigInteger.One << 256) - 1;

    /// <summary>Scalars around the wNAF window boundaries, the group order and the 256-bit limit.</summary>
    public static TheoryData<string> EdgeScalars => new()
    {
        "0", "1", "2", "3", "15", "16", "17", "31", "32", "33", "47", "48", "63", "64",
        (R - 1).ToString(), R.ToString(), (R + 1).ToString(), (2 * R).ToString(), (P - 1).ToString(),
        (BigInteger.One << 255).ToString(), ((BigInteger.One << 255) - 1).ToString(), _max.ToString(),
        (_max - 15).ToString(), (_max - 16).ToString(), ((BigInteger.One << 64) + 1).ToString(),
        "340282366920938463463374607431768211456", "18446744073709551615",
    };

    [Fact]
    public void Multiply_RandomPointsAndScalars_MatchesTheReference()
    {
        var scalars = Gen.Frequency(
            (3, Bn254Generators.Seed.Select(seed => RandomBelow(new Random(seed), _max + 1))),
            (1, Bn254Generators.Seed.Select(seed => RandomBelow(new Random(seed), 1 << 20))));
        var inputs = Gen.Zip(Bn254Generators.Seed, scalars).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), Prop.ForAll(inputs, t =>
        {
            var (seed, k) = t;
            var point = RandomG1(new Random(seed));
            G1.Multiply(FromAffine(point), ToUInt256(k), out var product);
            Assert.Equal(Multiply(point, k), ToAffine(product));
        }));
    }

    [Theory]
    [MemberData(nameof(EdgeScalars))]
    public void Multiply_EdgeScalars_MatchesTheReference(string scalar)
    {
        var k = BigInteger.Parse(scalar);
        var point = RandomG1(new Random(scalar.GetHashCode(StringComparison.Ordinal)));
        G1.Multiply(FromAffine(point), ToUInt256(k), out var product);
        Assert.Equal(Multiply(point, k), ToAffine(product));
        G1.Multiply(G1.Infinity, ToUInt256(k), out var fromInfinity);
        Assert.True(fromInfinity.IsInfinity);
    }

    [Fact]
    public void AddAndDouble_RandomPoints_MatchTheReference()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(200), Prop.ForAll(Gen.Zip(Bn254Generators.Seed, Bn254Generators.Seed).ToArbitrary(), t =>
        {
            var a = RandomG1(new Random(t.Item1));
            var b = RandomG1(new Random(t.Item2));

            // Non-trivial Z coordinates: 3a and 5b computed in Jacobian form.
            G1.Multiply(FromAffine(a), new UInt256(3), out var a3);
            G1.Multiply(FromAffine(b), new UInt256(5), out var b5);
            G1.Add(in a3, in b5, out var sum);
            Assert.Equal(Add(Multiply(a, 3), Multiply(b, 5)), ToAffine(sum));

            G1.Double(in a3, out var doubled);
            Assert.Equal(Multiply(a, 6), ToAffine(doubled));

            // The exceptional cases of the addition: P + P, P + (-P), O + P, P + O.
            G1.Multiply(FromAffine(a), new UInt256(2), out var a2);
            G1.Add(FromAffine(a), FromAffine(a), out var viaAddition);
            Assert.True(G1.AreEqual(in a2, in viaAddition));
            G1.Add(in a3, FromAffine(a), out var a4);
            G1.Negate(in a4, out var minusA4);
            G1.Add(in a4, in minusA4, out var zero);
            Assert.True(zero.IsInfinity);
            G1.Add(G1.Infinity, in a3, out var left);
            G1.Add(in a3, G1.Infinity, out var right);
            Assert.True(G1.AreEqual(in a3, in left) && G1.AreEqual(in a3, in right));
            Assert.False(G1.AreEqual(in a3, G1.Infinity));
            Assert.True(G1.IsOnCurve(ToFq(a.X), ToFq(a.Y)));
            Assert.False(G1.IsOnCurve(ToFq(a.X), ToFq(a.Y + 1)));
        }));
    }

    [Fact]
    public void Multiply_ByTheOrder_IsInfinity()
    {
        G1.Multiply(FromAffine(G1Generator), ToUInt256(R), out var product);
        Assert.True(product.IsInfinity);
        Assert.Null(Multiply(G1Generator, R));
    }

    private static G1 FromAffine((BigInteger X, BigInteger Y) point) => G1.FromAffine(ToFq(point.X), ToFq(point.Y));

    private static (BigInteger X, BigInteger Y)? ToAffine(in G1 point) =>
        G1.ToAffine(in point, out var x, out var y) ? (ToBig(x), ToBig(y)) : null;

    internal static UInt256 ToUInt256(BigInteger value) => new(
        (ulong)(value & ulong.MaxValue),
        (ulong)((value >> 64) & ulong.MaxValue),
        (ulong)((value >> 128) & ulong.MaxValue),
        (ulong)((value >> 192) & ulong.MaxValue));
}

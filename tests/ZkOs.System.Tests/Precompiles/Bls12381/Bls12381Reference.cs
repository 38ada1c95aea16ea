// SPDX-License-Identifier: MIT
using System.Numerics;
using Fq = ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>;
using Fq12 = ZkOs.System.Precompiles.Bn254.Fp12<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>, ZkOs.System.Precompiles.Bls12381.Bls12381Tower>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>;
using Fq6 = ZkOs.System.Precompiles.Bn254.Fp6<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>, ZkOs.System.Precompiles.Bls12381.Bls12381Tower>;
using G1 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>, ZkOs.System.Precompiles.Bls12381.Bls12381G1Params>;
using G2 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>, ZkOs.System.Precompiles.Bls12381.Bls12381G2Params>;

namespace ZkOs.System.Tests.Precompiles.Bls12381;

/// <summary>
/// A slow BigInteger oracle for BLS12-381 written from the curve definitions only (Bowe 2017; the IETF
/// pairing-friendly-curves draft): the base field, Fp2 = Fp[u]/(u^2 + 1) as pairs, affine arithmetic on
/// E: y^2 = x^3 + 4 and on the twist E': y^2 = x^3 + 4(1 + u), random curve points (mostly outside the
/// order-r subgroups), and conversions to and from the implementation's types.
/// </summary>
internal static class Bls12381Reference
{
    public static readonly BigInteger P = Parse("1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab");

    /// <summary>The order of G1 and G2, BLS_MODULUS of EIP-4844.</summary>
    public static readonly BigInteger R = Parse("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");

    /// <summary>The curve parameter x (negative).</summary>
    public static readonly BigInteger X = -Parse("d201000000010000");

    public static readonly (BigInteger X, BigInteger Y) G1Generator = (
        Parse("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"),
        Parse("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1"));

    public static readonly ((BigInteger Re, BigInteger Im) X, (BigInteger Re, BigInteger Im) Y) G2Generator = (
        (Parse("024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"),
         Parse("13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e")),
        (Parse("0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801"),
         Parse("0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be")));

    public static BigInteger Parse(string hex) => BigInteger.Parse("0" + hex, global::System.Globalization.NumberStyles.HexNumber);

    public static BigInteger Mod(BigInteger a) => ((a % P) + P) % P;

    public static BigInteger Inverse(BigInteger a) => BigInteger.ModPow(Mod(a), P - 2, P);

    public static BigInteger RandomBelow(Random random, BigInteger bound)
    {
        var bytes = new byte[65];
        random.NextBytes(bytes);
        bytes[64] = 0;
        return new BigInteger(bytes, isUnsigned: true) % bound;
    }

    public static Fq ToFq(BigInteger value)
    {
        Span<byte> bytes = stackalloc byte[48];
        WriteBigEndian(Mod(value), bytes, 48);
        Assert.True(Fq.TryReadBigEndian(bytes, out var result));
        return result;
    }

    public static BigInteger ToBig(in Fq value)
    {
        Span<byte> bytes = stackalloc byte[48];
        Fq.WriteBigEndian(in value, bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    public static Fq2 ToFq2((BigInteger Re, BigInteger Im) value) => new(ToFq(value.Re), ToFq(value.Im));

    public static (BigInteger Re, BigInteger Im) ToBig(in Fq2 value) => (ToBig(value.C0), ToBig(value.C1));

    /// <summary>A non-negative integer as <paramref name="length"/> big-endian bytes.</summary>
    public static void WriteBigEndian(BigInteger value, Span<byte> destination, int length)
    {
        destination[..length].Clear();
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(destination.Slice(length - bytes.Length, bytes.Length));
    }

    public static byte[] Word(BigInteger value)
    {
        var bytes = new byte[32];
        WriteBigEndian(value, bytes, 32);
        return bytes;
    }

    public static Fq RandomFq(Random random) => ToFq(RandomBelow(random, P));

    public static Fq2 RandomFq2(Random random) => new(RandomFq(random), RandomFq(random));

    public static Fq12 RandomFq12(Random random) =>
        new(new Fq6(RandomFq2(random), RandomFq2(random), RandomFq2(random)), new Fq6(RandomFq2(random), RandomFq2(random), RandomFq2(random)));

    // ---- Fp2 as (re, im) with u^2 = -1 ----

    public static (BigInteger Re, BigInteger Im) Mul2((BigInteger Re, BigInteger Im) a, (BigInteger Re, BigInteger Im) b) =>
        (Mod((a.Re * b.Re) - (a.Im * b.Im)), Mod((a.Re * b.Im) + (a.Im * b.Re)));

    public static (BigInteger Re, BigInteger Im) Add2((BigInteger Re, BigInteger Im) a, (BigInteger Re, BigInteger Im) b) =>
        (Mod(a.Re + b.Re), Mod(a.Im + b.Im));

    public static (BigInteger Re, BigInteger Im) Sub2((BigInteger Re, BigInteger Im) a, (BigInteger Re, BigInteger Im) b) =>
        (Mod(a.Re - b.Re), Mod(a.Im - b.Im));

    public static (BigInteger Re, BigInteger Im) Inv2((BigInteger Re, BigInteger Im) a)
    {
        var norm = Inverse((a.Re * a.Re) + (a.Im * a.Im));
        return (Mod(a.Re * norm), Mod(-a.Im * norm));
    }

    public static (BigInteger Re, BigInteger Im) Pow2((BigInteger Re, BigInteger Im) a, BigInteger exponent)
    {
        (BigInteger, BigInteger) result = (1, 0);
        for (int bit = (int)exponent.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = Mul2(result, result);
            if (!(exponent >> bit).IsEven)
                result = Mul2(result, a);
        }

        return result;
    }

    /// <summary>
    /// A square root in Fp2 by Algorithm 9 of Adj and Rodríguez-Henríquez, "Square root computation over even
    /// extension fields" (2014), for p = 3 mod 4: a method independent of the implementation's; null for a non-square.
    /// </summary>
    public static (BigInteger Re, BigInteger Im)? Sqrt2((BigInteger Re, BigInteger Im) a)
    {
        var a1 = Pow2(a, (P - 3) / 4);
        var alpha = Mul2(Mul2(a1, a1), a);
        var a0 = Mul2((alpha.Re, Mod(-alpha.Im)), alpha);
        if (a0 == (P - 1, 0))
            return null;
        var x0 = Mul2(a1, a);
        var root = alpha == (P - 1, 0) ? Mul2((0, 1), x0) : Mul2(Pow2(Add2((1, 0), alpha), (P - 1) / 2), x0);
        return Mul2(root, root) == a ? root : null;
    }

    // ---- G1, affine; null is the point at infinity ----

    public static bool IsOnG1((BigInteger X, BigInteger Y) point) =>
        Mod((point.Y * point.Y) - (point.X * point.X * point.X) - 4) == 0;

    public static (BigInteger X, BigInteger Y)? Add((BigInteger X, BigInteger Y)? a, (BigInteger X, BigInteger Y)? b)
    {
        if (a is null)
            return b;
        if (b is null)
            return a;
        var (x1, y1) = a.Value;
        var (x2, y2) = b.Value;
        BigInteger slope;
        if (x1 == x2)
        {
            if (Mod(y1 + y2) == 0)
                return null;
            slope = Mod(3 * x1 * x1 * Inverse(2 * y1));
        }
        else
        {
            slope = Mod((y2 - y1) * Inverse(x2 - x1));
        }

        var x3 = Mod((slope * slope) - x1 - x2);
        return (x3, Mod((slope * (x1 - x3)) - y1));
    }

    public static (BigInteger X, BigInteger Y)? Multiply((BigInteger X, BigInteger Y)? point, BigInteger scalar)
    {
        if (scalar.Sign < 0)
        {
            var negated = Multiply(point, -scalar);
            return negated is { } n ? (n.X, Mod(-n.Y)) : null;
        }

        (BigInteger X, BigInteger Y)? result = null;
        for (int bit = (int)scalar.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = Add(result, result);
            if (!(scalar >> bit).IsEven)
                result = Add(result, point);
        }

        return result;
    }

    /// <summary>A random point of E (p = 3 mod 4: the root of a square a is a^((p+1)/4)); almost surely outside G1.</summary>
    public static (BigInteger X, BigInteger Y) RandomCurvePoint(Random random)
    {
        while (true)
        {
            var x = RandomBelow(random, P);
            var a = Mod((x * x * x) + 4);
            var y = BigInteger.ModPow(a, (P + 1) / 4, P);
            if (Mod(y * y) == a)
                return (x, random.Next(2) == 0 ? y : Mod(-y));
        }
    }

    public static G1 ToG1((BigInteger X, BigInteger Y)? point) =>
        point is { } p ? G1.FromAffine(ToFq(p.X), ToFq(p.Y)) : G1.Infinity;

    public static (BigInteger X, BigInteger Y)? FromG1(in G1 point) =>
        G1.ToAffine(in point, out var x, out var y) ? (ToBig(x), ToBig(y)) : null;

    /// <summary>The 48-byte compressed encoding from the definition: x with the flags 0x80 and (y > (p-1)/2 ? 0x20 : 0).</summary>
    public static byte[] CompressG1((BigInteger X, BigInteger Y)? point)
    {
        var bytes = new byte[48];
        if (point is not { } p)
        {
            bytes[0] = 0xC0;
            return bytes;
        }

        WriteBigEndian(p.X, bytes, 48);
        bytes[0] |= (byte)(0x80 | (p.Y > (P - 1) / 2 ? 0x20 : 0));
        return bytes;
    }

    // ---- the twist E': y^2 = x^3 + 4(1 + u) ----

    public static (BigInteger Re, BigInteger Im) TwistB => (4, 4);

    public static bool IsOnTwist(((BigInteger Re, BigInteger Im) X, (BigInteger Re, BigInteger Im) Y) point) =>
        Mul2(point.Y, point.Y) == Add2(Mul2(Mul2(point.X, point.X), point.X), TwistB);

    /// <summary>A random point of the twist; almost surely outside G2.</summary>
    public static ((BigInteger Re, BigInteger Im) X, (BigInteger Re, BigInteger Im) Y) RandomTwistPoint(Random random)
    {
        while (true)
        {
            var x = (RandomBelow(random, P), RandomBelow(random, P));
            if (Sqrt2(Add2(Mul2(Mul2(x, x), x), TwistB)) is { } y)
                return (x, y);
        }
    }

    public static G2 ToG2(((BigInteger Re, BigInteger Im) X, (BigInteger Re, BigInteger Im) Y) point) =>
        G2.FromAffine(ToFq2(point.X), ToFq2(point.Y));

    /// <summary>[k]G2 through the implementation's (separately tested) scalar multiplication.</summary>
    public static G2 G2Multiple(BigInteger scalar)
    {
        G2.Multiply(ToG2(G2Generator), ToUInt256(scalar), out var point);
        return point;
    }

    public static G1 G1Multiple(BigInteger scalar)
    {
        G1.Multiply(ToG1(G1Generator), ToUInt256(scalar), out var point);
        return point;
    }

    public static ZkOs.Framework.Numerics.UInt256 ToUInt256(BigInteger value) => ZkOs.Framework.Numerics.UInt256.FromBigInteger(value);

    /// <summary>The little-endian 64-bit limbs of a non-negative integer (exponents for FieldAlgorithms.Pow).</summary>
    public static ulong[] Limbs(BigInteger value)
    {
        var limbs = new List<ulong>();
        var mask = (BigInteger.One << 64) - 1;
        do
        {
            limbs.Add((ulong)(value & mask));
            value >>= 64;
        }
        while (value > 0);
        return [.. limbs];
    }
}

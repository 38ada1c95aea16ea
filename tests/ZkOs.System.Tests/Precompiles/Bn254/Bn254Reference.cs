// SPDX-License-Identifier: MIT
using System.Numerics;
using Fq = ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>;

namespace ZkOs.System.Tests.Precompiles.Bn254;

/// <summary>
/// A slow BigInteger oracle for BN254: field arithmetic, Fp2 = Fp[i]/(i^2 + 1) as pairs, and affine
/// point arithmetic on G1 (y^2 = x^3 + 3) and the twist (y^2 = x^3 + 3/(9 + i)), written from the
/// curve definitions only, plus conversions to and from the implementation's types.
/// </summary>
internal static class Bn254Reference
{
    public static readonly BigInteger P = BigInteger.Parse("21888242871839275222246405745257275088696311157297823662689037894645226208583");

    /// <summary>The order of G1 and G2.</summary>
    public static readonly BigInteger R = BigInteger.Parse("21888242871839275222246405745257275088548364400416034343698204186575808495617");

    public const ulong U = 4965661367192848881;

    public static readonly (BigInteger X, BigInteger Y) G1Generator = (1, 2);

    /// <summary>The EIP-197 generator of G2, (x_re, x_im), (y_re, y_im).</summary>
    public static readonly ((BigInteger Re, BigInteger Im) X, (BigInteger Re, BigInteger Im) Y) G2Generator = (
        (BigInteger.Parse("10857046999023057135944570762232829481370756359578518086990519993285655852781"),
         BigInteger.Parse("11559732032986387107991004021392285783925812861821192530917403151452391805634")),
        (BigInteger.Parse("8495653923123431417604973247489272438418190587263600148770280649306958101930"),
         BigInteger.Parse("4082367875863433681332203403145435568316851327593401208105741076214120093531")));

    public static BigInteger Mod(BigInteger a) => ((a % P) + P) % P;

    public static BigInteger Inverse(BigInteger a) => BigInteger.ModPow(Mod(a), P - 2, P);

    public static Fq ToFq(BigInteger value)
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteBigEndian(Mod(value), bytes);
        Assert.True(Fq.TryReadBigEndian(bytes, out var result));
        return result;
    }

    public static BigInteger ToBig(in Fq value)
    {
        Span<byte> bytes = stackalloc byte[32];
        Fq.WriteBigEndian(in value, bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    public static Fq2 ToFq2((BigInteger Re, BigInteger Im) value) => new(ToFq(value.Re), ToFq(value.Im));

    public static (BigInteger Re, BigInteger Im) ToBig(in Fq2 value) => (ToBig(value.C0), ToBig(value.C1));

    /// <summary>A non-negative integer below 2^256 as 32 big-endian bytes.</summary>
    public static void WriteBigEndian(BigInteger value, Span<byte> destination)
    {
        destination[..32].Clear();
        var bytes = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes.CopyTo(destination.Slice(32 - bytes.Length, bytes.Length));
    }

    public static string Word(BigInteger value)
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteBigEndian(value, bytes);
        return Convert.ToHexStringLower(bytes);
    }

    public static BigInteger ReadWord(ReadOnlySpan<byte> source) => new(source[..32], isUnsigned: true, isBigEndian: true);

    // ---- G1, affine; null is the point at infinity ----

    public static bool IsOnG1((BigInteger X, BigInteger Y) point) =>
        Mod((point.Y * point.Y) - (point.X * point.X * point.X) - 3) == 0;

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
        var y3 = Mod((slope * (x1 - x3)) - y1);
        return (x3, y3);
    }

    public static (BigInteger X, BigInteger Y)? Multiply((BigInteger X, BigInteger Y)? point, BigInteger scalar)
    {
        (BigInteger X, BigInteger Y)? result = null;
        for (int bit = (int)scalar.GetBitLength() - 1; bit >= 0; bit--)
        {
            result = Add(result, result);
            if (!(scalar >> bit).IsEven)
                result = Add(result, point);
        }

        return result;
    }

    /// <summary>A random G1 point: a random x with x^3 + 3 a square (p = 3 mod 4, so the root is a^((p+1)/4)).</summary>
    public static (BigInteger X, BigInteger Y) RandomG1(Random random)
    {
        while (true)
        {
            var x = RandomBelow(random, P);
            var a = Mod((x * x * x) + 3);
            var y = BigInteger.ModPow(a, (P + 1) / 4, P);
            if (Mod(y * y) == a)
                return (x, random.Next(2) == 0 ? y : Mod(-y));
        }
    }

    public static BigInteger RandomBelow(Random random, BigInteger bound)
    {
        var bytes = new byte[33];
        random.NextBytes(bytes);
        bytes[32] = 0;
        return new BigInteger(bytes, isUnsigned: true) % bound;
    }

    // ---- Fp2 as (re, im) with i^2 = -1, and the twist ----

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

    /// <summary>The twist coefficient b' = 3/(9 + i).</summary>
    public static (BigInteger Re, BigInteger Im) TwistB => Mul2((3, 0), Inv2((9, 1)));

    public static bool IsOnTwist(((BigInteger Re, BigInteger Im) X, (BigInteger Re, BigInteger Im) Y) point) =>
        Mul2(point.Y, point.Y) == Add2(Mul2(Mul2(point.X, point.X), point.X), TwistB);

    /// <summary>
    /// A square root in Fp2 for p = 3 mod 4 (Adj and Rodríguez-Henríquez, "Square root computation over
    /// even extension fields", 2014, Algorithm 9), or null for a non-square.
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

    /// <summary>A random point of the twist; almost surely outside the order-r subgroup (cofactor 2p - r).</summary>
    public static ((BigInteger Re, BigInteger Im) X, (BigInteger Re, BigInteger Im) Y) RandomTwistPoint(Random random)
    {
        while (true)
        {
            var x = (RandomBelow(random, P), RandomBelow(random, P));
            var root = Sqrt2(Add2(Mul2(Mul2(x, x), x), TwistB));
            if (root is { } y)
                return (x, y);
        }
    }

    /// <summary>Big-endian EVM encoding of a G2 point: x_im ‖ x_re ‖ y_im ‖ y_re (EIP-197).</summary>
    public static string EncodeG2(((BigInteger Re, BigInteger Im) X, (BigInteger Re, BigInteger Im) Y) point) =>
        Word(point.X.Im) + Word(point.X.Re) + Word(point.Y.Im) + Word(point.Y.Re);

    public static string EncodeG1((BigInteger X, BigInteger Y)? point) =>
        point is { } p ? Word(p.X) + Word(p.Y) : new string('0', 128);
}

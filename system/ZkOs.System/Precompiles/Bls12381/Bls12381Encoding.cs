// SPDX-License-Identifier: MIT
using ZkOs.System.Precompiles.Bn254;
using Fq = ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>;
using G1 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>, ZkOs.System.Precompiles.Bls12381.Bls12381G1Params>;
using G2 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>, ZkOs.System.Precompiles.Bls12381.Bls12381G2Params>;

namespace ZkOs.System.Precompiles.Bls12381;

/// <summary>
/// The compressed point encodings of BLS12-381 used by Ethereum's consensus layer and EIP-4844 (the ZCash
/// serialisation, https://github.com/zkcrypto/pairing/tree/master/src/bls12_381#serialization, also in the
/// IETF pairing-friendly-curves draft, Appendix C): the x coordinate big-endian in 48 bytes (G1) or as
/// x.c1 ‖ x.c0 in 96 bytes (G2), with the three top bits of the first byte as flags: 0x80 compressed (must be
/// set), 0x40 the point at infinity (then every other bit, the sort flag included, must be zero), 0x20 set
/// when y is the lexicographically larger of ±y. x must be below p and x^3 + b must be a square; whether the
/// point is in the order-r subgroup is a separate test (<see cref="Bls12381G1.IsInSubgroup"/>,
/// <see cref="Bls12381G2.IsInSubgroup"/>).
/// </summary>
internal static class Bls12381Encoding
{
    public const int G1CompressedLength = 48;
    public const int G2CompressedLength = 96;

    private const byte CompressionFlag = 0x80;
    private const byte InfinityFlag = 0x40;
    private const byte SortFlag = 0x20;

    /// <summary>(p + 1)/4: for p = 3 (mod 4), a^((p+1)/4) is a square root of a whenever one exists.</summary>
    private static readonly ulong[] _sqrtExponent = ComputeSqrtExponent();

    /// <summary>(p - 1)/2 as an integer: y is "lexicographically largest" when it exceeds this.</summary>
    private static readonly Fq _halfModulus = ComputeHalfModulus();

    /// <summary>
    /// Decodes a compressed G1 point: false for a wrong flag combination, an x not below p, or an x with no
    /// point on the curve. The point at infinity decodes with <paramref name="point"/> at infinity.
    /// </summary>
    public static bool TryDecompressG1(ReadOnlySpan<byte> source, out G1 point)
    {
        point = G1.Infinity;
        if (source.Length != G1CompressedLength || !TryReadFlags(source, out bool infinity, out bool largest))
        {
            return false;
        }

        if (infinity)
        {
            return true;
        }

        if (!TryReadMaskedFq(source, out var x))
        {
            return false;
        }

        // y^2 = x^3 + 4
        Fq.Square(in x, out var rhs);
        Fq.Multiply(in rhs, in x, out rhs);
        var b = Bls12381G1Params.B;
        Fq.Add(in rhs, in b, out rhs);
        if (!TrySqrt(in rhs, out var y))
        {
            return false;
        }

        if (IsLexicographicallyLargest(in y) != largest)
        {
            Fq.Negate(in y, out y);
        }

        point = G1.FromAffine(in x, in y);
        return true;
    }

    /// <summary>Decodes a compressed G2 point (x.c1 ‖ x.c0); false as for <see cref="TryDecompressG1"/>.</summary>
    public static bool TryDecompressG2(ReadOnlySpan<byte> source, out G2 point)
    {
        point = G2.Infinity;
        if (source.Length != G2CompressedLength || !TryReadFlags(source, out bool infinity, out bool largest))
        {
            return false;
        }

        if (infinity)
        {
            return true;
        }

        if (!TryReadMaskedFq(source[..48], out var x1) || !Fq.TryReadBigEndian(source.Slice(48, 48), out var x0))
        {
            return false;
        }

        var x = new Fq2(in x0, in x1);
        Fq2.Square(in x, out var rhs);
        Fq2.Multiply(in rhs, in x, out rhs);
        var b = Bls12381G2Params.B;
        Fq2.Add(in rhs, in b, out rhs);
        if (!TrySqrt(in rhs, out var y))
        {
            return false;
        }

        if (IsLexicographicallyLargest(in y) != largest)
        {
            Fq2.Negate(in y, out y);
        }

        point = G2.FromAffine(in x, in y);
        return true;
    }

    /// <summary>Writes the 48-byte compressed encoding of a G1 point.</summary>
    public static void WriteG1Compressed(in G1 point, Span<byte> destination)
    {
        destination = destination[..G1CompressedLength];
        if (!G1.ToAffine(in point, out var x, out var y))
        {
            destination.Clear();
            destination[0] = CompressionFlag | InfinityFlag;
            return;
        }

        Fq.WriteBigEndian(in x, destination);
        destination[0] |= (byte)(CompressionFlag | (IsLexicographicallyLargest(in y) ? SortFlag : 0));
    }

    /// <summary>Writes the 96-byte compressed encoding of a G2 point (x.c1 ‖ x.c0).</summary>
    public static void WriteG2Compressed(in G2 point, Span<byte> destination)
    {
        destination = destination[..G2CompressedLength];
        if (!G2.ToAffine(in point, out var x, out var y))
        {
            destination.Clear();
            destination[0] = CompressionFlag | InfinityFlag;
            return;
        }

        Fq.WriteBigEndian(in x.C1, destination[..48]);
        Fq.WriteBigEndian(in x.C0, destination.Slice(48, 48));
        destination[0] |= (byte)(CompressionFlag | (IsLexicographicallyLargest(in y) ? SortFlag : 0));
    }

    /// <summary>A square root of a in Fp, a^((p+1)/4), when a is a square (checked by squaring it back).</summary>
    public static bool TrySqrt(in Fq a, out Fq root)
    {
        FieldAlgorithms.Pow(in a, _sqrtExponent, out root);
        Fq.Square(in root, out var check);
        return Fq.AreEqual(in check, in a);
    }

    /// <summary>
    /// A square root of a = a0 + a1·u in Fp2 by the norm (Scott, "Implementing cryptographic pairings",
    /// 2007, §5.1; Adj and Rodríguez-Henríquez, "Square root computation over even extension fields", 2014):
    /// if a = (x0 + x1·u)^2 then n = x0^2 + x1^2 = sqrt(a0^2 + a1^2) and x0^2 = (a0 ± n)/2, x1 = a1/(2x0). Every
    /// candidate is squared back, so a false return means a has no square root.
    /// </summary>
    public static bool TrySqrt(in Fq2 a, out Fq2 root)
    {
        root = Fq2.Zero;
        if (Fq.IsZero(in a.C1))
        {
            // a is in Fp: its root is in Fp when a is a square there, otherwise sqrt(-a)·u (-1 is a non-square).
            if (TrySqrt(in a.C0, out var r0))
            {
                root = new Fq2(in r0, Fq.Zero);
                return true;
            }

            Fq.Negate(in a.C0, out var negated);
            if (TrySqrt(in negated, out var r1))
            {
                root = new Fq2(Fq.Zero, in r1);
                return true;
            }

            return false;
        }

        Fq.Square(in a.C0, out var norm);
        Fq.Square(in a.C1, out var t);
        Fq.Add(in norm, in t, out norm);
        if (!TrySqrt(in norm, out var n))
        {
            return false;
        }

        Fq.Add(in a.C0, in n, out var delta);
        Fq.Halve(in delta, out delta);
        if (!TrySqrt(in delta, out var x0))
        {
            Fq.Subtract(in a.C0, in n, out delta);
            Fq.Halve(in delta, out delta);
            if (!TrySqrt(in delta, out x0))
            {
                return false;
            }
        }

        // x1 = a1/(2x0); x0 is not zero here because a1 is not.
        Fq.Double(in x0, out var twice);
        Fq.Invert(in twice, out var inverse);
        Fq.Multiply(in a.C1, in inverse, out var x1);
        root = new Fq2(in x0, in x1);
        Fq2.Square(in root, out var check);
        return Fq2.AreEqual(in check, in a);
    }

    /// <summary>Whether the integer value of y exceeds (p - 1)/2, i.e. y is the larger of y and -y.</summary>
    public static bool IsLexicographicallyLargest(in Fq y)
    {
        Fq.FromMontgomery(in y, out var raw);
        var half = _halfModulus;
        return CompareRaw(in raw, in half) > 0;
    }

    /// <summary>The Fp2 order of the ZCash encoding: by c1, and by c0 when c1 is zero.</summary>
    public static bool IsLexicographicallyLargest(in Fq2 y) =>
        Fq.IsZero(in y.C1) ? IsLexicographicallyLargest(in y.C0) : IsLexicographicallyLargest(in y.C1);

    /// <summary>A constant of the curve from big-endian hex (96 digits at most).</summary>
    /// <exception cref="ArgumentException">Not hex, or not below p.</exception>
    public static Fq ParseFq(string hex)
    {
        Span<byte> bytes = stackalloc byte[48];
        bytes.Clear();
        var parsed = Convert.FromHexString(hex);
        parsed.CopyTo(bytes[(48 - parsed.Length)..]);
        if (!Fq.TryReadBigEndian(bytes, out var value))
        {
            throw new ArgumentException("Not below the BLS12-381 modulus.", nameof(hex));
        }

        return value;
    }

    /// <summary>
    /// The flags of the first byte: false unless the compression flag is set, and for the point at infinity
    /// unless every other bit of the encoding is zero.
    /// </summary>
    private static bool TryReadFlags(ReadOnlySpan<byte> source, out bool infinity, out bool largest)
    {
        byte first = source[0];
        infinity = (first & InfinityFlag) != 0;
        largest = (first & SortFlag) != 0;
        if ((first & CompressionFlag) == 0)
        {
            return false;
        }

        return !infinity || ((first & ~(CompressionFlag | InfinityFlag)) == 0 && !source[1..].ContainsAnyExcept((byte)0));
    }

    /// <summary>The 48-byte big-endian integer with the three flag bits cleared; false if it is not below p.</summary>
    private static bool TryReadMaskedFq(ReadOnlySpan<byte> source, out Fq value)
    {
        Span<byte> masked = stackalloc byte[48];
        source[..48].CopyTo(masked);
        masked[0] &= 0x1F;
        return Fq.TryReadBigEndian(masked, out value);
    }

    private static int CompareRaw(in Fq a, in Fq b)
    {
        if (a.L5 != b.L5)
        {
            return a.L5 > b.L5 ? 1 : -1;
        }

        if (a.L4 != b.L4)
        {
            return a.L4 > b.L4 ? 1 : -1;
        }

        if (a.L3 != b.L3)
        {
            return a.L3 > b.L3 ? 1 : -1;
        }

        if (a.L2 != b.L2)
        {
            return a.L2 > b.L2 ? 1 : -1;
        }

        if (a.L1 != b.L1)
        {
            return a.L1 > b.L1 ? 1 : -1;
        }

        return a.L0.CompareTo(b.L0);
    }

    private static ulong[] ComputeSqrtExponent()
    {
        // p + 1 does not carry past limb 0 (its low limb is not all ones), then shift right by 2.
        var limbs = Fq.ModulusLimbs.ToArray();
        limbs[0] += 1;
        FieldAlgorithms.DivideInPlace(limbs, 4);
        return limbs;
    }

    private static Fq ComputeHalfModulus()
    {
        var limbs = Fq.ModulusLimbs.ToArray();
        FieldAlgorithms.DivideInPlace(limbs, 2);
        return new Fq(limbs[0], limbs[1], limbs[2], limbs[3], limbs[4], limbs[5]);
    }
}

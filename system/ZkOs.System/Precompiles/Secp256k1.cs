// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;
using Fe = ZkOs.System.Precompiles.Secp256k1FieldElement;
using Point = ZkOs.System.Precompiles.Secp256k1JacobianPoint;
using Scalar = ZkOs.System.Precompiles.Secp256k1Scalar;

namespace ZkOs.System.Precompiles;

/// <summary>
/// Managed ECDSA public-key recovery on secp256k1, the work behind ecrecover (0x01) and transaction
/// signature checks. It is the default and the fallback of <see cref="NativeSecp256k1"/>, so a fresh
/// machine needs nothing installed.
/// </summary>
/// <remarks>
/// <para>Q = r⁻¹(sR − eG) is computed as u1·G + u2·R (u1 = −e/r, u2 = s/r) with Strauss–Shamir
/// interleaving over the GLV endomorphism: each scalar is split into two ~128-bit halves, so one chain of
/// ~128 doublings serves four multiplications: width-5 wNAF digits for R and λR (tables of 8 odd multiples
/// built per call) and width-10 digits for G and λG (tables of 256 odd multiples built once, affine for
/// the cheaper mixed addition). Inversions use the binary extended Euclid of <see cref="Secp256k1Inverse"/>.</para>
/// <para>Variable time, which is fine: every input of a recovery is public.</para>
/// </remarks>
public static class Secp256k1
{
    /// <summary>Size of a recovered public key: X ‖ Y, 32 bytes each, big-endian (no 0x04 prefix).</summary>
    public const int PublicKeySize = 64;

    private const int WindowG = 10;
    private const int WindowR = 5;

    /// <summary>wNAF digits of a scalar of at most 256 bits (the halves of a GLV split have about 129).</summary>
    private const int WnafCapacity = 257;

    /// <summary>Odd multiples 1G, 3G, …, (2^(WindowG-1) - 1)G.</summary>
    private static readonly Secp256k1AffinePoint[] _gTable = BuildGTable();

    /// <summary>The same multiples of λG: (βx, y) of each entry.</summary>
    private static readonly Secp256k1AffinePoint[] _gLambdaTable = BuildLambdaTable(_gTable);

    /// <summary>β, the cube root of unity modulo p with λ·(x, y) = (βx, y).</summary>
    internal static Fe Beta => new(0xC1396C28719501EE, 0x9CF0497512F58995, 0x6E64479EAC3434E9, 0x7AE96A2B657C0710);

    /// <summary>The generator G.</summary>
    internal static Secp256k1AffinePoint Generator => new(
        new Fe(0x59F2815B16F81798, 0x029BFCDB2DCE28D9, 0x55A06295CE870B07, 0x79BE667EF9DCBBAC),
        new Fe(0x9C47D08FFB10D4B8, 0xFD17B448A6855419, 0x5DA4FBFC0E1108A8, 0x483ADA7726A3C465));

    /// <summary>
    /// Recovers the signer's public key from a 32-byte message hash and an (r, s, recovery id)
    /// signature, as Ethereum's ecrecover does: r and s must be in [1, n-1] (high s is accepted),
    /// <paramref name="recoveryId"/> in 0..3 (bit 0: parity of R's y; bit 1: R's x is r + n).
    /// Writes X ‖ Y (64 bytes) and returns true, or returns false when no key can be recovered.
    /// </summary>
    public static bool TryRecoverPublicKey(
        ReadOnlySpan<byte> messageHash, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, int recoveryId, Span<byte> publicKey)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(messageHash.Length, 32, nameof(messageHash));
        ArgumentOutOfRangeException.ThrowIfNotEqual(r.Length, 32, nameof(r));
        ArgumentOutOfRangeException.ThrowIfNotEqual(s.Length, 32, nameof(s));
        ArgumentOutOfRangeException.ThrowIfLessThan(publicKey.Length, PublicKeySize, nameof(publicKey));

        if ((uint)recoveryId > 3)
            return false;
        if (!Scalar.TryRead(r, out var rs) || rs.IsZero)
            return false;
        if (!Scalar.TryRead(s, out var ss) || ss.IsZero)
            return false;

        if (!TryLiftX(in rs, recoveryId, out var rPoint))
            return false;

        Scalar.ReadReduced(messageHash, out var e);
        Scalar.Invert(in rs, out var rInv);
        Scalar.Multiply(in e, in rInv, out var u1);
        Scalar.Negate(in u1, out u1);
        Scalar.Multiply(in ss, in rInv, out var u2);

        MultiplyAdd(in u1, in u2, in rPoint, out var q);
        if (!q.TryToAffine(out var qa))
            return false;
        qa.X.Write(publicKey);
        qa.Y.Write(publicKey[32..]);
        return true;
    }

    /// <summary>
    /// <see cref="TryRecoverPublicKey"/> followed by the Ethereum address: the last 20 bytes of the
    /// Keccak-256 of X ‖ Y.
    /// </summary>
    public static bool TryRecoverAddress(
        ReadOnlySpan<byte> messageHash, ReadOnlySpan<byte> r, ReadOnlySpan<byte> s, int recoveryId, out Address address)
    {
        Span<byte> key = stackalloc byte[PublicKeySize];
        if (!TryRecoverPublicKey(messageHash, r, s, recoveryId, key))
        {
            address = default;
            return false;
        }
        address = AddressOfPublicKey(key);
        return true;
    }

    /// <summary>The Ethereum address of a 64-byte X ‖ Y public key.</summary>
    public static Address AddressOfPublicKey(ReadOnlySpan<byte> publicKey)
    {
        Span<byte> hash = stackalloc byte[32];
        Keccak256.Hash(publicKey[..PublicKeySize], hash);
        return new Address(hash[12..]);
    }

    /// <summary>R from its x coordinate (r, or r + n) and the parity bit of its y.</summary>
    private static bool TryLiftX(in Scalar r, int recoveryId, out Secp256k1AffinePoint point)
    {
        point = default;
        ulong x0 = r.L0, x1 = r.L1, x2 = r.L2, x3 = r.L3;
        if ((recoveryId & 2) != 0)
        {
            // x = r + n must still be a field element (below p); it almost never is, since n is close to p.
            ulong s0 = x0 + Scalar.N0;
            ulong c = s0 < x0 ? 1UL : 0UL;
            ulong t = x1 + c;
            ulong c2 = t < c ? 1UL : 0UL;
            ulong s1 = t + Scalar.N1;
            c2 |= s1 < t ? 1UL : 0UL;
            t = x2 + c2;
            c = t < c2 ? 1UL : 0UL;
            ulong s2 = t + Scalar.N2;
            c |= s2 < t ? 1UL : 0UL;
            t = x3 + c;
            c2 = t < c ? 1UL : 0UL;
            ulong s3 = t + Scalar.N3;
            c2 |= s3 < t ? 1UL : 0UL;
            if (c2 != 0)
                return false;
            (x0, x1, x2, x3) = (s0, s1, s2, s3);
        }
        if (!Fe.TryCreate(x0, x1, x2, x3, out var x))
            return false;

        Fe.Square(in x, out var y2);
        Fe.Multiply(in y2, in x, out y2);
        var seven = new Fe(7, 0, 0, 0);
        Fe.Add(in y2, in seven, out y2);
        if (!Fe.TrySqrt(in y2, out var y))
            return false;
        if (y.IsOdd != ((recoveryId & 1) != 0))
            Fe.Negate(in y, out y);
        point = new Secp256k1AffinePoint(in x, in y);
        return true;
    }

    /// <summary>
    /// u1·G + u2·P by interleaved wNAF (Strauss–Shamir) over the GLV split of both scalars:
    /// u1·G = a1·G + a2·λG and u2·P = b1·P + b2·λP with 128-bit halves, so one chain of ~128 doublings
    /// serves four short multiplications. λ acts on a point as (x, y) → (βx, y).
    /// </summary>
    internal static void MultiplyAdd(in Scalar u1, in Scalar u2, in Secp256k1AffinePoint p, out Point result)
    {
        Scalar.SplitLambda(in u1, out var g1, out var g2);
        Scalar.SplitLambda(in u2, out var p1, out var p2);
        // Take the short representative of each half (k or n - k) and fold its sign into the digits.
        int signG1 = MakeShort(ref g1), signG2 = MakeShort(ref g2);
        int signP1 = MakeShort(ref p1), signP2 = MakeShort(ref p2);

        Span<short> nafG1 = stackalloc short[WnafCapacity];
        Span<short> nafG2 = stackalloc short[WnafCapacity];
        Span<short> nafP1 = stackalloc short[WnafCapacity];
        Span<short> nafP2 = stackalloc short[WnafCapacity];
        int lenG1 = ComputeWnaf(in g1, WindowG, nafG1);
        int lenG2 = ComputeWnaf(in g2, WindowG, nafG2);
        int lenP1 = ComputeWnaf(in p1, WindowR, nafP1);
        int lenP2 = ComputeWnaf(in p2, WindowR, nafP2);

        // Odd multiples P, 3P, …, 15P, and their images under λ.
        Span<Point> table = stackalloc Point[1 << (WindowR - 2)];
        Span<Point> lambdaTable = stackalloc Point[1 << (WindowR - 2)];
        table[0] = Point.FromAffine(in p);
        Point.Double(in table[0], out var twoP);
        for (int i = 1; i < table.Length; i++)
        {
            Point.Add(in table[i - 1], in twoP, out table[i]);
        }
        var beta = Beta;
        for (int i = 0; i < table.Length; i++)
        {
            ref readonly var t = ref table[i];
            Fe.Multiply(in t.X, in beta, out var x);
            lambdaTable[i] = new Point(in x, in t.Y, in t.Z);
        }

        var gTable = _gTable;
        var gLambdaTable = _gLambdaTable;
        var acc = Point.Infinity;
        int length = Math.Max(Math.Max(lenG1, lenG2), Math.Max(lenP1, lenP2));
        for (int i = length - 1; i >= 0; i--)
        {
            Point.Double(in acc, out acc);
            AddDigit(ref acc, signP1 * nafP1[i], table);
            AddDigit(ref acc, signP2 * nafP2[i], lambdaTable);
            AddDigit(ref acc, signG1 * nafG1[i], gTable);
            AddDigit(ref acc, signG2 * nafG2[i], gLambdaTable);
        }
        result = acc;
    }

    /// <summary>Replaces a high scalar by n - k and returns the sign to apply to its digits.</summary>
    private static int MakeShort(ref Scalar k)
    {
        if (!k.IsHigh)
            return 1;
        Scalar.Negate(in k, out k);
        return -1;
    }

    private static void AddDigit(ref Point acc, int digit, ReadOnlySpan<Point> table)
    {
        if (digit > 0)
        {
            Point.Add(in acc, in table[digit >> 1], out acc);
        }
        else if (digit < 0)
        {
            Point.Negate(in table[(-digit) >> 1], out var negated);
            Point.Add(in acc, in negated, out acc);
        }
    }

    private static void AddDigit(ref Point acc, int digit, Secp256k1AffinePoint[] table)
    {
        if (digit > 0)
        {
            Point.AddMixed(in acc, in table[digit >> 1], out acc);
        }
        else if (digit < 0)
        {
            ref readonly var entry = ref table[(-digit) >> 1];
            Fe.Negate(in entry.Y, out var negY);
            var negated = new Secp256k1AffinePoint(in entry.X, in negY);
            Point.AddMixed(in acc, in negated, out acc);
        }
    }

    /// <summary>
    /// Width-w non-adjacent form of k: digits in (-2^(w-1), 2^(w-1)), every non-zero digit odd and
    /// followed by at least w-1 zeros. Returns the number of digits (0 for k = 0, at most 257).
    /// </summary>
    internal static int ComputeWnaf(in Scalar k, int w, Span<short> naf)
    {
        ulong k0 = k.L0, k1 = k.L1, k2 = k.L2, k3 = k.L3;
        ulong k4 = 0; // adding a negative digit's magnitude can carry past bit 255
        int window = 1 << w;
        int half = window >> 1;
        int length = 0;
        while ((k0 | k1 | k2 | k3 | k4) != 0)
        {
            int digit = 0;
            if ((k0 & 1) != 0)
            {
                digit = (int)(k0 & (ulong)(window - 1));
                if (digit >= half)
                {
                    digit -= window;
                }
                if (digit > 0)
                {
                    // The digit equals k's low w bits: subtracting it borrows nothing.
                    k0 -= (ulong)digit;
                }
                else
                {
                    ulong add = (ulong)(-digit);
                    k0 += add;
                    ulong c = k0 < add ? 1UL : 0UL;
                    k1 += c;
                    c = k1 < c ? 1UL : 0UL;
                    k2 += c;
                    c = k2 < c ? 1UL : 0UL;
                    k3 += c;
                    c = k3 < c ? 1UL : 0UL;
                    k4 += c;
                }
            }
            naf[length++] = (short)digit;
            k0 = (k0 >> 1) | (k1 << 63);
            k1 = (k1 >> 1) | (k2 << 63);
            k2 = (k2 >> 1) | (k3 << 63);
            k3 = (k3 >> 1) | (k4 << 63);
            k4 >>= 1;
        }
        return length;
    }

    private static Secp256k1AffinePoint[] BuildLambdaTable(Secp256k1AffinePoint[] table)
    {
        var beta = Beta;
        var result = new Secp256k1AffinePoint[table.Length];
        for (int i = 0; i < table.Length; i++)
        {
            Fe.Multiply(in table[i].X, in beta, out var x);
            result[i] = new Secp256k1AffinePoint(in x, in table[i].Y);
        }
        return result;
    }

    private static Secp256k1AffinePoint[] BuildGTable()
    {
        var table = new Secp256k1AffinePoint[1 << (WindowG - 2)];
        var g = Point.FromAffine(Generator);
        Point.Double(in g, out var twoG);
        var current = g;
        for (int i = 0; i < table.Length; i++)
        {
            current.TryToAffine(out table[i]);
            Point.Add(in current, in twoG, out current);
        }
        return table;
    }
}

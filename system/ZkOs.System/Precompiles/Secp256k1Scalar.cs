// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace ZkOs.System.Precompiles;

/// <summary>
/// An integer modulo secp256k1's group order n, four little-endian 64-bit limbs, always below n.
/// ecrecover needs only a handful of these operations per call (one inversion, a dozen products for
/// u1, u2 and their GLV split), so the products favour plain code over speed.
/// </summary>
/// <remarks>Inputs are read into locals before the result is written, so <c>out</c> may alias <c>in</c>.</remarks>
internal struct Secp256k1Scalar
{
    // n = FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFE BAAEDCE6 AF48A03B BFD25E8C D0364141
    public const ulong N0 = 0xBFD25E8CD0364141;
    public const ulong N1 = 0xBAAEDCE6AF48A03B;
    public const ulong N2 = 0xFFFFFFFFFFFFFFFE;
    public const ulong N3 = 0xFFFFFFFFFFFFFFFF;

    // C = 2^256 - n, a 129-bit number: 2^256 ≡ C (mod n) is what the reduction folds with.
    private const ulong C0 = 0x402DA1732FC9BEBF;
    private const ulong C1 = 0x4551231950B75FC4;

    public ulong L0;
    public ulong L1;
    public ulong L2;
    public ulong L3;

    public Secp256k1Scalar(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    public readonly bool IsZero => (L0 | L1 | L2 | L3) == 0;

    /// <summary>Reads a 32-byte big-endian number without reducing it; false when it is not below n.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes32, out Secp256k1Scalar result)
    {
        ReadRaw(bytes32, out result);
        return !IsAtLeastN(result.L0, result.L1, result.L2, result.L3);
    }

    /// <summary>Reads a 32-byte big-endian number and reduces it modulo n (a message hash may exceed n).</summary>
    public static void ReadReduced(ReadOnlySpan<byte> bytes32, out Secp256k1Scalar result)
    {
        ReadRaw(bytes32, out result);
        if (IsAtLeastN(result.L0, result.L1, result.L2, result.L3))
        {
            // Any 256-bit number is below 2n, so one subtraction of n (adding C modulo 2^256) reduces it.
            ulong r0 = result.L0, r1 = result.L1, r2 = result.L2, r3 = result.L3;
            AddC(ref r0, ref r1, ref r2, ref r3);
            result = new Secp256k1Scalar(r0, r1, r2, r3);
        }
    }

    private static void ReadRaw(ReadOnlySpan<byte> bytes32, out Secp256k1Scalar result) =>
        result = new Secp256k1Scalar(
            BinaryPrimitives.ReadUInt64BigEndian(bytes32[24..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32));

    private static bool IsAtLeastN(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        if (l3 != N3)
            return false; // l3 < N3 since N3 is all ones
        if (l2 != N2)
            return l2 > N2;
        if (l1 != N1)
            return l1 > N1;
        return l0 >= N0;
    }

    /// <summary>Adds C modulo 2^256, i.e. subtracts n when the value is known to be in [n, 2^256).</summary>
    private static void AddC(ref ulong r0, ref ulong r1, ref ulong r2, ref ulong r3)
    {
        ulong s = r0 + C0;
        ulong c = s < r0 ? 1UL : 0UL;
        r0 = s;
        ulong t = r1 + c;
        ulong c2 = t < c ? 1UL : 0UL;
        s = t + C1;
        c2 |= s < t ? 1UL : 0UL;
        r1 = s;
        t = r2 + c2;
        c = t < c2 ? 1UL : 0UL;
        s = t + 1;
        c |= s < t ? 1UL : 0UL;
        r2 = s;
        r3 += c;
    }

    /// <summary>n - a, and zero for zero.</summary>
    public static void Negate(in Secp256k1Scalar a, out Secp256k1Scalar result)
    {
        if (a.IsZero)
        {
            result = default;
            return;
        }
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3;
        ulong r0 = N0 - a0;
        ulong borrow = N0 < a0 ? 1UL : 0UL;
        ulong t = N1 - a1;
        ulong r1 = t - borrow;
        borrow = (N1 < a1 ? 1UL : 0UL) | (t < borrow ? 1UL : 0UL);
        t = N2 - a2;
        ulong r2 = t - borrow;
        borrow = (N2 < a2 ? 1UL : 0UL) | (t < borrow ? 1UL : 0UL);
        ulong r3 = N3 - a3 - borrow;
        result = new Secp256k1Scalar(r0, r1, r2, r3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulHigh(ulong a, ulong b) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulAdd(ulong a, ulong b, ulong c, ulong d, out ulong high)
    {
        ulong hi = MulHigh(a, b);
        ulong lo = a * b;
        lo += c;
        hi += lo < c ? 1UL : 0UL;
        lo += d;
        hi += lo < d ? 1UL : 0UL;
        high = hi;
        return lo;
    }

    public static void Multiply(in Secp256k1Scalar a, in Secp256k1Scalar b, out Secp256k1Scalar result)
    {
        Span<ulong> t = stackalloc ulong[8];
        MultiplyWide(in a, in b, t);
        Reduce512(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], out result);
    }

    /// <summary>The full 512-bit product a·b, as eight limbs.</summary>
    private static void MultiplyWide(in Secp256k1Scalar a, in Secp256k1Scalar b, Span<ulong> t)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3;
        ulong b0 = b.L0, b1 = b.L1, b2 = b.L2, b3 = b.L3;

        ulong t0 = MulAdd(a0, b0, 0, 0, out ulong c);
        ulong t1 = MulAdd(a0, b1, c, 0, out c);
        ulong t2 = MulAdd(a0, b2, c, 0, out c);
        ulong t3 = MulAdd(a0, b3, c, 0, out ulong t4);

        t1 = MulAdd(a1, b0, t1, 0, out c);
        t2 = MulAdd(a1, b1, t2, c, out c);
        t3 = MulAdd(a1, b2, t3, c, out c);
        t4 = MulAdd(a1, b3, t4, c, out ulong t5);

        t2 = MulAdd(a2, b0, t2, 0, out c);
        t3 = MulAdd(a2, b1, t3, c, out c);
        t4 = MulAdd(a2, b2, t4, c, out c);
        t5 = MulAdd(a2, b3, t5, c, out ulong t6);

        t3 = MulAdd(a3, b0, t3, 0, out c);
        t4 = MulAdd(a3, b1, t4, c, out c);
        t5 = MulAdd(a3, b2, t5, c, out c);
        t6 = MulAdd(a3, b3, t6, c, out ulong t7);

        t[0] = t0;
        t[1] = t1;
        t[2] = t2;
        t[3] = t3;
        t[4] = t4;
        t[5] = t5;
        t[6] = t6;
        t[7] = t7;
    }

    /// <summary>round(a·b / 2^384), for the GLV split's approximate divisions by n.</summary>
    private static Secp256k1Scalar MultiplyShift384Rounded(in Secp256k1Scalar a, in Secp256k1Scalar b)
    {
        Span<ulong> t = stackalloc ulong[8];
        MultiplyWide(in a, in b, t);
        ulong round = t[5] >> 63;
        ulong r0 = t[6] + round;
        ulong r1 = t[7] + (r0 < round ? 1UL : 0UL);
        return new Secp256k1Scalar(r0, r1, 0, 0);
    }

    public static void Add(in Secp256k1Scalar a, in Secp256k1Scalar b, out Secp256k1Scalar result)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3;
        ulong b0 = b.L0, b1 = b.L1, b2 = b.L2, b3 = b.L3;
        ulong r0 = a0 + b0;
        ulong c = r0 < a0 ? 1UL : 0UL;
        ulong t = a1 + c;
        ulong r1 = t + b1;
        c = (t < c ? 1UL : 0UL) | (r1 < b1 ? 1UL : 0UL);
        t = a2 + c;
        ulong r2 = t + b2;
        c = (t < c ? 1UL : 0UL) | (r2 < b2 ? 1UL : 0UL);
        t = a3 + c;
        ulong r3 = t + b3;
        c = (t < c ? 1UL : 0UL) | (r3 < b3 ? 1UL : 0UL);
        if (c != 0 || IsAtLeastN(r0, r1, r2, r3))
        {
            // Below 2n: one subtraction of n, i.e. adding C modulo 2^256.
            AddC(ref r0, ref r1, ref r2, ref r3);
        }
        result = new Secp256k1Scalar(r0, r1, r2, r3);
    }

    /// <summary>Whether the value is above n/2, so that its negation n - a is the shorter number.</summary>
    public readonly bool IsHigh
    {
        get
        {
            // n/2 = 7FFFFFFF FFFFFFFF FFFFFFFF FFFFFFFF 5D576E73 57A4501D DFE92F46 681B20A0
            const ulong h3 = 0x7FFFFFFFFFFFFFFF, h2 = 0xFFFFFFFFFFFFFFFF, h1 = 0x5D576E7357A4501D, h0 = 0xDFE92F46681B20A0;
            if (L3 != h3)
                return L3 > h3;
            if (L2 != h2)
                return false;
            if (L1 != h1)
                return L1 > h1;
            return L0 > h0;
        }
    }

    // GLV endomorphism constants (public curve facts, checked by the tests): λ is a cube root of unity
    // modulo n with λ·(x, y) = (β·x, y); the short lattice basis (a1, b1), (a2, b2) of {(i, j) : i + jλ ≡ 0};
    // g1 = round(2^384·b2/n) and g2 = round(2^384·(-b1)/n) turn the divisions by n into products.
    private static readonly Secp256k1Scalar _lambda = new(0xDF02967C1B23BD72, 0x122E22EA20816678, 0xA5261C028812645A, 0x5363AD4CC05C30E0);
    private static readonly Secp256k1Scalar _minusB1 = new(0x6F547FA90ABFE4C3, 0xE4437ED6010E8828, 0, 0);
    private static readonly Secp256k1Scalar _minusB2 = Negated(new Secp256k1Scalar(0xE86C90E49284EB15, 0x3086D221A7D46BCD, 0, 0));
    private static readonly Secp256k1Scalar _g1 = new(0xE893209A45DBB031, 0x3DAA8A1471E8CA7F, 0xE86C90E49284EB15, 0x3086D221A7D46BCD);
    private static readonly Secp256k1Scalar _g2 = new(0x1571B4AE8AC47F71, 0x221208AC9DF506C6, 0x6F547FA90ABFE4C4, 0xE4437ED6010E8828);

    private static Secp256k1Scalar Negated(in Secp256k1Scalar a)
    {
        Negate(in a, out var result);
        return result;
    }

    /// <summary>
    /// Splits k into k1 + k2·λ (mod n) with k1 and k2 about 128 bits long once their sign is taken out
    /// (see <see cref="IsHigh"/>): Gauss-reduced lattice decomposition (Guide to ECC, algorithm 3.74).
    /// The identity holds by construction (k1 is computed as k - k2·λ); the rounding only affects length.
    /// </summary>
    public static void SplitLambda(in Secp256k1Scalar k, out Secp256k1Scalar k1, out Secp256k1Scalar k2)
    {
        var c1 = MultiplyShift384Rounded(in k, in _g1);
        var c2 = MultiplyShift384Rounded(in k, in _g2);
        Multiply(in c1, in _minusB1, out var t1);
        Multiply(in c2, in _minusB2, out var t2);
        Add(in t1, in t2, out k2);
        Multiply(in k2, in _lambda, out var k2Lambda);
        Negate(in k2Lambda, out k2Lambda);
        Add(in k, in k2Lambda, out k1);
    }

    /// <summary>λ, for tests.</summary>
    internal static Secp256k1Scalar Lambda => _lambda;

    /// <summary>
    /// Reduces t = hi*2^256 + lo modulo n with 2^256 ≡ C, three times: 512 bits → at most 386 bits →
    /// at most 259 bits → at most 257 bits, then final subtractions.
    /// </summary>
    private static void Reduce512(
        ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5, ulong t6, ulong t7,
        out Secp256k1Scalar result)
    {
        // m = lo + hi*C, where C = C0 + C1*2^64 + 2^128: seven limbs m0..m6.
        Span<ulong> m = stackalloc ulong[7];
        MultiplyAccumulate(m, t0, t1, t2, t3, t4, t5, t6, t7);

        // Second fold: the part above 2^256 is m4..m6 (≤ 130 bits).
        Span<ulong> w = stackalloc ulong[7];
        MultiplyAccumulate(w, m[0], m[1], m[2], m[3], m[4], m[5], m[6], 0);

        // Third fold: w4 (w5, w6 are zero) is tiny; what remains fits in 256 bits plus a carry.
        Span<ulong> v = stackalloc ulong[7];
        MultiplyAccumulate(v, w[0], w[1], w[2], w[3], w[4], 0, 0, 0);

        ulong r0 = v[0], r1 = v[1], r2 = v[2], r3 = v[3];
        if (v[4] != 0)
        {
            // A carry out of 2^256 is worth C; the wrapped value is small, so this does not carry again.
            AddC(ref r0, ref r1, ref r2, ref r3);
        }
        while (IsAtLeastN(r0, r1, r2, r3))
        {
            AddC(ref r0, ref r1, ref r2, ref r3);
        }
        result = new Secp256k1Scalar(r0, r1, r2, r3);
    }

    /// <summary>dst = (l0..l3) + (h0..h3)*C, as seven limbs.</summary>
    private static void MultiplyAccumulate(
        Span<ulong> dst, ulong l0, ulong l1, ulong l2, ulong l3, ulong h0, ulong h1, ulong h2, ulong h3)
    {
        // h*C0
        ulong m0 = MulAdd(h0, C0, l0, 0, out ulong c);
        ulong m1 = MulAdd(h1, C0, l1, c, out c);
        ulong m2 = MulAdd(h2, C0, l2, c, out c);
        ulong m3 = MulAdd(h3, C0, l3, c, out ulong m4);
        // + h*C1 shifted one limb
        m1 = MulAdd(h0, C1, m1, 0, out c);
        m2 = MulAdd(h1, C1, m2, c, out c);
        m3 = MulAdd(h2, C1, m3, c, out c);
        m4 = MulAdd(h3, C1, m4, c, out ulong m5);
        // + h shifted two limbs (the 2^128 term of C)
        m2 += h0;
        c = m2 < h0 ? 1UL : 0UL;
        ulong t = m3 + c;
        ulong c2 = t < c ? 1UL : 0UL;
        m3 = t + h1;
        c2 |= m3 < h1 ? 1UL : 0UL;
        t = m4 + c2;
        c = t < c2 ? 1UL : 0UL;
        m4 = t + h2;
        c |= m4 < h2 ? 1UL : 0UL;
        t = m5 + c;
        c2 = t < c ? 1UL : 0UL;
        m5 = t + h3;
        c2 |= m5 < h3 ? 1UL : 0UL;
        dst[0] = m0;
        dst[1] = m1;
        dst[2] = m2;
        dst[3] = m3;
        dst[4] = m4;
        dst[5] = m5;
        dst[6] = c2;
    }

    private static readonly ulong _nNegInverse = Secp256k1Inverse.NegativeInverse64(N0);

    /// <summary>1/a modulo n (binary extended Euclid, variable time); zero maps to zero.</summary>
    public static void Invert(in Secp256k1Scalar a, out Secp256k1Scalar result)
    {
        Secp256k1Inverse.Invert(a.L0, a.L1, a.L2, a.L3, N0, N1, N2, N3, _nNegInverse,
            out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        result = new Secp256k1Scalar(r0, r1, r2, r3);
    }
}

// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace ZkOs.System.Precompiles;

/// <summary>
/// An element of secp256k1's base field, p = 2^256 - 2^32 - 977, as four little-endian 64-bit limbs
/// that are always fully reduced (below p). Keeping every value canonical costs one rarely taken
/// branch per operation and makes equality, parity and serialization plain limb reads.
/// </summary>
/// <remarks>
/// Every operation reads all of its inputs into locals before writing its result, so an <c>out</c>
/// argument may alias an <c>in</c> argument. Variable time: ecrecover works on public data only.
/// </remarks>
internal struct Secp256k1FieldElement
{
    /// <summary>Low limb of p; the other three limbs of p are all ones.</summary>
    private const ulong P0 = 0xFFFFFFFEFFFFFC2F;

    /// <summary>2^256 mod p = 2^32 + 977: the fold factor of the reduction, since 2^256 ≡ K (mod p).</summary>
    private const ulong K = 0x1000003D1;

    public ulong L0;
    public ulong L1;
    public ulong L2;
    public ulong L3;

    public Secp256k1FieldElement(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    public static Secp256k1FieldElement Zero => default;

    public static Secp256k1FieldElement One => new(1, 0, 0, 0);

    public readonly bool IsZero => (L0 | L1 | L2 | L3) == 0;

    public readonly bool IsOdd => (L0 & 1) != 0;

    public readonly bool Equals(in Secp256k1FieldElement other) =>
        ((L0 ^ other.L0) | (L1 ^ other.L1) | (L2 ^ other.L2) | (L3 ^ other.L3)) == 0;

    /// <summary>Reads a 32-byte big-endian number; false when it is not below p.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes32, out Secp256k1FieldElement result)
    {
        result = new Secp256k1FieldElement(
            BinaryPrimitives.ReadUInt64BigEndian(bytes32[24..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes32));
        return !IsAtLeastP(result.L0, result.L1, result.L2, result.L3);
    }

    /// <summary>The element with these limbs; false when their value is not below p.</summary>
    public static bool TryCreate(ulong l0, ulong l1, ulong l2, ulong l3, out Secp256k1FieldElement result)
    {
        result = new Secp256k1FieldElement(l0, l1, l2, l3);
        return !IsAtLeastP(l0, l1, l2, l3);
    }

    public readonly void Write(Span<byte> bytes32)
    {
        BinaryPrimitives.WriteUInt64BigEndian(bytes32, L3);
        BinaryPrimitives.WriteUInt64BigEndian(bytes32[8..], L2);
        BinaryPrimitives.WriteUInt64BigEndian(bytes32[16..], L1);
        BinaryPrimitives.WriteUInt64BigEndian(bytes32[24..], L0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAtLeastP(ulong l0, ulong l1, ulong l2, ulong l3) =>
        (l1 & l2 & l3) == ulong.MaxValue && l0 >= P0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MulHigh(ulong a, ulong b) =>
        // MULX keeps both halves in registers; Math.BigMul's out parameter goes through memory.
        Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);

    /// <summary>a*b + c + d as 128 bits (cannot overflow), low half returned.</summary>
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Secp256k1FieldElement a, in Secp256k1FieldElement b, out Secp256k1FieldElement result)
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
        if (c != 0 || IsAtLeastP(r0, r1, r2, r3))
        {
            // The sum is below 2p, so subtracting p once (adding K modulo 2^256) lands in range.
            AddK(ref r0, ref r1, ref r2, ref r3);
        }
        result = new Secp256k1FieldElement(r0, r1, r2, r3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddK(ref ulong r0, ref ulong r1, ref ulong r2, ref ulong r3)
    {
        ulong s = r0 + K;
        ulong c = s < r0 ? 1UL : 0UL;
        r0 = s;
        r1 += c;
        c = r1 < c ? 1UL : 0UL;
        r2 += c;
        c = r2 < c ? 1UL : 0UL;
        r3 += c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(in Secp256k1FieldElement a, in Secp256k1FieldElement b, out Secp256k1FieldElement result)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3;
        ulong b0 = b.L0, b1 = b.L1, b2 = b.L2, b3 = b.L3;
        ulong r0 = a0 - b0;
        ulong borrow = a0 < b0 ? 1UL : 0UL;
        ulong t = a1 - b1;
        ulong r1 = t - borrow;
        borrow = (a1 < b1 ? 1UL : 0UL) | (t < borrow ? 1UL : 0UL);
        t = a2 - b2;
        ulong r2 = t - borrow;
        borrow = (a2 < b2 ? 1UL : 0UL) | (t < borrow ? 1UL : 0UL);
        t = a3 - b3;
        ulong r3 = t - borrow;
        borrow = (a3 < b3 ? 1UL : 0UL) | (t < borrow ? 1UL : 0UL);
        if (borrow != 0)
        {
            // The wrapped difference is d + 2^256 with d >= -p; adding p is subtracting K modulo 2^256,
            // and the result is non-negative so no borrow leaves the top limb.
            ulong s = r0 - K;
            ulong bw = r0 < K ? 1UL : 0UL;
            r0 = s;
            ulong u = r1 - bw;
            bw = r1 < bw ? 1UL : 0UL;
            r1 = u;
            u = r2 - bw;
            bw = r2 < bw ? 1UL : 0UL;
            r2 = u;
            r3 -= bw;
        }
        result = new Secp256k1FieldElement(r0, r1, r2, r3);
    }

    public static void Negate(in Secp256k1FieldElement a, out Secp256k1FieldElement result)
    {
        Secp256k1FieldElement zero = default;
        Sub(in zero, in a, out result);
    }

    /// <summary>2a, the doubling used all over the point formulas.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Secp256k1FieldElement a, out Secp256k1FieldElement result) => Add(in a, in a, out result);

    public static void Multiply(in Secp256k1FieldElement a, in Secp256k1FieldElement b, out Secp256k1FieldElement result)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3;
        ulong b0 = b.L0, b1 = b.L1, b2 = b.L2, b3 = b.L3;

        // Schoolbook 4x4 product, one row per limb of a.
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

        Reduce(t0, t1, t2, t3, t4, t5, t6, t7, out result);
    }

    public static void Square(in Secp256k1FieldElement a, out Secp256k1FieldElement result)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3;

        // Off-diagonal products a_i*a_j (i < j) once, doubled by a shift, then the squares added:
        // 10 multiplications instead of 16.
        ulong t1 = MulAdd(a0, a1, 0, 0, out ulong c);
        ulong t2 = MulAdd(a0, a2, c, 0, out c);
        ulong t3 = MulAdd(a0, a3, c, 0, out ulong t4);
        t3 = MulAdd(a1, a2, t3, 0, out c);
        t4 = MulAdd(a1, a3, t4, c, out ulong t5);
        t5 = MulAdd(a2, a3, t5, 0, out ulong t6);

        ulong t7 = t6 >> 63;
        t6 = (t6 << 1) | (t5 >> 63);
        t5 = (t5 << 1) | (t4 >> 63);
        t4 = (t4 << 1) | (t3 >> 63);
        t3 = (t3 << 1) | (t2 >> 63);
        t2 = (t2 << 1) | (t1 >> 63);
        t1 <<= 1;

        ulong t0 = MulAdd(a0, a0, 0, 0, out c);
        t1 += c;
        c = t1 < c ? 1UL : 0UL;
        ulong lo = MulAdd(a1, a1, c, 0, out ulong hi);
        t2 += lo;
        c = t2 < lo ? 1UL : 0UL;
        t3 += hi;
        ulong c2 = t3 < hi ? 1UL : 0UL;
        t3 += c;
        c2 |= t3 < c ? 1UL : 0UL;
        lo = MulAdd(a2, a2, c2, 0, out hi);
        t4 += lo;
        c = t4 < lo ? 1UL : 0UL;
        t5 += hi;
        c2 = t5 < hi ? 1UL : 0UL;
        t5 += c;
        c2 |= t5 < c ? 1UL : 0UL;
        lo = MulAdd(a3, a3, c2, 0, out hi);
        t6 += lo;
        c = t6 < lo ? 1UL : 0UL;
        t7 += hi + c;

        Reduce(t0, t1, t2, t3, t4, t5, t6, t7, out result);
    }

    /// <summary>Reduces a 512-bit value modulo p by folding the high half with 2^256 ≡ K twice.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Reduce(
        ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5, ulong t6, ulong t7,
        out Secp256k1FieldElement result)
    {
        ulong r0 = MulAdd(t4, K, t0, 0, out ulong c);
        ulong r1 = MulAdd(t5, K, t1, c, out c);
        ulong r2 = MulAdd(t6, K, t2, c, out c);
        ulong r3 = MulAdd(t7, K, t3, c, out c);

        // c < 2^34, so c*K < 2^67: one more fold, whose carry out of 2^256 (rare) is worth K again.
        ulong lo = MulAdd(c, K, 0, 0, out ulong hi);
        r0 += lo;
        ulong carry = r0 < lo ? 1UL : 0UL;
        ulong t = hi + carry;
        r1 += t;
        carry = r1 < t ? 1UL : 0UL;
        r2 += carry;
        carry = r2 < carry ? 1UL : 0UL;
        r3 += carry;
        carry = r3 < carry ? 1UL : 0UL;
        if (carry != 0)
        {
            // The wrapped value is tiny here, so adding K cannot carry again.
            AddK(ref r0, ref r1, ref r2, ref r3);
        }
        if (IsAtLeastP(r0, r1, r2, r3))
        {
            AddK(ref r0, ref r1, ref r2, ref r3);
        }
        result = new Secp256k1FieldElement(r0, r1, r2, r3);
    }

    private static void SquareTimes(ref Secp256k1FieldElement a, int times)
    {
        for (int i = 0; i < times; i++)
        {
            Square(in a, out a);
        }
    }

    /// <summary>
    /// The start of the square root's addition chain: a^(2^223 - 1), plus the short runs of ones
    /// (a^(2^2-1), a^(2^22-1)) that (p+1)/4 needs after its 223 leading ones.
    /// </summary>
    private static void OnesChain(in Secp256k1FieldElement a, out Secp256k1FieldElement x2, out Secp256k1FieldElement x22, out Secp256k1FieldElement x223)
    {
        Square(in a, out x2);
        Multiply(in x2, in a, out x2);
        Square(in x2, out var x3);
        Multiply(in x3, in a, out x3);
        var x6 = x3;
        SquareTimes(ref x6, 3);
        Multiply(in x6, in x3, out x6);
        var x9 = x6;
        SquareTimes(ref x9, 3);
        Multiply(in x9, in x3, out x9);
        var x11 = x9;
        SquareTimes(ref x11, 2);
        Multiply(in x11, in x2, out x11);
        x22 = x11;
        SquareTimes(ref x22, 11);
        Multiply(in x22, in x11, out x22);
        var x44 = x22;
        SquareTimes(ref x44, 22);
        Multiply(in x44, in x22, out x44);
        var x88 = x44;
        SquareTimes(ref x88, 44);
        Multiply(in x88, in x44, out x88);
        var x176 = x88;
        SquareTimes(ref x176, 88);
        Multiply(in x176, in x88, out x176);
        var x220 = x176;
        SquareTimes(ref x220, 44);
        Multiply(in x220, in x44, out x220);
        x223 = x220;
        SquareTimes(ref x223, 3);
        Multiply(in x223, in x3, out x223);
    }

    private static readonly ulong _pNegInverse = Secp256k1Inverse.NegativeInverse64(P0);

    /// <summary>1/a (binary extended Euclid, variable time); zero maps to zero.</summary>
    public static void Invert(in Secp256k1FieldElement a, out Secp256k1FieldElement result)
    {
        Secp256k1Inverse.Invert(a.L0, a.L1, a.L2, a.L3, P0, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, _pNegInverse,
            out ulong r0, out ulong r1, out ulong r2, out ulong r3);
        result = new Secp256k1FieldElement(r0, r1, r2, r3);
    }

    /// <summary>A square root of a, when one exists (p ≡ 3 mod 4, so it is a^((p+1)/4)).</summary>
    public static bool TrySqrt(in Secp256k1FieldElement a, out Secp256k1FieldElement result)
    {
        // (p + 1) / 4 in binary: 223 ones, a zero, 22 ones, then 00001100.
        OnesChain(in a, out var x2, out var x22, out var t);
        SquareTimes(ref t, 23);
        Multiply(in t, in x22, out t);
        SquareTimes(ref t, 6);
        Multiply(in t, in x2, out t);
        SquareTimes(ref t, 2);
        Square(in t, out var check);
        result = t;
        return check.Equals(in a);
    }
}

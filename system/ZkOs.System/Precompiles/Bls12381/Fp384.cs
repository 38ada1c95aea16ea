// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ZkOs.System.Precompiles.Bn254;
using static ZkOs.System.Precompiles.Bn254.MultiPrecision;

namespace ZkOs.System.Precompiles.Bls12381;

/// <summary>
/// An element of a prime field with a modulus below 2^382, in Montgomery form (a·R mod p, R = 2^384) on six
/// 64-bit limbs, least significant first: the 384-bit sibling of <see cref="Fp256{TParams}"/>, with the same
/// algorithms (CIOS multiplication without the final carry word, Karatsuba with lazy reduction for Fp2) and the
/// same word operations (<see cref="MultiPrecision"/>). Values are always fully reduced (below p). BLS12-381's
/// base field is <c>Fp384&lt;Bls12381FpParams&gt;</c>, and it serves as the base of the shared tower
/// (<see cref="Fp2{TFp}"/>, <see cref="Fp6{TFp, TTower}"/>, <see cref="Fp12{TFp, TTower}"/>).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Fp384<TParams> : IPrimeField<Fp384<TParams>>
    where TParams : struct, IFieldParams384
{
    internal ulong L0;
    internal ulong L1;
    internal ulong L2;
    internal ulong L3;
    internal ulong L4;
    internal ulong L5;

    internal Fp384(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
        L4 = l4;
        L5 = l5;
    }

    public static Fp384<TParams> Zero => default;

    public static Fp384<TParams> One => new(TParams.One0, TParams.One1, TParams.One2, TParams.One3, TParams.One4, TParams.One5);

    public static ReadOnlySpan<ulong> ModulusLimbs => TParams.ModulusLimbs;

    public static int ByteLength => 48;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero(in Fp384<TParams> a) => (a.L0 | a.L1 | a.L2 | a.L3 | a.L4 | a.L5) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AreEqual(in Fp384<TParams> a, in Fp384<TParams> b) =>
        ((a.L0 ^ b.L0) | (a.L1 ^ b.L1) | (a.L2 ^ b.L2) | (a.L3 ^ b.L3) | (a.L4 ^ b.L4) | (a.L5 ^ b.L5)) == 0;

    public static Fp384<TParams> FromUInt64(ulong value)
    {
        var raw = new Fp384<TParams>(value, 0, 0, 0, 0, 0);
        ToMontgomery(in raw, out var result);
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fp384<TParams> a, in Fp384<TParams> b, out Fp384<TParams> result)
    {
        // Both operands are below p < 2^381: the sum fits in 384 bits and one conditional subtraction reduces it.
        ulong carry = 0;
        ulong r0 = AddWithCarry(a.L0, b.L0, ref carry);
        ulong r1 = AddWithCarry(a.L1, b.L1, ref carry);
        ulong r2 = AddWithCarry(a.L2, b.L2, ref carry);
        ulong r3 = AddWithCarry(a.L3, b.L3, ref carry);
        ulong r4 = AddWithCarry(a.L4, b.L4, ref carry);
        ulong r5 = a.L5 + b.L5 + carry;
        ReduceOnce(r0, r1, r2, r3, r4, r5, out result);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fp384<TParams> a, out Fp384<TParams> result)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4, a5 = a.L5;
        ReduceOnce(
            a0 << 1, (a1 << 1) | (a0 >> 63), (a2 << 1) | (a1 >> 63), (a3 << 1) | (a2 >> 63), (a4 << 1) | (a3 >> 63), (a5 << 1) | (a4 >> 63),
            out result);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Subtract(in Fp384<TParams> a, in Fp384<TParams> b, out Fp384<TParams> result)
    {
        ulong borrow = 0;
        ulong r0 = SubtractWithBorrow(a.L0, b.L0, ref borrow);
        ulong r1 = SubtractWithBorrow(a.L1, b.L1, ref borrow);
        ulong r2 = SubtractWithBorrow(a.L2, b.L2, ref borrow);
        ulong r3 = SubtractWithBorrow(a.L3, b.L3, ref borrow);
        ulong r4 = SubtractWithBorrow(a.L4, b.L4, ref borrow);
        ulong r5 = SubtractWithBorrow(a.L5, b.L5, ref borrow);

        // On a borrow the difference wrapped around 2^384: adding p (masked in, no data-dependent branch)
        // brings it back into [0, p).
        ulong mask = 0 - borrow;
        ulong carry = 0;
        r0 = AddWithCarry(r0, TParams.Modulus0 & mask, ref carry);
        r1 = AddWithCarry(r1, TParams.Modulus1 & mask, ref carry);
        r2 = AddWithCarry(r2, TParams.Modulus2 & mask, ref carry);
        r3 = AddWithCarry(r3, TParams.Modulus3 & mask, ref carry);
        r4 = AddWithCarry(r4, TParams.Modulus4 & mask, ref carry);
        r5 += (TParams.Modulus5 & mask) + carry;
        result = new Fp384<TParams>(r0, r1, r2, r3, r4, r5);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(in Fp384<TParams> a, out Fp384<TParams> result)
    {
        // p - a, except that zero stays zero (p itself is not a canonical value).
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4, a5 = a.L5;
        ulong mask = (a0 | a1 | a2 | a3 | a4 | a5) == 0 ? 0 : ulong.MaxValue;
        ulong borrow = 0;
        ulong r0 = SubtractWithBorrow(TParams.Modulus0, a0, ref borrow);
        ulong r1 = SubtractWithBorrow(TParams.Modulus1, a1, ref borrow);
        ulong r2 = SubtractWithBorrow(TParams.Modulus2, a2, ref borrow);
        ulong r3 = SubtractWithBorrow(TParams.Modulus3, a3, ref borrow);
        ulong r4 = SubtractWithBorrow(TParams.Modulus4, a4, ref borrow);
        ulong r5 = TParams.Modulus5 - a5 - borrow;
        result = new Fp384<TParams>(r0 & mask, r1 & mask, r2 & mask, r3 & mask, r4 & mask, r5 & mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Halve(in Fp384<TParams> a, out Fp384<TParams> result)
    {
        // An odd value is made even by adding p (odd); a + p < 2^382 fits, then shift right.
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3, a4 = a.L4, a5 = a.L5;
        ulong mask = 0 - (a0 & 1);
        ulong carry = 0;
        a0 = AddWithCarry(a0, TParams.Modulus0 & mask, ref carry);
        a1 = AddWithCarry(a1, TParams.Modulus1 & mask, ref carry);
        a2 = AddWithCarry(a2, TParams.Modulus2 & mask, ref carry);
        a3 = AddWithCarry(a3, TParams.Modulus3 & mask, ref carry);
        a4 = AddWithCarry(a4, TParams.Modulus4 & mask, ref carry);
        a5 += (TParams.Modulus5 & mask) + carry;
        result = new Fp384<TParams>(
            (a0 >> 1) | (a1 << 63), (a1 >> 1) | (a2 << 63), (a2 >> 1) | (a3 << 63), (a3 >> 1) | (a4 << 63), (a4 >> 1) | (a5 << 63), a5 >> 1);
    }

    /// <summary>
    /// Montgomery multiplication a·b·R^-1 mod p by coarsely integrated operand scanning (CIOS, Koç, Acar and
    /// Kaliski, "Analyzing and comparing Montgomery multiplication algorithms", 1996) without the extra carry
    /// word (Botrel and El Housni, "EdMSM", 2022), as <see cref="Fp256{TParams}.Multiply"/>: six rounds, each
    /// adding a·b_i and m·p with m clearing the low limb, then a shift by one limb. The top word of a round
    /// cannot overflow: t + a·b_i + m·p &lt; 2^64·4p &lt; 2^448 since p &lt; 2^381. Operands may be unreduced
    /// up to 2p: the result is below 4p^2/R + p &lt; 2p because 4p &lt; R, and one conditional subtraction ends.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(in Fp384<TParams> a, in Fp384<TParams> b, out Fp384<TParams> result)
    {
        // a's limbs are read through the reference each round rather than cached: with six limbs the
        // cached copies, the running value and two interleaved carry chains outnumber the registers, and
        // the spills cost more than the reloads. Each round runs its two chains one after the other.
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0, t4 = 0, t5 = 0, t6, c, m, bi;
        ulong inv = TParams.NegativeInverse;

        // Round 0: t += a·b0 (into seven words), then t = (t + m·p) / 2^64 with m clearing the low word.
        bi = b.L0;
        c = MultiplyAdd(a.L0, bi, t0, 0, out t0);
        c = MultiplyAdd(a.L1, bi, t1, c, out t1);
        c = MultiplyAdd(a.L2, bi, t2, c, out t2);
        c = MultiplyAdd(a.L3, bi, t3, c, out t3);
        c = MultiplyAdd(a.L4, bi, t4, c, out t4);
        c = MultiplyAdd(a.L5, bi, t5, c, out t5);
        t6 = c;
        m = t0 * inv;
        c = MultiplyAdd(m, TParams.Modulus0, t0, 0, out _);
        c = MultiplyAdd(m, TParams.Modulus1, t1, c, out t0);
        c = MultiplyAdd(m, TParams.Modulus2, t2, c, out t1);
        c = MultiplyAdd(m, TParams.Modulus3, t3, c, out t2);
        c = MultiplyAdd(m, TParams.Modulus4, t4, c, out t3);
        c = MultiplyAdd(m, TParams.Modulus5, t5, c, out t4);
        t5 = t6 + c;

        // Round 1: t += a·b1 (into seven words), then t = (t + m·p) / 2^64 with m clearing the low word.
        bi = b.L1;
        c = MultiplyAdd(a.L0, bi, t0, 0, out t0);
        c = MultiplyAdd(a.L1, bi, t1, c, out t1);
        c = MultiplyAdd(a.L2, bi, t2, c, out t2);
        c = MultiplyAdd(a.L3, bi, t3, c, out t3);
        c = MultiplyAdd(a.L4, bi, t4, c, out t4);
        c = MultiplyAdd(a.L5, bi, t5, c, out t5);
        t6 = c;
        m = t0 * inv;
        c = MultiplyAdd(m, TParams.Modulus0, t0, 0, out _);
        c = MultiplyAdd(m, TParams.Modulus1, t1, c, out t0);
        c = MultiplyAdd(m, TParams.Modulus2, t2, c, out t1);
        c = MultiplyAdd(m, TParams.Modulus3, t3, c, out t2);
        c = MultiplyAdd(m, TParams.Modulus4, t4, c, out t3);
        c = MultiplyAdd(m, TParams.Modulus5, t5, c, out t4);
        t5 = t6 + c;

        // Round 2: t += a·b2 (into seven words), then t = (t + m·p) / 2^64 with m clearing the low word.
        bi = b.L2;
        c = MultiplyAdd(a.L0, bi, t0, 0, out t0);
        c = MultiplyAdd(a.L1, bi, t1, c, out t1);
        c = MultiplyAdd(a.L2, bi, t2, c, out t2);
        c = MultiplyAdd(a.L3, bi, t3, c, out t3);
        c = MultiplyAdd(a.L4, bi, t4, c, out t4);
        c = MultiplyAdd(a.L5, bi, t5, c, out t5);
        t6 = c;
        m = t0 * inv;
        c = MultiplyAdd(m, TParams.Modulus0, t0, 0, out _);
        c = MultiplyAdd(m, TParams.Modulus1, t1, c, out t0);
        c = MultiplyAdd(m, TParams.Modulus2, t2, c, out t1);
        c = MultiplyAdd(m, TParams.Modulus3, t3, c, out t2);
        c = MultiplyAdd(m, TParams.Modulus4, t4, c, out t3);
        c = MultiplyAdd(m, TParams.Modulus5, t5, c, out t4);
        t5 = t6 + c;

        // Round 3: t += a·b3 (into seven words), then t = (t + m·p) / 2^64 with m clearing the low word.
        bi = b.L3;
        c = MultiplyAdd(a.L0, bi, t0, 0, out t0);
        c = MultiplyAdd(a.L1, bi, t1, c, out t1);
        c = MultiplyAdd(a.L2, bi, t2, c, out t2);
        c = MultiplyAdd(a.L3, bi, t3, c, out t3);
        c = MultiplyAdd(a.L4, bi, t4, c, out t4);
        c = MultiplyAdd(a.L5, bi, t5, c, out t5);
        t6 = c;
        m = t0 * inv;
        c = MultiplyAdd(m, TParams.Modulus0, t0, 0, out _);
        c = MultiplyAdd(m, TParams.Modulus1, t1, c, out t0);
        c = MultiplyAdd(m, TParams.Modulus2, t2, c, out t1);
        c = MultiplyAdd(m, TParams.Modulus3, t3, c, out t2);
        c = MultiplyAdd(m, TParams.Modulus4, t4, c, out t3);
        c = MultiplyAdd(m, TParams.Modulus5, t5, c, out t4);
        t5 = t6 + c;

        // Round 4: t += a·b4 (into seven words), then t = (t + m·p) / 2^64 with m clearing the low word.
        bi = b.L4;
        c = MultiplyAdd(a.L0, bi, t0, 0, out t0);
        c = MultiplyAdd(a.L1, bi, t1, c, out t1);
        c = MultiplyAdd(a.L2, bi, t2, c, out t2);
        c = MultiplyAdd(a.L3, bi, t3, c, out t3);
        c = MultiplyAdd(a.L4, bi, t4, c, out t4);
        c = MultiplyAdd(a.L5, bi, t5, c, out t5);
        t6 = c;
        m = t0 * inv;
        c = MultiplyAdd(m, TParams.Modulus0, t0, 0, out _);
        c = MultiplyAdd(m, TParams.Modulus1, t1, c, out t0);
        c = MultiplyAdd(m, TParams.Modulus2, t2, c, out t1);
        c = MultiplyAdd(m, TParams.Modulus3, t3, c, out t2);
        c = MultiplyAdd(m, TParams.Modulus4, t4, c, out t3);
        c = MultiplyAdd(m, TParams.Modulus5, t5, c, out t4);
        t5 = t6 + c;

        // Round 5: t += a·b5 (into seven words), then t = (t + m·p) / 2^64 with m clearing the low word.
        bi = b.L5;
        c = MultiplyAdd(a.L0, bi, t0, 0, out t0);
        c = MultiplyAdd(a.L1, bi, t1, c, out t1);
        c = MultiplyAdd(a.L2, bi, t2, c, out t2);
        c = MultiplyAdd(a.L3, bi, t3, c, out t3);
        c = MultiplyAdd(a.L4, bi, t4, c, out t4);
        c = MultiplyAdd(a.L5, bi, t5, c, out t5);
        t6 = c;
        m = t0 * inv;
        c = MultiplyAdd(m, TParams.Modulus0, t0, 0, out _);
        c = MultiplyAdd(m, TParams.Modulus1, t1, c, out t0);
        c = MultiplyAdd(m, TParams.Modulus2, t2, c, out t1);
        c = MultiplyAdd(m, TParams.Modulus3, t3, c, out t2);
        c = MultiplyAdd(m, TParams.Modulus4, t4, c, out t3);
        c = MultiplyAdd(m, TParams.Modulus5, t5, c, out t4);
        t5 = t6 + c;

        ReduceOnce(t0, t1, t2, t3, t4, t5, out result);
    }

    public static void Square(in Fp384<TParams> a, out Fp384<TParams> result) => Multiply(in a, in a, out result);

    /// <summary>
    /// (a0 + a1·i)(b0 + b1·i) with i^2 = -1 by Karatsuba with lazy reduction (Aranha, Karabina, Longa, Gebotys
    /// and López, EUROCRYPT 2011), as <see cref="Fp256{TParams}.MultiplyComplex"/>: three 768-bit products and
    /// two Montgomery reductions. c0 = a0·b0 - a1·b1 is lifted into [0, pR) by adding p·2^384 when negative;
    /// c1 = (a0 + a1)(b0 + b1) - a0·b0 - a1·b1 is below 2p^2 &lt; pR.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyComplex(in Fp384<TParams> a0, in Fp384<TParams> a1, in Fp384<TParams> b0, in Fp384<TParams> b1, out Fp384<TParams> c0, out Fp384<TParams> c1)
    {
        Product(in a0, in b0, out var v0);
        Product(in a1, in b1, out var v1);

        // (a0 + a1) and (b0 + b1) unreduced: below 2p < 2^382.
        ulong carry = 0;
        var x = new Fp384<TParams>(
            AddWithCarry(a0.L0, a1.L0, ref carry),
            AddWithCarry(a0.L1, a1.L1, ref carry),
            AddWithCarry(a0.L2, a1.L2, ref carry),
            AddWithCarry(a0.L3, a1.L3, ref carry),
            AddWithCarry(a0.L4, a1.L4, ref carry),
            a0.L5 + a1.L5 + carry);
        carry = 0;
        var y = new Fp384<TParams>(
            AddWithCarry(b0.L0, b1.L0, ref carry),
            AddWithCarry(b0.L1, b1.L1, ref carry),
            AddWithCarry(b0.L2, b1.L2, ref carry),
            AddWithCarry(b0.L3, b1.L3, ref carry),
            AddWithCarry(b0.L4, b1.L4, ref carry),
            b0.L5 + b1.L5 + carry);
        Product(in x, in y, out var s);

        // s - v0 - v1 = a0·b1 + a1·b0 >= 0.
        SubtractInPlace(ref s, in v0);
        SubtractInPlace(ref s, in v1);

        // v0 - v1, plus p·2^384 (modulo 2^768) if it went negative.
        ulong borrow = SubtractInPlace(ref v0, in v1);
        AddModulusToHighHalf(ref v0, 0 - borrow);

        MontgomeryReduce(ref v0, out c0);
        MontgomeryReduce(ref s, out c1);
    }

    /// <summary>
    /// (a0 + a1·i)^2 = (a0 + a1)(a0 - a1) + 2a0a1·i with the three additions left unreduced (each below 2p,
    /// which <see cref="Multiply"/> accepts): two multiplications and no modular additions.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SquareComplex(in Fp384<TParams> a0, in Fp384<TParams> a1, out Fp384<TParams> c0, out Fp384<TParams> c1)
    {
        ulong carry = 0;
        var sum = new Fp384<TParams>(
            AddWithCarry(a0.L0, a1.L0, ref carry),
            AddWithCarry(a0.L1, a1.L1, ref carry),
            AddWithCarry(a0.L2, a1.L2, ref carry),
            AddWithCarry(a0.L3, a1.L3, ref carry),
            AddWithCarry(a0.L4, a1.L4, ref carry),
            a0.L5 + a1.L5 + carry);

        // a0 - a1 + p = a0 + (p - a1), in (0, 2p).
        ulong borrow = 0;
        ulong d0 = SubtractWithBorrow(TParams.Modulus0, a1.L0, ref borrow);
        ulong d1 = SubtractWithBorrow(TParams.Modulus1, a1.L1, ref borrow);
        ulong d2 = SubtractWithBorrow(TParams.Modulus2, a1.L2, ref borrow);
        ulong d3 = SubtractWithBorrow(TParams.Modulus3, a1.L3, ref borrow);
        ulong d4 = SubtractWithBorrow(TParams.Modulus4, a1.L4, ref borrow);
        ulong d5 = TParams.Modulus5 - a1.L5 - borrow;
        carry = 0;
        var difference = new Fp384<TParams>(
            AddWithCarry(d0, a0.L0, ref carry),
            AddWithCarry(d1, a0.L1, ref carry),
            AddWithCarry(d2, a0.L2, ref carry),
            AddWithCarry(d3, a0.L3, ref carry),
            AddWithCarry(d4, a0.L4, ref carry),
            d5 + a0.L5 + carry);

        var twice = new Fp384<TParams>(
            a0.L0 << 1, (a0.L1 << 1) | (a0.L0 >> 63), (a0.L2 << 1) | (a0.L1 >> 63),
            (a0.L3 << 1) | (a0.L2 >> 63), (a0.L4 << 1) | (a0.L3 >> 63), (a0.L5 << 1) | (a0.L4 >> 63));
        Multiply(in twice, in a1, out var imaginary);
        Multiply(in sum, in difference, out c0);
        c1 = imaginary;
    }

    /// <summary>Inversion by Fermat's little theorem, a^(p-2); zero maps to zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Invert(in Fp384<TParams> a, out Fp384<TParams> result)
    {
        Span<ulong> exponent = stackalloc ulong[6];
        TParams.ModulusLimbs.CopyTo(exponent);

        // p is odd and its low limb is at least 2, so p - 2 does not borrow out of limb 0.
        exponent[0] -= 2;
        FieldAlgorithms.Pow(in a, exponent, out result);
    }

    public static bool TryReadBigEndian(ReadOnlySpan<byte> source, out Fp384<TParams> result)
    {
        var raw = new Fp384<TParams>(
            BinaryPrimitives.ReadUInt64BigEndian(source[40..]),
            BinaryPrimitives.ReadUInt64BigEndian(source[32..]),
            BinaryPrimitives.ReadUInt64BigEndian(source[24..]),
            BinaryPrimitives.ReadUInt64BigEndian(source[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(source[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(source));
        return TryFromCanonical(in raw, out result);
    }

    public static void WriteBigEndian(in Fp384<TParams> a, Span<byte> destination)
    {
        FromMontgomery(in a, out var raw);
        BinaryPrimitives.WriteUInt64BigEndian(destination, raw.L5);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], raw.L4);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], raw.L3);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], raw.L2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[32..], raw.L1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[40..], raw.L0);
    }

    /// <summary>
    /// The Montgomery form of an integer given as limbs (<paramref name="raw"/> holds the plain integer);
    /// false if it is not below p (only canonical encodings are accepted).
    /// </summary>
    internal static bool TryFromCanonical(in Fp384<TParams> raw, out Fp384<TParams> result)
    {
        ulong borrow = 0;
        SubtractWithBorrow(raw.L0, TParams.Modulus0, ref borrow);
        SubtractWithBorrow(raw.L1, TParams.Modulus1, ref borrow);
        SubtractWithBorrow(raw.L2, TParams.Modulus2, ref borrow);
        SubtractWithBorrow(raw.L3, TParams.Modulus3, ref borrow);
        SubtractWithBorrow(raw.L4, TParams.Modulus4, ref borrow);
        SubtractWithBorrow(raw.L5, TParams.Modulus5, ref borrow);
        if (borrow == 0)
        {
            result = default;
            return false;
        }

        ToMontgomery(in raw, out result);
        return true;
    }

    /// <summary>x·R mod p from an integer x below p: one Montgomery multiplication by R^2.</summary>
    internal static void ToMontgomery(in Fp384<TParams> raw, out Fp384<TParams> result)
    {
        var rSquared = new Fp384<TParams>(TParams.RSquared0, TParams.RSquared1, TParams.RSquared2, TParams.RSquared3, TParams.RSquared4, TParams.RSquared5);
        Multiply(in raw, in rSquared, out result);
    }

    /// <summary>The integer a·R^-1 mod p: one Montgomery multiplication by the integer 1.</summary>
    internal static void FromMontgomery(in Fp384<TParams> a, out Fp384<TParams> raw)
    {
        var one = new Fp384<TParams>(1, 0, 0, 0, 0, 0);
        Multiply(in a, in one, out raw);
    }

    /// <summary>
    /// The 768-bit product of two 384-bit integers, schoolbook by rows, accumulated in place in
    /// <paramref name="result"/> (memory, like the operands: twelve words do not fit in registers anyway).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Product(in Fp384<TParams> a, in Fp384<TParams> b, out Wide768 result)
    {
        result = default;
        ulong c, bi;
        bi = b.L0;
        c = MultiplyAdd(a.L0, bi, 0, 0, out result.W0);
        c = MultiplyAdd(a.L1, bi, c, 0, out result.W1);
        c = MultiplyAdd(a.L2, bi, c, 0, out result.W2);
        c = MultiplyAdd(a.L3, bi, c, 0, out result.W3);
        c = MultiplyAdd(a.L4, bi, c, 0, out result.W4);
        c = MultiplyAdd(a.L5, bi, c, 0, out result.W5);
        result.W6 = c;

        bi = b.L1;
        c = MultiplyAdd(a.L0, bi, result.W1, 0, out result.W1);
        c = MultiplyAdd(a.L1, bi, result.W2, c, out result.W2);
        c = MultiplyAdd(a.L2, bi, result.W3, c, out result.W3);
        c = MultiplyAdd(a.L3, bi, result.W4, c, out result.W4);
        c = MultiplyAdd(a.L4, bi, result.W5, c, out result.W5);
        c = MultiplyAdd(a.L5, bi, result.W6, c, out result.W6);
        result.W7 = c;

        bi = b.L2;
        c = MultiplyAdd(a.L0, bi, result.W2, 0, out result.W2);
        c = MultiplyAdd(a.L1, bi, result.W3, c, out result.W3);
        c = MultiplyAdd(a.L2, bi, result.W4, c, out result.W4);
        c = MultiplyAdd(a.L3, bi, result.W5, c, out result.W5);
        c = MultiplyAdd(a.L4, bi, result.W6, c, out result.W6);
        c = MultiplyAdd(a.L5, bi, result.W7, c, out result.W7);
        result.W8 = c;

        bi = b.L3;
        c = MultiplyAdd(a.L0, bi, result.W3, 0, out result.W3);
        c = MultiplyAdd(a.L1, bi, result.W4, c, out result.W4);
        c = MultiplyAdd(a.L2, bi, result.W5, c, out result.W5);
        c = MultiplyAdd(a.L3, bi, result.W6, c, out result.W6);
        c = MultiplyAdd(a.L4, bi, result.W7, c, out result.W7);
        c = MultiplyAdd(a.L5, bi, result.W8, c, out result.W8);
        result.W9 = c;

        bi = b.L4;
        c = MultiplyAdd(a.L0, bi, result.W4, 0, out result.W4);
        c = MultiplyAdd(a.L1, bi, result.W5, c, out result.W5);
        c = MultiplyAdd(a.L2, bi, result.W6, c, out result.W6);
        c = MultiplyAdd(a.L3, bi, result.W7, c, out result.W7);
        c = MultiplyAdd(a.L4, bi, result.W8, c, out result.W8);
        c = MultiplyAdd(a.L5, bi, result.W9, c, out result.W9);
        result.W10 = c;

        bi = b.L5;
        c = MultiplyAdd(a.L0, bi, result.W5, 0, out result.W5);
        c = MultiplyAdd(a.L1, bi, result.W6, c, out result.W6);
        c = MultiplyAdd(a.L2, bi, result.W7, c, out result.W7);
        c = MultiplyAdd(a.L3, bi, result.W8, c, out result.W8);
        c = MultiplyAdd(a.L4, bi, result.W9, c, out result.W9);
        c = MultiplyAdd(a.L5, bi, result.W10, c, out result.W10);
        result.W11 = c;
    }

    /// <summary>
    /// Montgomery reduction T·R^-1 mod p of a 768-bit T below p·R, in place: six rounds each adding
    /// m·p·2^(64k) with m clearing word k, the carry rippling into the upper half; the quotient by R is below 2p.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MontgomeryReduce(ref Wide768 t, out Fp384<TParams> result)
    {
        ulong inv = TParams.NegativeInverse;
        ulong extra = 0;
        ulong m, c;

        m = t.W0 * inv;
        c = MultiplyAdd(m, TParams.Modulus0, t.W0, 0, out _);
        c = MultiplyAdd(m, TParams.Modulus1, t.W1, c, out t.W1);
        c = MultiplyAdd(m, TParams.Modulus2, t.W2, c, out t.W2);
        c = MultiplyAdd(m, TParams.Modulus3, t.W3, c, out t.W3);
        c = MultiplyAdd(m, TParams.Modulus4, t.W4, c, out t.W4);
        c = MultiplyAdd(m, TParams.Modulus5, t.W5, c, out t.W5);
        t.W6 = AddWithCarry(t.W6, c, ref extra);

        m = t.W1 * inv;
        c = MultiplyAdd(m, TParams.Modulus0, t.W1, 0, out _);
        c = MultiplyAdd(m, TParams.Modulus1, t.W2, c, out t.W2);
        c = MultiplyAdd(m, TParams.Modulus2, t.W3, c, out t.W3);
        c = MultiplyAdd(m, TParams.Modulus3, t.W4, c, out t.W4);
        c = MultiplyAdd(m, TParams.Modulus4, t.W5, c, out t.W5);
        c = MultiplyAdd(m, TParams.Modulus5, t.W6, c, out t.W6);
        t.W7 = AddWithCarry(t.W7, c, ref extra);

        m = t.W2 * inv;
        c = MultiplyAdd(m, TParams.Modulus0, t.W2, 0, out _);
        c = MultiplyAdd(m, TParams.Modulus1, t.W3, c, out t.W3);
        c = MultiplyAdd(m, TParams.Modulus2, t.W4, c, out t.W4);
        c = MultiplyAdd(m, TParams.Modulus3, t.W5, c, out t.W5);
        c = MultiplyAdd(m, TParams.Modulus4, t.W6, c, out t.W6);
        c = MultiplyAdd(m, TParams.Modulus5, t.W7, c, out t.W7);
        t.W8 = AddWithCarry(t.W8, c, ref extra);

        m = t.W3 * inv;
        c = MultiplyAdd(m, TParams.Modulus0, t.W3, 0, out _);
        c = MultiplyAdd(m, TParams.Modulus1, t.W4, c, out t.W4);
        c = MultiplyAdd(m, TParams.Modulus2, t.W5, c, out t.W5);
        c = MultiplyAdd(m, TParams.Modulus3, t.W6, c, out t.W6);
        c = MultiplyAdd(m, TParams.Modulus4, t.W7, c, out t.W7);
        c = MultiplyAdd(m, TParams.Modulus5, t.W8, c, out t.W8);
        t.W9 = AddWithCarry(t.W9, c, ref extra);

        m = t.W4 * inv;
        c = MultiplyAdd(m, TParams.Modulus0, t.W4, 0, out _);
        c = MultiplyAdd(m, TParams.Modulus1, t.W5, c, out t.W5);
        c = MultiplyAdd(m, TParams.Modulus2, t.W6, c, out t.W6);
        c = MultiplyAdd(m, TParams.Modulus3, t.W7, c, out t.W7);
        c = MultiplyAdd(m, TParams.Modulus4, t.W8, c, out t.W8);
        c = MultiplyAdd(m, TParams.Modulus5, t.W9, c, out t.W9);
        t.W10 = AddWithCarry(t.W10, c, ref extra);

        m = t.W5 * inv;
        c = MultiplyAdd(m, TParams.Modulus0, t.W5, 0, out _);
        c = MultiplyAdd(m, TParams.Modulus1, t.W6, c, out t.W6);
        c = MultiplyAdd(m, TParams.Modulus2, t.W7, c, out t.W7);
        c = MultiplyAdd(m, TParams.Modulus3, t.W8, c, out t.W8);
        c = MultiplyAdd(m, TParams.Modulus4, t.W9, c, out t.W9);
        c = MultiplyAdd(m, TParams.Modulus5, t.W10, c, out t.W10);

        // (T + M·p)/R < 2p < 2^384: the last carry cannot leave word 11.
        t.W11 += c + extra;
        ReduceOnce(t.W6, t.W7, t.W8, t.W9, t.W10, t.W11, out result);
    }

    /// <summary>a -= b on 768-bit integers; returns the borrow out of the top limb.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SubtractInPlace(ref Wide768 a, in Wide768 b)
    {
        ulong borrow = 0;
        a.W0 = SubtractWithBorrow(a.W0, b.W0, ref borrow);
        a.W1 = SubtractWithBorrow(a.W1, b.W1, ref borrow);
        a.W2 = SubtractWithBorrow(a.W2, b.W2, ref borrow);
        a.W3 = SubtractWithBorrow(a.W3, b.W3, ref borrow);
        a.W4 = SubtractWithBorrow(a.W4, b.W4, ref borrow);
        a.W5 = SubtractWithBorrow(a.W5, b.W5, ref borrow);
        a.W6 = SubtractWithBorrow(a.W6, b.W6, ref borrow);
        a.W7 = SubtractWithBorrow(a.W7, b.W7, ref borrow);
        a.W8 = SubtractWithBorrow(a.W8, b.W8, ref borrow);
        a.W9 = SubtractWithBorrow(a.W9, b.W9, ref borrow);
        a.W10 = SubtractWithBorrow(a.W10, b.W10, ref borrow);
        a.W11 = SubtractWithBorrow(a.W11, b.W11, ref borrow);
        return borrow;
    }

    /// <summary>a += p·2^384 (mod 2^768) where <paramref name="mask"/> is all ones, nothing where it is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddModulusToHighHalf(ref Wide768 a, ulong mask)
    {
        ulong carry = 0;
        a.W6 = AddWithCarry(a.W6, TParams.Modulus0 & mask, ref carry);
        a.W7 = AddWithCarry(a.W7, TParams.Modulus1 & mask, ref carry);
        a.W8 = AddWithCarry(a.W8, TParams.Modulus2 & mask, ref carry);
        a.W9 = AddWithCarry(a.W9, TParams.Modulus3 & mask, ref carry);
        a.W10 = AddWithCarry(a.W10, TParams.Modulus4 & mask, ref carry);
        a.W11 += (TParams.Modulus5 & mask) + carry;
    }

    /// <summary>Subtracts p from a value below 2p when it is at least p, without a data-dependent branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ReduceOnce(ulong r0, ulong r1, ulong r2, ulong r3, ulong r4, ulong r5, out Fp384<TParams> result)
    {
        ulong borrow = 0;
        ulong s0 = SubtractWithBorrow(r0, TParams.Modulus0, ref borrow);
        ulong s1 = SubtractWithBorrow(r1, TParams.Modulus1, ref borrow);
        ulong s2 = SubtractWithBorrow(r2, TParams.Modulus2, ref borrow);
        ulong s3 = SubtractWithBorrow(r3, TParams.Modulus3, ref borrow);
        ulong s4 = SubtractWithBorrow(r4, TParams.Modulus4, ref borrow);
        ulong s5 = SubtractWithBorrow(r5, TParams.Modulus5, ref borrow);

        // borrow = 1: r < p, keep r; borrow = 0: keep r - p.
        ulong keep = 0 - borrow;
        result = new Fp384<TParams>(
            (r0 & keep) | (s0 & ~keep),
            (r1 & keep) | (s1 & ~keep),
            (r2 & keep) | (s2 & ~keep),
            (r3 & keep) | (s3 & ~keep),
            (r4 & keep) | (s4 & ~keep),
            (r5 & keep) | (s5 & ~keep));
    }
}

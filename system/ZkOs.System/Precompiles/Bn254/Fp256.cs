// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using static ZkOs.System.Precompiles.Bn254.MultiPrecision;

namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// An element of a prime field with a modulus below 2^254, in Montgomery form (a·R mod p, R = 2^256) on
/// four 64-bit limbs, least significant first. Values are always fully reduced (below p), so zero and
/// equality are limb comparisons. The modulus and Montgomery constants come from <typeparamref name="TParams"/>;
/// BN254's base field is <c>Fp256&lt;Bn254FpParams&gt;</c>, and any other field of at most 254 bits
/// (BN254's scalar field, ...) is one more parameter struct.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Fp256<TParams> : IPrimeField<Fp256<TParams>>
    where TParams : struct, IFieldParams
{
    internal ulong L0;
    internal ulong L1;
    internal ulong L2;
    internal ulong L3;

    internal Fp256(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    /// <summary>k·p for k = 0 .. 15, four limbs each (<see cref="ReduceSmallMultiple"/>).</summary>
    private static readonly ulong[] _smallMultiples = ComputeSmallMultiples();

    public static Fp256<TParams> Zero => default;

    public static Fp256<TParams> One => new(TParams.One0, TParams.One1, TParams.One2, TParams.One3);

    public static ReadOnlySpan<ulong> ModulusLimbs => TParams.ModulusLimbs;

    public static int ByteLength => 32;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero(in Fp256<TParams> a) => (a.L0 | a.L1 | a.L2 | a.L3) == 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AreEqual(in Fp256<TParams> a, in Fp256<TParams> b) =>
        ((a.L0 ^ b.L0) | (a.L1 ^ b.L1) | (a.L2 ^ b.L2) | (a.L3 ^ b.L3)) == 0;

    public static Fp256<TParams> FromUInt64(ulong value)
    {
        var raw = new Fp256<TParams>(value, 0, 0, 0);
        ToMontgomery(in raw, out var result);
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fp256<TParams> a, in Fp256<TParams> b, out Fp256<TParams> result)
    {
        // Both operands are below p < 2^254, so the sum fits in 256 bits and one conditional
        // subtraction of p reduces it.
        ulong carry = 0;
        ulong r0 = AddWithCarry(a.L0, b.L0, ref carry);
        ulong r1 = AddWithCarry(a.L1, b.L1, ref carry);
        ulong r2 = AddWithCarry(a.L2, b.L2, ref carry);
        ulong r3 = a.L3 + b.L3 + carry;
        ReduceOnce(r0, r1, r2, r3, out result);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fp256<TParams> a, out Fp256<TParams> result)
    {
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3;
        ReduceOnce(a0 << 1, (a1 << 1) | (a0 >> 63), (a2 << 1) | (a1 >> 63), (a3 << 1) | (a2 >> 63), out result);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Subtract(in Fp256<TParams> a, in Fp256<TParams> b, out Fp256<TParams> result)
    {
        ulong borrow = 0;
        ulong r0 = SubtractWithBorrow(a.L0, b.L0, ref borrow);
        ulong r1 = SubtractWithBorrow(a.L1, b.L1, ref borrow);
        ulong r2 = SubtractWithBorrow(a.L2, b.L2, ref borrow);
        ulong r3 = a.L3 - b.L3 - borrow;

        // a - b lies in (-p, p), within ±2^254, so a negative difference shows in the sign of the top
        // limb; adding p then (masked in without a branch, the sign is data-dependent) brings it back
        // into [0, p).
        ulong mask = (ulong)((long)r3 >> 63);
        ulong carry = 0;
        r0 = AddWithCarry(r0, TParams.Modulus0 & mask, ref carry);
        r1 = AddWithCarry(r1, TParams.Modulus1 & mask, ref carry);
        r2 = AddWithCarry(r2, TParams.Modulus2 & mask, ref carry);
        r3 += (TParams.Modulus3 & mask) + carry;
        result = new Fp256<TParams>(r0, r1, r2, r3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(in Fp256<TParams> a, out Fp256<TParams> result)
    {
        // p - a, except that zero stays zero (p itself is not a canonical value).
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3;
        ulong mask = (a0 | a1 | a2 | a3) == 0 ? 0 : ulong.MaxValue;
        ulong borrow = 0;
        ulong r0 = SubtractWithBorrow(TParams.Modulus0, a0, ref borrow);
        ulong r1 = SubtractWithBorrow(TParams.Modulus1, a1, ref borrow);
        ulong r2 = SubtractWithBorrow(TParams.Modulus2, a2, ref borrow);
        ulong r3 = TParams.Modulus3 - a3 - borrow;
        result = new Fp256<TParams>(r0 & mask, r1 & mask, r2 & mask, r3 & mask);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Halve(in Fp256<TParams> a, out Fp256<TParams> result)
    {
        // An odd value is made even by adding p (odd); a + p < 2^255 fits, then shift right.
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3;
        ulong mask = 0 - (a0 & 1);
        ulong carry = 0;
        a0 = AddWithCarry(a0, TParams.Modulus0 & mask, ref carry);
        a1 = AddWithCarry(a1, TParams.Modulus1 & mask, ref carry);
        a2 = AddWithCarry(a2, TParams.Modulus2 & mask, ref carry);
        a3 += (TParams.Modulus3 & mask) + carry;
        result = new Fp256<TParams>((a0 >> 1) | (a1 << 63), (a1 >> 1) | (a2 << 63), (a2 >> 1) | (a3 << 63), a3 >> 1);
    }

    /// <summary>
    /// Montgomery multiplication a·b·R^-1 mod p by coarsely integrated operand scanning (CIOS, Koç,
    /// Acar and Kaliski, "Analyzing and comparing Montgomery multiplication algorithms", 1996), in the
    /// variant that drops the extra carry word because the top limb of p leaves a spare bit (Botrel and
    /// El Housni, "EdMSM: multi-scalar-multiplication for SNARKs and faster Montgomery multiplication",
    /// 2022). Each round adds a·b_i, then m·p with m chosen to clear the low limb, and
    /// shifts one limb down; the result is below 2p, so one conditional subtraction finishes.
    /// Operands may be unreduced, up to 2p: the running value stays below a + p &lt; 3p &lt; 2^256 and the
    /// result below 4p^2/R + p &lt; 2p because 4p &lt; R (the lazy additions of <see cref="SquareComplex"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(in Fp256<TParams> a, in Fp256<TParams> b, out Fp256<TParams> result)
    {
        // The limbs of b are read when their round needs them and the modulus limbs are immediates:
        // fewer live values leave the JIT fewer spills.
        ulong a0 = a.L0, a1 = a.L1, a2 = a.L2, a3 = a.L3;
        ulong inv = TParams.NegativeInverse;

        // Round 0: t = a·b0 (t starts at zero), then the reduction step.
        ulong t0, t1, t2, t3, c, m, carryA, bi;
        bi = b.L0;
        carryA = MultiplyAdd(a0, bi, 0, 0, out t0);
        m = t0 * inv;
        c = ReductionCarry(m, TParams.Modulus0, t0);
        carryA = MultiplyAdd(a1, bi, carryA, 0, out t1);
        c = MultiplyAdd(m, TParams.Modulus1, t1, c, out t0);
        carryA = MultiplyAdd(a2, bi, carryA, 0, out t2);
        c = MultiplyAdd(m, TParams.Modulus2, t2, c, out t1);
        carryA = MultiplyAdd(a3, bi, carryA, 0, out t3);
        c = MultiplyAdd(m, TParams.Modulus3, t3, c, out t2);
        t3 = c + carryA;

        // Rounds 1..3: t = (t + a·b_i + m·p) / 2^64.
        bi = b.L1;
        carryA = MultiplyAdd(a0, bi, t0, 0, out t0);
        m = t0 * inv;
        c = ReductionCarry(m, TParams.Modulus0, t0);
        carryA = MultiplyAdd(a1, bi, t1, carryA, out t1);
        c = MultiplyAdd(m, TParams.Modulus1, t1, c, out t0);
        carryA = MultiplyAdd(a2, bi, t2, carryA, out t2);
        c = MultiplyAdd(m, TParams.Modulus2, t2, c, out t1);
        carryA = MultiplyAdd(a3, bi, t3, carryA, out t3);
        c = MultiplyAdd(m, TParams.Modulus3, t3, c, out t2);
        t3 = c + carryA;

        bi = b.L2;
        carryA = MultiplyAdd(a0, bi, t0, 0, out t0);
        m = t0 * inv;
        c = ReductionCarry(m, TParams.Modulus0, t0);
        carryA = MultiplyAdd(a1, bi, t1, carryA, out t1);
        c = MultiplyAdd(m, TParams.Modulus1, t1, c, out t0);
        carryA = MultiplyAdd(a2, bi, t2, carryA, out t2);
        c = MultiplyAdd(m, TParams.Modulus2, t2, c, out t1);
        carryA = MultiplyAdd(a3, bi, t3, carryA, out t3);
        c = MultiplyAdd(m, TParams.Modulus3, t3, c, out t2);
        t3 = c + carryA;

        bi = b.L3;
        carryA = MultiplyAdd(a0, bi, t0, 0, out t0);
        m = t0 * inv;
        c = ReductionCarry(m, TParams.Modulus0, t0);
        carryA = MultiplyAdd(a1, bi, t1, carryA, out t1);
        c = MultiplyAdd(m, TParams.Modulus1, t1, c, out t0);
        carryA = MultiplyAdd(a2, bi, t2, carryA, out t2);
        c = MultiplyAdd(m, TParams.Modulus2, t2, c, out t1);
        carryA = MultiplyAdd(a3, bi, t3, carryA, out t3);
        c = MultiplyAdd(m, TParams.Modulus3, t3, c, out t2);
        t3 = c + carryA;

        ReduceOnce(t0, t1, t2, t3, out result);
    }

    public static void Square(in Fp256<TParams> a, out Fp256<TParams> result) => Multiply(in a, in a, out result);

    /// <summary>
    /// (a0 + a1·i)(b0 + b1·i) with i^2 = -1, by Karatsuba with lazy reduction (Aranha, Karabina, Longa,
    /// Gebotys and López, "Faster explicit formulas for computing pairings over ordinary curves",
    /// EUROCRYPT 2011): the three 512-bit products a0·b0, a1·b1 and (a0 + a1)(b0 + b1) are combined
    /// unreduced and only two Montgomery reductions follow, instead of three full multiplications.
    /// c0 = a0·b0 - a1·b1 is brought into [0, pR) by adding p·2^256 when negative; c1 = a0·b1 + a1·b0 is
    /// below 2p^2 &lt; pR. Both reductions then land below 2p.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyComplex(
        in Fp256<TParams> a0, in Fp256<TParams> a1, in Fp256<TParams> b0, in Fp256<TParams> b1,
        out Fp256<TParams> c0, out Fp256<TParams> c1)
    {
        Product(a0.L0, a0.L1, a0.L2, a0.L3, b0.L0, b0.L1, b0.L2, b0.L3,
            out ulong v00, out ulong v01, out ulong v02, out ulong v03, out ulong v04, out ulong v05, out ulong v06, out ulong v07);
        Product(a1.L0, a1.L1, a1.L2, a1.L3, b1.L0, b1.L1, b1.L2, b1.L3,
            out ulong v10, out ulong v11, out ulong v12, out ulong v13, out ulong v14, out ulong v15, out ulong v16, out ulong v17);

        // (a0 + a1) and (b0 + b1) unreduced: below 2p < 2^255, no carry out of the top limb.
        ulong carry = 0;
        ulong x0 = AddWithCarry(a0.L0, a1.L0, ref carry);
        ulong x1 = AddWithCarry(a0.L1, a1.L1, ref carry);
        ulong x2 = AddWithCarry(a0.L2, a1.L2, ref carry);
        ulong x3 = a0.L3 + a1.L3 + carry;
        carry = 0;
        ulong y0 = AddWithCarry(b0.L0, b1.L0, ref carry);
        ulong y1 = AddWithCarry(b0.L1, b1.L1, ref carry);
        ulong y2 = AddWithCarry(b0.L2, b1.L2, ref carry);
        ulong y3 = b0.L3 + b1.L3 + carry;
        Product(x0, x1, x2, x3, y0, y1, y2, y3,
            out ulong s0, out ulong s1, out ulong s2, out ulong s3, out ulong s4, out ulong s5, out ulong s6, out ulong s7);

        // s - v0 - v1 = a0·b1 + a1·b0 >= 0.
        ulong borrow = 0;
        s0 = SubtractWithBorrow(s0, v00, ref borrow);
        s1 = SubtractWithBorrow(s1, v01, ref borrow);
        s2 = SubtractWithBorrow(s2, v02, ref borrow);
        s3 = SubtractWithBorrow(s3, v03, ref borrow);
        s4 = SubtractWithBorrow(s4, v04, ref borrow);
        s5 = SubtractWithBorrow(s5, v05, ref borrow);
        s6 = SubtractWithBorrow(s6, v06, ref borrow);
        s7 = SubtractWithBorrow(s7, v07, ref borrow);
        borrow = 0;
        s0 = SubtractWithBorrow(s0, v10, ref borrow);
        s1 = SubtractWithBorrow(s1, v11, ref borrow);
        s2 = SubtractWithBorrow(s2, v12, ref borrow);
        s3 = SubtractWithBorrow(s3, v13, ref borrow);
        s4 = SubtractWithBorrow(s4, v14, ref borrow);
        s5 = SubtractWithBorrow(s5, v15, ref borrow);
        s6 = SubtractWithBorrow(s6, v16, ref borrow);
        s7 = SubtractWithBorrow(s7, v17, ref borrow);

        // v0 - v1, plus p·2^256 (modulo 2^512) if it went negative.
        borrow = 0;
        v00 = SubtractWithBorrow(v00, v10, ref borrow);
        v01 = SubtractWithBorrow(v01, v11, ref borrow);
        v02 = SubtractWithBorrow(v02, v12, ref borrow);
        v03 = SubtractWithBorrow(v03, v13, ref borrow);
        v04 = SubtractWithBorrow(v04, v14, ref borrow);
        v05 = SubtractWithBorrow(v05, v15, ref borrow);
        v06 = SubtractWithBorrow(v06, v16, ref borrow);
        v07 = SubtractWithBorrow(v07, v17, ref borrow);
        ulong mask = 0 - borrow;
        carry = 0;
        v04 = AddWithCarry(v04, TParams.Modulus0 & mask, ref carry);
        v05 = AddWithCarry(v05, TParams.Modulus1 & mask, ref carry);
        v06 = AddWithCarry(v06, TParams.Modulus2 & mask, ref carry);
        v07 += (TParams.Modulus3 & mask) + carry;

        MontgomeryReduce(v00, v01, v02, v03, v04, v05, v06, v07, out c0);
        MontgomeryReduce(s0, s1, s2, s3, s4, s5, s6, s7, out c1);
    }

    /// <summary>
    /// (a0 + a1·i)^2 = (a0 + a1)(a0 - a1) + 2a0a1·i with the three additions left unreduced (each below
    /// 2p, which <see cref="Multiply"/> accepts): two multiplications and no modular additions.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SquareComplex(in Fp256<TParams> a0, in Fp256<TParams> a1, out Fp256<TParams> c0, out Fp256<TParams> c1)
    {
        ulong carry = 0;
        var sum = new Fp256<TParams>(
            AddWithCarry(a0.L0, a1.L0, ref carry),
            AddWithCarry(a0.L1, a1.L1, ref carry),
            AddWithCarry(a0.L2, a1.L2, ref carry),
            a0.L3 + a1.L3 + carry);

        // a0 - a1 + p = a0 + (p - a1), in (0, 2p).
        ulong borrow = 0;
        ulong d0 = SubtractWithBorrow(TParams.Modulus0, a1.L0, ref borrow);
        ulong d1 = SubtractWithBorrow(TParams.Modulus1, a1.L1, ref borrow);
        ulong d2 = SubtractWithBorrow(TParams.Modulus2, a1.L2, ref borrow);
        ulong d3 = TParams.Modulus3 - a1.L3 - borrow;
        carry = 0;
        var difference = new Fp256<TParams>(
            AddWithCarry(d0, a0.L0, ref carry),
            AddWithCarry(d1, a0.L1, ref carry),
            AddWithCarry(d2, a0.L2, ref carry),
            d3 + a0.L3 + carry);

        var twice = new Fp256<TParams>(a0.L0 << 1, (a0.L1 << 1) | (a0.L0 >> 63), (a0.L2 << 1) | (a0.L1 >> 63), (a0.L3 << 1) | (a0.L2 >> 63));
        Multiply(in twice, in a1, out var imaginary);
        Multiply(in sum, in difference, out c0);
        c1 = imaginary;
    }

    /// <summary>
    /// 3x - 2y as the integer 3x + 2(p - y) below 5p, reduced once by <see cref="ReduceSmallMultiple"/>
    /// instead of a subtraction, a doubling and an addition each with its own reduction.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThreeMinusTwo(in Fp256<TParams> x, in Fp256<TParams> y, out Fp256<TParams> result)
    {
        ulong borrow = 0;
        ulong n0 = SubtractWithBorrow(TParams.Modulus0, y.L0, ref borrow);
        ulong n1 = SubtractWithBorrow(TParams.Modulus1, y.L1, ref borrow);
        ulong n2 = SubtractWithBorrow(TParams.Modulus2, y.L2, ref borrow);
        ulong n3 = TParams.Modulus3 - y.L3 - borrow;
        ThreeTimesPlusTwice(in x, n0, n1, n2, n3, out result);
    }

    /// <summary>3x + 2y as one integer below 5p, reduced once (see <see cref="ThreeMinusTwo"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ThreePlusTwo(in Fp256<TParams> x, in Fp256<TParams> y, out Fp256<TParams> result) =>
        ThreeTimesPlusTwice(in x, y.L0, y.L1, y.L2, y.L3, out result);

    /// <summary>
    /// x mod p for a five-limb x below 16p, with one truncated-quotient step (Barrett reduction with the
    /// quotient estimated from the top bits, Menezes, van Oorschot and Vanstone, "Handbook of Applied
    /// Cryptography", §14.3.3). With X = x/2^248 and P = p/2^248 in [t, t + 1) for the top byte t of p,
    /// q' = floor(floor(X)/(t + 1)) satisfies q' &lt;= floor(x/p) &lt;= q' + 1 whenever 16/t + 1/(t + 1) &lt; 1,
    /// so x - q'p is below 2p and one conditional subtraction finishes. A modulus with a smaller top byte
    /// (none of the fields here) takes the slow path, resolved when the JIT specialises the type.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ReduceSmallMultiple(
        ulong x0, ulong x1, ulong x2, ulong x3, ulong x4, out Fp256<TParams> result)
    {
        const int MinimumTopByte = 32;
        ulong top = TParams.Modulus3 >> 56;
        if (top < MinimumTopByte)
        {
            ReduceSmallMultipleSlowly(x0, x1, x2, x3, x4, out result);
            return;
        }

        // q' <= floor(x/p) <= 15: q'p is read from a table of the first sixteen multiples rather than
        // multiplied out (this runs in every multiplication by ξ and every cyclotomic squaring).
        ulong q = ((x4 << 8) | (x3 >> 56)) / (top + 1);
        var multiple = _smallMultiples.AsSpan((int)q * 4, 4);
        ulong m0 = multiple[0], m1 = multiple[1], m2 = multiple[2], m3 = multiple[3];

        // x - q'p < 2p < 2^255: the top limb and the final borrow cancel.
        ulong borrow = 0;
        x0 = SubtractWithBorrow(x0, m0, ref borrow);
        x1 = SubtractWithBorrow(x1, m1, ref borrow);
        x2 = SubtractWithBorrow(x2, m2, ref borrow);
        x3 = x3 - m3 - borrow;
        ReduceOnce(x0, x1, x2, x3, out result);
    }

    /// <summary>3x + 2y for x below p and y at most p: the integer is below 5p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ThreeTimesPlusTwice(in Fp256<TParams> x, ulong y0, ulong y1, ulong y2, ulong y3, out Fp256<TParams> result)
    {
        // 2y < 2^255 fits four limbs.
        ulong c = MultiplyAdd(x.L0, 3, y0 << 1, 0, out ulong r0);
        c = MultiplyAdd(x.L1, 3, (y1 << 1) | (y0 >> 63), c, out ulong r1);
        c = MultiplyAdd(x.L2, 3, (y2 << 1) | (y1 >> 63), c, out ulong r2);
        ulong r4 = MultiplyAdd(x.L3, 3, (y3 << 1) | (y2 >> 63), c, out ulong r3);
        ReduceSmallMultiple(r0, r1, r2, r3, r4, out result);
    }

    private static ulong[] ComputeSmallMultiples()
    {
        var multiples = new ulong[16 * 4];
        for (int k = 0; k < 16; k++)
        {
            ulong c = MultiplyAdd((ulong)k, TParams.Modulus0, 0, 0, out multiples[4 * k]);
            c = MultiplyAdd((ulong)k, TParams.Modulus1, c, 0, out multiples[(4 * k) + 1]);
            c = MultiplyAdd((ulong)k, TParams.Modulus2, c, 0, out multiples[(4 * k) + 2]);
            multiples[(4 * k) + 3] = ((ulong)k * TParams.Modulus3) + c;
        }

        return multiples;
    }

    /// <summary>x mod p by repeated subtraction of p, for moduli whose top byte is too small for the estimate.</summary>
    private static void ReduceSmallMultipleSlowly(
        ulong x0, ulong x1, ulong x2, ulong x3, ulong x4, out Fp256<TParams> result)
    {
        while (true)
        {
            ulong borrow = 0;
            ulong s0 = SubtractWithBorrow(x0, TParams.Modulus0, ref borrow);
            ulong s1 = SubtractWithBorrow(x1, TParams.Modulus1, ref borrow);
            ulong s2 = SubtractWithBorrow(x2, TParams.Modulus2, ref borrow);
            ulong s3 = SubtractWithBorrow(x3, TParams.Modulus3, ref borrow);
            ulong s4 = SubtractWithBorrow(x4, 0, ref borrow);
            if (borrow != 0)
            {
                result = new Fp256<TParams>(x0, x1, x2, x3);
                return;
            }

            (x0, x1, x2, x3, x4) = (s0, s1, s2, s3, s4);
        }
    }

    /// <summary>Inversion by Fermat's little theorem, a^(p-2); zero maps to zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Invert(in Fp256<TParams> a, out Fp256<TParams> result)
    {
        Span<ulong> exponent = stackalloc ulong[4];
        TParams.ModulusLimbs.CopyTo(exponent);

        // p is odd and its low limb is at least 2, so p - 2 does not borrow out of limb 0.
        exponent[0] -= 2;
        FieldAlgorithms.Pow(in a, exponent, out result);
    }

    public static bool TryReadBigEndian(ReadOnlySpan<byte> source, out Fp256<TParams> result)
    {
        ulong l3 = BinaryPrimitives.ReadUInt64BigEndian(source);
        ulong l2 = BinaryPrimitives.ReadUInt64BigEndian(source[8..]);
        ulong l1 = BinaryPrimitives.ReadUInt64BigEndian(source[16..]);
        ulong l0 = BinaryPrimitives.ReadUInt64BigEndian(source[24..]);

        // Canonical encodings only (EIP-196: a coordinate not below p is invalid input).
        ulong borrow = 0;
        SubtractWithBorrow(l0, TParams.Modulus0, ref borrow);
        SubtractWithBorrow(l1, TParams.Modulus1, ref borrow);
        SubtractWithBorrow(l2, TParams.Modulus2, ref borrow);
        SubtractWithBorrow(l3, TParams.Modulus3, ref borrow);
        if (borrow == 0)
        {
            result = default;
            return false;
        }

        var raw = new Fp256<TParams>(l0, l1, l2, l3);
        ToMontgomery(in raw, out result);
        return true;
    }

    public static void WriteBigEndian(in Fp256<TParams> a, Span<byte> destination)
    {
        FromMontgomery(in a, out var raw);
        BinaryPrimitives.WriteUInt64BigEndian(destination, raw.L3);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], raw.L2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], raw.L1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], raw.L0);
    }

    /// <summary>x·R mod p from an integer x below p: one Montgomery multiplication by R^2.</summary>
    internal static void ToMontgomery(in Fp256<TParams> raw, out Fp256<TParams> result)
    {
        var rSquared = new Fp256<TParams>(TParams.RSquared0, TParams.RSquared1, TParams.RSquared2, TParams.RSquared3);
        Multiply(in raw, in rSquared, out result);
    }

    /// <summary>The integer a·R^-1 mod p: one Montgomery multiplication by the integer 1.</summary>
    internal static void FromMontgomery(in Fp256<TParams> a, out Fp256<TParams> raw)
    {
        var one = new Fp256<TParams>(1, 0, 0, 0);
        Multiply(in a, in one, out raw);
    }

    /// <summary>The 512-bit product of two 256-bit integers, schoolbook by rows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Product(
        ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3,
        out ulong r0, out ulong r1, out ulong r2, out ulong r3, out ulong r4, out ulong r5, out ulong r6, out ulong r7)
    {
        ulong c = MultiplyAdd(a0, b0, 0, 0, out r0);
        c = MultiplyAdd(a1, b0, c, 0, out r1);
        c = MultiplyAdd(a2, b0, c, 0, out r2);
        r4 = MultiplyAdd(a3, b0, c, 0, out r3);

        c = MultiplyAdd(a0, b1, r1, 0, out r1);
        c = MultiplyAdd(a1, b1, r2, c, out r2);
        c = MultiplyAdd(a2, b1, r3, c, out r3);
        r5 = MultiplyAdd(a3, b1, r4, c, out r4);

        c = MultiplyAdd(a0, b2, r2, 0, out r2);
        c = MultiplyAdd(a1, b2, r3, c, out r3);
        c = MultiplyAdd(a2, b2, r4, c, out r4);
        r6 = MultiplyAdd(a3, b2, r5, c, out r5);

        c = MultiplyAdd(a0, b3, r3, 0, out r3);
        c = MultiplyAdd(a1, b3, r4, c, out r4);
        c = MultiplyAdd(a2, b3, r5, c, out r5);
        r7 = MultiplyAdd(a3, b3, r6, c, out r6);
    }

    /// <summary>
    /// Montgomery reduction T·R^-1 mod p of a 512-bit T below p·R: four rounds each adding m·p·2^(64i)
    /// with m clearing limb i, the carry rippling into the upper half; the quotient by R is below 2p.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MontgomeryReduce(
        ulong t0, ulong t1, ulong t2, ulong t3, ulong t4, ulong t5, ulong t6, ulong t7, out Fp256<TParams> result)
    {
        ulong inv = TParams.NegativeInverse;
        ulong extra = 0;

        ulong m = t0 * inv;
        ulong c = ReductionCarry(m, TParams.Modulus0, t0);
        c = MultiplyAdd(m, TParams.Modulus1, t1, c, out t1);
        c = MultiplyAdd(m, TParams.Modulus2, t2, c, out t2);
        c = MultiplyAdd(m, TParams.Modulus3, t3, c, out t3);
        t4 = AddWithCarry(t4, c, ref extra);

        m = t1 * inv;
        c = ReductionCarry(m, TParams.Modulus0, t1);
        c = MultiplyAdd(m, TParams.Modulus1, t2, c, out t2);
        c = MultiplyAdd(m, TParams.Modulus2, t3, c, out t3);
        c = MultiplyAdd(m, TParams.Modulus3, t4, c, out t4);
        t5 = AddWithCarry(t5, c, ref extra);

        m = t2 * inv;
        c = ReductionCarry(m, TParams.Modulus0, t2);
        c = MultiplyAdd(m, TParams.Modulus1, t3, c, out t3);
        c = MultiplyAdd(m, TParams.Modulus2, t4, c, out t4);
        c = MultiplyAdd(m, TParams.Modulus3, t5, c, out t5);
        t6 = AddWithCarry(t6, c, ref extra);

        m = t3 * inv;
        c = ReductionCarry(m, TParams.Modulus0, t3);
        c = MultiplyAdd(m, TParams.Modulus1, t4, c, out t4);
        c = MultiplyAdd(m, TParams.Modulus2, t5, c, out t5);
        c = MultiplyAdd(m, TParams.Modulus3, t6, c, out t6);

        // (T + M·p)/R < 2p < 2^256: the last carry cannot leave limb 7.
        t7 += c + extra;
        ReduceOnce(t4, t5, t6, t7, out result);
    }

    /// <summary>Subtracts p from a value below 2p when it is at least p, without a data-dependent branch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void ReduceOnce(ulong r0, ulong r1, ulong r2, ulong r3, out Fp256<TParams> result)
    {
        ulong borrow = 0;
        ulong s0 = SubtractWithBorrow(r0, TParams.Modulus0, ref borrow);
        ulong s1 = SubtractWithBorrow(r1, TParams.Modulus1, ref borrow);
        ulong s2 = SubtractWithBorrow(r2, TParams.Modulus2, ref borrow);
        ulong s3 = r3 - TParams.Modulus3 - borrow;

        // r - p lies in (-p, p), within ±2^254, so the sign of its top limb is the borrow out of the
        // subtraction: all ones (keep r) when r < p, zero (keep r - p) otherwise.
        ulong keep = (ulong)((long)s3 >> 63);
        result = new Fp256<TParams>(
            (r0 & keep) | (s0 & ~keep),
            (r1 & keep) | (s1 & ~keep),
            (r2 & keep) | (s2 & ~keep),
            (r3 & keep) | (s3 & ~keep));
    }
}

// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// The quadratic extension Fp12 = Fp6[w]/(w^2 - v), an element being C0 + C1·w. Seen over Fp2 the basis is
/// 1, w, ..., w^5 with w^6 = ξ: coefficient i of w^i lives in <c>C(i mod 2).C(i / 2)</c>. That view gives
/// the Frobenius maps, the sparse line multiplications (one shape per twist type, BN254's D-type and
/// BLS12-381's M-type) and the cyclotomic squaring below.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Fp12<TFp, TTower> : IField<Fp12<TFp, TTower>>
    where TFp : unmanaged, IPrimeField<TFp>
    where TTower : struct, ITowerParams<TFp>
{
    internal Fp6<TFp, TTower> C0;
    internal Fp6<TFp, TTower> C1;

    internal Fp12(in Fp6<TFp, TTower> c0, in Fp6<TFp, TTower> c1)
    {
        C0 = c0;
        C1 = c1;
    }

    public static Fp12<TFp, TTower> Zero => default;

    public static Fp12<TFp, TTower> One => new(Fp6<TFp, TTower>.One, Fp6<TFp, TTower>.Zero);

    public static bool IsZero(in Fp12<TFp, TTower> a) =>
        Fp6<TFp, TTower>.IsZero(in a.C0) && Fp6<TFp, TTower>.IsZero(in a.C1);

    public static bool AreEqual(in Fp12<TFp, TTower> a, in Fp12<TFp, TTower> b) =>
        Fp6<TFp, TTower>.AreEqual(in a.C0, in b.C0) && Fp6<TFp, TTower>.AreEqual(in a.C1, in b.C1);

    public static bool IsOne(in Fp12<TFp, TTower> a)
    {
        var one = One;
        return AreEqual(in a, in one);
    }

    public static void Add(in Fp12<TFp, TTower> a, in Fp12<TFp, TTower> b, out Fp12<TFp, TTower> result)
    {
        Fp6<TFp, TTower>.Add(in a.C0, in b.C0, out var c0);
        Fp6<TFp, TTower>.Add(in a.C1, in b.C1, out var c1);
        result = new Fp12<TFp, TTower>(in c0, in c1);
    }

    public static void Subtract(in Fp12<TFp, TTower> a, in Fp12<TFp, TTower> b, out Fp12<TFp, TTower> result)
    {
        Fp6<TFp, TTower>.Subtract(in a.C0, in b.C0, out var c0);
        Fp6<TFp, TTower>.Subtract(in a.C1, in b.C1, out var c1);
        result = new Fp12<TFp, TTower>(in c0, in c1);
    }

    public static void Negate(in Fp12<TFp, TTower> a, out Fp12<TFp, TTower> result)
    {
        Fp6<TFp, TTower>.Negate(in a.C0, out var c0);
        Fp6<TFp, TTower>.Negate(in a.C1, out var c1);
        result = new Fp12<TFp, TTower>(in c0, in c1);
    }

    public static void Double(in Fp12<TFp, TTower> a, out Fp12<TFp, TTower> result)
    {
        Fp6<TFp, TTower>.Double(in a.C0, out var c0);
        Fp6<TFp, TTower>.Double(in a.C1, out var c1);
        result = new Fp12<TFp, TTower>(in c0, in c1);
    }

    public static void Halve(in Fp12<TFp, TTower> a, out Fp12<TFp, TTower> result)
    {
        Fp6<TFp, TTower>.Halve(in a.C0, out var c0);
        Fp6<TFp, TTower>.Halve(in a.C1, out var c1);
        result = new Fp12<TFp, TTower>(in c0, in c1);
    }

    /// <summary>Karatsuba: (a0 + a1w)(b0 + b1w) = (a0b0 + v·a1b1) + ((a0 + a1)(b0 + b1) - a0b0 - a1b1)w.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(in Fp12<TFp, TTower> a, in Fp12<TFp, TTower> b, out Fp12<TFp, TTower> result)
    {
        Fp6<TFp, TTower>.Multiply(in a.C0, in b.C0, out var v0);
        Fp6<TFp, TTower>.Multiply(in a.C1, in b.C1, out var v1);
        Fp6<TFp, TTower>.Add(in a.C0, in a.C1, out var sa);
        Fp6<TFp, TTower>.Add(in b.C0, in b.C1, out var sb);
        Fp6<TFp, TTower>.Multiply(in sa, in sb, out var c1);
        Fp6<TFp, TTower>.Subtract(in c1, in v0, out c1);
        Fp6<TFp, TTower>.Subtract(in c1, in v1, out c1);
        Fp6<TFp, TTower>.MultiplyByV(in v1, out var c0);
        Fp6<TFp, TTower>.Add(in c0, in v0, out c0);
        result = new Fp12<TFp, TTower>(in c0, in c1);
    }

    /// <summary>
    /// Complex squaring, two Fp6 multiplications: with m = a0a1, c0 = (a0 + a1)(a0 + v·a1) - m - v·m and
    /// c1 = 2m (Devegili et al., "Multiplication and squaring on pairing-friendly fields", 2006).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Square(in Fp12<TFp, TTower> a, out Fp12<TFp, TTower> result)
    {
        Fp6<TFp, TTower>.Multiply(in a.C0, in a.C1, out var m);
        Fp6<TFp, TTower>.Add(in a.C0, in a.C1, out var s);
        Fp6<TFp, TTower>.MultiplyByV(in a.C1, out var t);
        Fp6<TFp, TTower>.Add(in t, in a.C0, out t);
        Fp6<TFp, TTower>.Multiply(in s, in t, out var c0);
        Fp6<TFp, TTower>.Subtract(in c0, in m, out c0);
        Fp6<TFp, TTower>.MultiplyByV(in m, out t);
        Fp6<TFp, TTower>.Subtract(in c0, in t, out c0);
        Fp6<TFp, TTower>.Double(in m, out var c1);
        result = new Fp12<TFp, TTower>(in c0, in c1);
    }

    /// <summary>1/(a0 + a1w) = (a0 - a1w)/(a0^2 - v·a1^2): one Fp6 inversion.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Invert(in Fp12<TFp, TTower> a, out Fp12<TFp, TTower> result)
    {
        Fp6<TFp, TTower>.Square(in a.C0, out var t0);
        Fp6<TFp, TTower>.Square(in a.C1, out var t1);
        Fp6<TFp, TTower>.MultiplyByV(in t1, out t1);
        Fp6<TFp, TTower>.Subtract(in t0, in t1, out t0);
        Fp6<TFp, TTower>.Invert(in t0, out t0);
        Fp6<TFp, TTower>.Multiply(in a.C0, in t0, out var c0);
        Fp6<TFp, TTower>.Multiply(in a.C1, in t0, out var c1);
        Fp6<TFp, TTower>.Negate(in c1, out c1);
        result = new Fp12<TFp, TTower>(in c0, in c1);
    }

    /// <summary>a0 - a1w: the p^6-power Frobenius, and the inverse of any element of the cyclotomic subgroup.</summary>
    public static void Conjugate(in Fp12<TFp, TTower> a, out Fp12<TFp, TTower> result)
    {
        Fp6<TFp, TTower>.Negate(in a.C1, out var c1);
        result = new Fp12<TFp, TTower>(in a.C0, in c1);
    }

    /// <summary>
    /// The p^k-power Frobenius map for k = 1, 2 or 3. On the Fp2 basis, (g·w^i)^(p^k) = g^(p^k)·w^i·w^(i(p^k - 1))
    /// and w^(p^k - 1) = ξ^((p^k - 1)/6), so each coefficient is conjugated when k is odd and multiplied by
    /// the constant γ_{k,i} = ξ^(i(p^k - 1)/6) of <see cref="FrobeniusCoefficients{TFp, TTower}"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Frobenius(in Fp12<TFp, TTower> a, int power, out Fp12<TFp, TTower> result)
    {
        var gammas = power switch
        {
            1 => FrobeniusCoefficients<TFp, TTower>.Gamma1,
            2 => FrobeniusCoefficients<TFp, TTower>.Gamma2,
            _ => FrobeniusCoefficients<TFp, TTower>.Gamma3,
        };

        Fp2<TFp> g0 = a.C0.C0, g1 = a.C1.C0, g2 = a.C0.C1, g3 = a.C1.C1, g4 = a.C0.C2, g5 = a.C1.C2;
        if ((power & 1) != 0)
        {
            Fp2<TFp>.Conjugate(in g0, out g0);
            Fp2<TFp>.Conjugate(in g1, out g1);
            Fp2<TFp>.Conjugate(in g2, out g2);
            Fp2<TFp>.Conjugate(in g3, out g3);
            Fp2<TFp>.Conjugate(in g4, out g4);
            Fp2<TFp>.Conjugate(in g5, out g5);
        }

        Fp2<TFp>.Multiply(in g1, in gammas[1], out g1);
        Fp2<TFp>.Multiply(in g2, in gammas[2], out g2);
        Fp2<TFp>.Multiply(in g3, in gammas[3], out g3);
        Fp2<TFp>.Multiply(in g4, in gammas[4], out g4);
        Fp2<TFp>.Multiply(in g5, in gammas[5], out g5);
        result = new Fp12<TFp, TTower>(new Fp6<TFp, TTower>(in g0, in g2, in g4), new Fp6<TFp, TTower>(in g1, in g3, in g5));
    }

    /// <summary>
    /// Squaring of an element of the cyclotomic subgroup (norm 1 over Fp6, as after the easy part of the
    /// final exponentiation), Granger and Scott, "Faster squaring in the cyclotomic subgroup of sixth degree
    /// extensions" (PKC 2010). With s = w^3 (s^2 = ξ) the element is A + B·w + C·w^2 over
    /// Fp4 = Fp2[s], A = g0 + g3s, B = g1 + g4s, C = g2 + g5s, and its square is
    /// (3A^2 - 2·conj(A)) + (3s·C^2 + 2·conj(B))w + (3B^2 - 2·conj(C))w^2: three Fp4 squarings
    /// (six Fp2 squarings) instead of two Fp6 multiplications.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CyclotomicSquare(in Fp12<TFp, TTower> a, out Fp12<TFp, TTower> result)
    {
        Fp2<TFp> g0 = a.C0.C0, g1 = a.C1.C0, g2 = a.C0.C1, g3 = a.C1.C1, g4 = a.C0.C2, g5 = a.C1.C2;
        SquareFp4(in g0, in g3, out var a0, out var a1);
        SquareFp4(in g1, in g4, out var b0, out var b1);
        SquareFp4(in g2, in g5, out var c0, out var c1);

        // The inputs are all in locals now, so the coefficients go straight into result (which may alias a):
        // building temporaries and copying them would move freshly stored limbs with vector loads, which
        // cannot be store-forwarded.
        Unsafe.SkipInit(out result);

        // A' = 3A^2 - 2·conj(A): (3a0 - 2g0) + (3a1 + 2g3)s.
        ThreeMinusTwo(in a0, in g0, out result.C0.C0);
        ThreePlusTwo(in a1, in g3, out result.C1.C1);

        // B' = 3s·C^2 + 2·conj(B), with s·C^2 = ξc1 + c0·s: (3ξc1 + 2g1) + (3c0 - 2g4)s.
        TTower.MultiplyByNonResidue(in c1, out var xc1);
        ThreePlusTwo(in xc1, in g1, out result.C1.C0);
        ThreeMinusTwo(in c0, in g4, out result.C0.C2);

        // C' = 3B^2 - 2·conj(C): (3b0 - 2g2) + (3b1 + 2g5)s.
        ThreeMinusTwo(in b0, in g2, out result.C0.C1);
        ThreePlusTwo(in b1, in g5, out result.C1.C2);
    }

    /// <summary>
    /// Multiplication by a sparse element with only the coefficients of w^0, w^1 and w^3, the shape of a
    /// line function on a D-type sextic twist (BN254): thirteen Fp2 multiplications instead of eighteen.
    /// In the Fp6 basis the line is (c0, 0, 0) + (c1, c3, 0)·w.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyBy013(
        in Fp12<TFp, TTower> a, in Fp2<TFp> c0, in Fp2<TFp> c1, in Fp2<TFp> c3, out Fp12<TFp, TTower> result)
    {
        Fp6<TFp, TTower>.MultiplyByFp2(in a.C0, in c0, out var t0);
        Fp6<TFp, TTower>.MultiplyBy01(in a.C1, in c1, in c3, out var t1);
        Fp6<TFp, TTower>.Add(in a.C0, in a.C1, out var s);
        Fp2<TFp>.Add(in c0, in c1, out var c01);
        Fp6<TFp, TTower>.MultiplyBy01(in s, in c01, in c3, out var r1);
        Fp6<TFp, TTower>.Subtract(in r1, in t0, out r1);
        Fp6<TFp, TTower>.Subtract(in r1, in t1, out r1);
        Fp6<TFp, TTower>.MultiplyByV(in t1, out var r0);
        Fp6<TFp, TTower>.Add(in r0, in t0, out r0);
        result = new Fp12<TFp, TTower>(in r0, in r1);
    }

    /// <summary>
    /// Multiplication by a sparse element with only the coefficients of w^0, w^2 and w^3, the shape of a line
    /// function on an M-type sextic twist (BLS12-381) once scaled by w^3: thirteen Fp2 multiplications instead
    /// of eighteen. In the Fp6 basis the line is (c0, c2, 0) + (0, c3, 0)·w, so Karatsuba needs
    /// a0·(c0 + c2v), a1·c3v and (a0 + a1)·(c0 + (c2 + c3)v).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyBy023(
        in Fp12<TFp, TTower> a, in Fp2<TFp> c0, in Fp2<TFp> c2, in Fp2<TFp> c3, out Fp12<TFp, TTower> result)
    {
        Fp6<TFp, TTower>.MultiplyBy01(in a.C0, in c0, in c2, out var t0);
        Fp6<TFp, TTower>.MultiplyBy1(in a.C1, in c3, out var t1);
        Fp6<TFp, TTower>.Add(in a.C0, in a.C1, out var s);
        Fp2<TFp>.Add(in c2, in c3, out var c23);
        Fp6<TFp, TTower>.MultiplyBy01(in s, in c0, in c23, out var r1);
        Fp6<TFp, TTower>.Subtract(in r1, in t0, out r1);
        Fp6<TFp, TTower>.Subtract(in r1, in t1, out r1);
        Fp6<TFp, TTower>.MultiplyByV(in t1, out var r0);
        Fp6<TFp, TTower>.Add(in r0, in t0, out r0);
        result = new Fp12<TFp, TTower>(in r0, in r1);
    }

    /// <summary>(x0 + x1s)^2 with s^2 = ξ: (x0^2 + ξx1^2) + ((x0 + x1)^2 - x0^2 - x1^2)s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SquareFp4(in Fp2<TFp> x0, in Fp2<TFp> x1, out Fp2<TFp> r0, out Fp2<TFp> r1)
    {
        Fp2<TFp>.Square(in x0, out var t0);
        Fp2<TFp>.Square(in x1, out var t1);
        Fp2<TFp>.Add(in x0, in x1, out var s);
        Fp2<TFp>.Square(in s, out s);
        Fp2<TFp>.Subtract(in s, in t0, out s);
        Fp2<TFp>.Subtract(in s, in t1, out r1);
        TTower.MultiplyByNonResidue(in t1, out t1);
        Fp2<TFp>.Add(in t0, in t1, out r0);
    }

    /// <summary>3x - 2y coefficient-wise, by the base field (<see cref="IPrimeField{T}.ThreeMinusTwo"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ThreeMinusTwo(in Fp2<TFp> x, in Fp2<TFp> y, out Fp2<TFp> result)
    {
        // Callers never alias result with x or y.
        TFp.ThreeMinusTwo(in x.C0, in y.C0, out result.C0);
        TFp.ThreeMinusTwo(in x.C1, in y.C1, out result.C1);
    }

    /// <summary>3x + 2y coefficient-wise, by the base field (<see cref="IPrimeField{T}.ThreePlusTwo"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void ThreePlusTwo(in Fp2<TFp> x, in Fp2<TFp> y, out Fp2<TFp> result)
    {
        // Callers never alias result with x or y.
        TFp.ThreePlusTwo(in x.C0, in y.C0, out result.C0);
        TFp.ThreePlusTwo(in x.C1, in y.C1, out result.C1);
    }
}

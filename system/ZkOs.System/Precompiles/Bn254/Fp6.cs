// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// The cubic extension Fp6 = Fp2[v]/(v^3 - ξ), an element being C0 + C1·v + C2·v^2, with ξ from
/// <typeparamref name="TTower"/>. Formulas from Devegili, Ó hÉigeartaigh, Scott and Dahab,
/// "Multiplication and squaring on pairing-friendly fields" (2006).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Fp6<TFp, TTower> : IField<Fp6<TFp, TTower>>
    where TFp : unmanaged, IPrimeField<TFp>
    where TTower : struct, ITowerParams<TFp>
{
    internal Fp2<TFp> C0;
    internal Fp2<TFp> C1;
    internal Fp2<TFp> C2;

    internal Fp6(in Fp2<TFp> c0, in Fp2<TFp> c1, in Fp2<TFp> c2)
    {
        C0 = c0;
        C1 = c1;
        C2 = c2;
    }

    public static Fp6<TFp, TTower> Zero => default;

    public static Fp6<TFp, TTower> One => new(Fp2<TFp>.One, Fp2<TFp>.Zero, Fp2<TFp>.Zero);

    public static bool IsZero(in Fp6<TFp, TTower> a) =>
        Fp2<TFp>.IsZero(in a.C0) && Fp2<TFp>.IsZero(in a.C1) && Fp2<TFp>.IsZero(in a.C2);

    public static bool AreEqual(in Fp6<TFp, TTower> a, in Fp6<TFp, TTower> b) =>
        Fp2<TFp>.AreEqual(in a.C0, in b.C0) && Fp2<TFp>.AreEqual(in a.C1, in b.C1) && Fp2<TFp>.AreEqual(in a.C2, in b.C2);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(in Fp6<TFp, TTower> a, in Fp6<TFp, TTower> b, out Fp6<TFp, TTower> result)
    {
        Fp2<TFp>.Add(in a.C0, in b.C0, out var c0);
        Fp2<TFp>.Add(in a.C1, in b.C1, out var c1);
        Fp2<TFp>.Add(in a.C2, in b.C2, out var c2);
        result = new Fp6<TFp, TTower>(in c0, in c1, in c2);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Subtract(in Fp6<TFp, TTower> a, in Fp6<TFp, TTower> b, out Fp6<TFp, TTower> result)
    {
        Fp2<TFp>.Subtract(in a.C0, in b.C0, out var c0);
        Fp2<TFp>.Subtract(in a.C1, in b.C1, out var c1);
        Fp2<TFp>.Subtract(in a.C2, in b.C2, out var c2);
        result = new Fp6<TFp, TTower>(in c0, in c1, in c2);
    }

    public static void Negate(in Fp6<TFp, TTower> a, out Fp6<TFp, TTower> result)
    {
        Fp2<TFp>.Negate(in a.C0, out var c0);
        Fp2<TFp>.Negate(in a.C1, out var c1);
        Fp2<TFp>.Negate(in a.C2, out var c2);
        result = new Fp6<TFp, TTower>(in c0, in c1, in c2);
    }

    public static void Double(in Fp6<TFp, TTower> a, out Fp6<TFp, TTower> result)
    {
        Fp2<TFp>.Double(in a.C0, out var c0);
        Fp2<TFp>.Double(in a.C1, out var c1);
        Fp2<TFp>.Double(in a.C2, out var c2);
        result = new Fp6<TFp, TTower>(in c0, in c1, in c2);
    }

    public static void Halve(in Fp6<TFp, TTower> a, out Fp6<TFp, TTower> result)
    {
        Fp2<TFp>.Halve(in a.C0, out var c0);
        Fp2<TFp>.Halve(in a.C1, out var c1);
        Fp2<TFp>.Halve(in a.C2, out var c2);
        result = new Fp6<TFp, TTower>(in c0, in c1, in c2);
    }

    /// <summary>Karatsuba over the three coefficients: six Fp2 multiplications (Devegili et al.).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(in Fp6<TFp, TTower> a, in Fp6<TFp, TTower> b, out Fp6<TFp, TTower> result)
    {
        Fp2<TFp>.Multiply(in a.C0, in b.C0, out var v0);
        Fp2<TFp>.Multiply(in a.C1, in b.C1, out var v1);
        Fp2<TFp>.Multiply(in a.C2, in b.C2, out var v2);

        // c0 = v0 + ξ((a1 + a2)(b1 + b2) - v1 - v2)
        Fp2<TFp>.Add(in a.C1, in a.C2, out var sa);
        Fp2<TFp>.Add(in b.C1, in b.C2, out var sb);
        Fp2<TFp>.Multiply(in sa, in sb, out var c0);
        Fp2<TFp>.Subtract(in c0, in v1, out c0);
        Fp2<TFp>.Subtract(in c0, in v2, out c0);
        TTower.MultiplyByNonResidue(in c0, out c0);
        Fp2<TFp>.Add(in c0, in v0, out c0);

        // c1 = (a0 + a1)(b0 + b1) - v0 - v1 + ξv2
        Fp2<TFp>.Add(in a.C0, in a.C1, out sa);
        Fp2<TFp>.Add(in b.C0, in b.C1, out sb);
        Fp2<TFp>.Multiply(in sa, in sb, out var c1);
        Fp2<TFp>.Subtract(in c1, in v0, out c1);
        Fp2<TFp>.Subtract(in c1, in v1, out c1);
        TTower.MultiplyByNonResidue(in v2, out var t);
        Fp2<TFp>.Add(in c1, in t, out c1);

        // c2 = (a0 + a2)(b0 + b2) - v0 - v2 + v1
        Fp2<TFp>.Add(in a.C0, in a.C2, out sa);
        Fp2<TFp>.Add(in b.C0, in b.C2, out sb);
        Fp2<TFp>.Multiply(in sa, in sb, out var c2);
        Fp2<TFp>.Subtract(in c2, in v0, out c2);
        Fp2<TFp>.Subtract(in c2, in v2, out c2);
        Fp2<TFp>.Add(in c2, in v1, out c2);

        result = new Fp6<TFp, TTower>(in c0, in c1, in c2);
    }

    /// <summary>
    /// Chung-Hasan squaring CH-SQR2 (Devegili et al.): s0 = a0^2, s1 = 2a0a1, s2 = (a0 - a1 + a2)^2,
    /// s3 = 2a1a2, s4 = a2^2; c0 = s0 + ξs3, c1 = s1 + ξs4, c2 = s1 + s2 + s3 - s0 - s4.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Square(in Fp6<TFp, TTower> a, out Fp6<TFp, TTower> result)
    {
        Fp2<TFp>.Square(in a.C0, out var s0);
        Fp2<TFp>.Multiply(in a.C0, in a.C1, out var s1);
        Fp2<TFp>.Double(in s1, out s1);
        Fp2<TFp>.Subtract(in a.C0, in a.C1, out var s2);
        Fp2<TFp>.Add(in s2, in a.C2, out s2);
        Fp2<TFp>.Square(in s2, out s2);
        Fp2<TFp>.Multiply(in a.C1, in a.C2, out var s3);
        Fp2<TFp>.Double(in s3, out s3);
        Fp2<TFp>.Square(in a.C2, out var s4);

        TTower.MultiplyByNonResidue(in s3, out var c0);
        Fp2<TFp>.Add(in c0, in s0, out c0);
        TTower.MultiplyByNonResidue(in s4, out var c1);
        Fp2<TFp>.Add(in c1, in s1, out c1);
        Fp2<TFp>.Add(in s1, in s2, out var c2);
        Fp2<TFp>.Add(in c2, in s3, out c2);
        Fp2<TFp>.Subtract(in c2, in s0, out c2);
        Fp2<TFp>.Subtract(in c2, in s4, out c2);

        result = new Fp6<TFp, TTower>(in c0, in c1, in c2);
    }

    /// <summary>
    /// Inversion through the adjugate (Beuchat et al., "High-speed software implementation of the optimal
    /// ate pairing over Barreto-Naehrig curves", 2010): t0 = a0^2 - ξa1a2,
    /// t1 = ξa2^2 - a0a1, t2 = a1^2 - a0a2, and the norm a0t0 + ξ(a2t1 + a1t2) is inverted in Fp2.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Invert(in Fp6<TFp, TTower> a, out Fp6<TFp, TTower> result)
    {
        Fp2<TFp>.Square(in a.C0, out var t0);
        Fp2<TFp>.Multiply(in a.C1, in a.C2, out var t);
        TTower.MultiplyByNonResidue(in t, out t);
        Fp2<TFp>.Subtract(in t0, in t, out t0);

        Fp2<TFp>.Square(in a.C2, out var t1);
        TTower.MultiplyByNonResidue(in t1, out t1);
        Fp2<TFp>.Multiply(in a.C0, in a.C1, out t);
        Fp2<TFp>.Subtract(in t1, in t, out t1);

        Fp2<TFp>.Square(in a.C1, out var t2);
        Fp2<TFp>.Multiply(in a.C0, in a.C2, out t);
        Fp2<TFp>.Subtract(in t2, in t, out t2);

        Fp2<TFp>.Multiply(in a.C2, in t1, out var norm);
        Fp2<TFp>.Multiply(in a.C1, in t2, out t);
        Fp2<TFp>.Add(in norm, in t, out norm);
        TTower.MultiplyByNonResidue(in norm, out norm);
        Fp2<TFp>.Multiply(in a.C0, in t0, out t);
        Fp2<TFp>.Add(in norm, in t, out norm);
        Fp2<TFp>.Invert(in norm, out norm);

        Fp2<TFp>.Multiply(in t0, in norm, out t0);
        Fp2<TFp>.Multiply(in t1, in norm, out t1);
        Fp2<TFp>.Multiply(in t2, in norm, out t2);
        result = new Fp6<TFp, TTower>(in t0, in t1, in t2);
    }

    /// <summary>a·v = ξa2 + a0·v + a1·v^2 (since v^3 = ξ): only a multiplication by ξ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyByV(in Fp6<TFp, TTower> a, out Fp6<TFp, TTower> result)
    {
        TTower.MultiplyByNonResidue(in a.C2, out var c0);
        result = new Fp6<TFp, TTower>(in c0, in a.C0, in a.C1);
    }

    /// <summary>Multiplication by an Fp2 scalar: three Fp2 multiplications.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyByFp2(in Fp6<TFp, TTower> a, in Fp2<TFp> b, out Fp6<TFp, TTower> result)
    {
        Fp2<TFp>.Multiply(in a.C0, in b, out var c0);
        Fp2<TFp>.Multiply(in a.C1, in b, out var c1);
        Fp2<TFp>.Multiply(in a.C2, in b, out var c2);
        result = new Fp6<TFp, TTower>(in c0, in c1, in c2);
    }

    /// <summary>
    /// Multiplication by the sparse b0 + b1·v, as the line functions need: five Fp2 multiplications,
    /// (a0 + a1v + a2v^2)(b0 + b1v) = (a0b0 + ξa2b1) + ((a0 + a1)(b0 + b1) - a0b0 - a1b1)v + (a1b1 + a2b0)v^2.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyBy01(in Fp6<TFp, TTower> a, in Fp2<TFp> b0, in Fp2<TFp> b1, out Fp6<TFp, TTower> result)
    {
        Fp2<TFp>.Multiply(in a.C0, in b0, out var v0);
        Fp2<TFp>.Multiply(in a.C1, in b1, out var v1);

        Fp2<TFp>.Multiply(in a.C2, in b1, out var c0);
        TTower.MultiplyByNonResidue(in c0, out c0);
        Fp2<TFp>.Add(in c0, in v0, out c0);

        Fp2<TFp>.Add(in a.C0, in a.C1, out var sa);
        Fp2<TFp>.Add(in b0, in b1, out var sb);
        Fp2<TFp>.Multiply(in sa, in sb, out var c1);
        Fp2<TFp>.Subtract(in c1, in v0, out c1);
        Fp2<TFp>.Subtract(in c1, in v1, out c1);

        Fp2<TFp>.Multiply(in a.C2, in b0, out var c2);
        Fp2<TFp>.Add(in c2, in v1, out c2);

        result = new Fp6<TFp, TTower>(in c0, in c1, in c2);
    }

    /// <summary>Multiplication by the sparse b1·v: (a0 + a1v + a2v^2)·b1v = ξa2b1 + a0b1·v + a1b1·v^2, three Fp2 multiplications.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyBy1(in Fp6<TFp, TTower> a, in Fp2<TFp> b1, out Fp6<TFp, TTower> result)
    {
        Fp2<TFp>.Multiply(in a.C2, in b1, out var c0);
        TTower.MultiplyByNonResidue(in c0, out c0);
        Fp2<TFp>.Multiply(in a.C0, in b1, out var c1);
        Fp2<TFp>.Multiply(in a.C1, in b1, out var c2);
        result = new Fp6<TFp, TTower>(in c0, in c1, in c2);
    }
}

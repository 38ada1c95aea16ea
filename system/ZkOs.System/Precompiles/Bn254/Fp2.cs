// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// The quadratic extension Fp2 = Fp[u]/(u^2 + 1), an element being C0 + C1·u. u^2 = -1 is the
/// quadratic non-residue of both BN254 and BLS12-381 (p = 3 mod 4 for both), so it is fixed here; the
/// upper levels take their own non-residue from an <see cref="ITowerParams{TFp}"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Fp2<TFp> : IField<Fp2<TFp>>
    where TFp : unmanaged, IPrimeField<TFp>
{
    internal TFp C0;
    internal TFp C1;

    internal Fp2(in TFp c0, in TFp c1)
    {
        C0 = c0;
        C1 = c1;
    }

    public static Fp2<TFp> Zero => default;

    public static Fp2<TFp> One => new(TFp.One, TFp.Zero);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsZero(in Fp2<TFp> a) => TFp.IsZero(in a.C0) && TFp.IsZero(in a.C1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AreEqual(in Fp2<TFp> a, in Fp2<TFp> b) =>
        TFp.AreEqual(in a.C0, in b.C0) && TFp.AreEqual(in a.C1, in b.C1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(in Fp2<TFp> a, in Fp2<TFp> b, out Fp2<TFp> result)
    {
        TFp.Add(in a.C0, in b.C0, out var c0);
        TFp.Add(in a.C1, in b.C1, out var c1);
        result = new Fp2<TFp>(in c0, in c1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Subtract(in Fp2<TFp> a, in Fp2<TFp> b, out Fp2<TFp> result)
    {
        TFp.Subtract(in a.C0, in b.C0, out var c0);
        TFp.Subtract(in a.C1, in b.C1, out var c1);
        result = new Fp2<TFp>(in c0, in c1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(in Fp2<TFp> a, out Fp2<TFp> result)
    {
        TFp.Negate(in a.C0, out var c0);
        TFp.Negate(in a.C1, out var c1);
        result = new Fp2<TFp>(in c0, in c1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in Fp2<TFp> a, out Fp2<TFp> result)
    {
        TFp.Double(in a.C0, out var c0);
        TFp.Double(in a.C1, out var c1);
        result = new Fp2<TFp>(in c0, in c1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Halve(in Fp2<TFp> a, out Fp2<TFp> result)
    {
        TFp.Halve(in a.C0, out var c0);
        TFp.Halve(in a.C1, out var c1);
        result = new Fp2<TFp>(in c0, in c1);
    }

    /// <summary>
    /// Karatsuba, (a0 + a1u)(b0 + b1u) = (a0b0 - a1b1) + ((a0 + a1)(b0 + b1) - a0b0 - a1b1)u (Devegili et
    /// al., "Multiplication and squaring on pairing-friendly fields", 2006), delegated to the base
    /// field so that it can reduce lazily (<see cref="IPrimeField{T}.MultiplyComplex"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Multiply(in Fp2<TFp> a, in Fp2<TFp> b, out Fp2<TFp> result)
    {
        TFp.MultiplyComplex(in a.C0, in a.C1, in b.C0, in b.C1, out var c0, out var c1);
        result = new Fp2<TFp>(in c0, in c1);
    }

    /// <summary>Complex squaring: (a0 + a1u)^2 = (a0 + a1)(a0 - a1) + 2a0a1·u, two multiplications.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(in Fp2<TFp> a, out Fp2<TFp> result)
    {
        TFp.SquareComplex(in a.C0, in a.C1, out var c0, out var c1);
        result = new Fp2<TFp>(in c0, in c1);
    }

    /// <summary>1/(a0 + a1u) = (a0 - a1u)/(a0^2 + a1^2): one base-field inversion of the norm.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Invert(in Fp2<TFp> a, out Fp2<TFp> result)
    {
        TFp.Square(in a.C0, out var t0);
        TFp.Square(in a.C1, out var t1);
        TFp.Add(in t0, in t1, out t0);
        TFp.Invert(in t0, out t0);
        TFp.Multiply(in a.C0, in t0, out var c0);
        TFp.Multiply(in a.C1, in t0, out var c1);
        TFp.Negate(in c1, out c1);
        result = new Fp2<TFp>(in c0, in c1);
    }

    /// <summary>The conjugate a0 - a1u, which is also the p-power Frobenius map on Fp2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Conjugate(in Fp2<TFp> a, out Fp2<TFp> result)
    {
        TFp.Negate(in a.C1, out var c1);
        result = new Fp2<TFp>(in a.C0, in c1);
    }

    /// <summary>Multiplication by an element of the base field: two base multiplications.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyByBase(in Fp2<TFp> a, in TFp b, out Fp2<TFp> result)
    {
        TFp.Multiply(in a.C0, in b, out var c0);
        TFp.Multiply(in a.C1, in b, out var c1);
        result = new Fp2<TFp>(in c0, in c1);
    }
}

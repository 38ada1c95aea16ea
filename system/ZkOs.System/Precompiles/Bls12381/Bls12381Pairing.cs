// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.System.Precompiles.Bn254;
using Fq = ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>;
using Fq12 = ZkOs.System.Precompiles.Bn254.Fp12<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>, ZkOs.System.Precompiles.Bls12381.Bls12381Tower>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>;
using Loop = ZkOs.System.Precompiles.Bn254.MillerLoop<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>, ZkOs.System.Precompiles.Bls12381.Bls12381Tower, ZkOs.System.Precompiles.Bls12381.Bls12381G2Params>;
using Pair = ZkOs.System.Precompiles.Bn254.G1G2Pair<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>;
using PreparedPair = ZkOs.System.Precompiles.Bn254.PreparedPair<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>;

namespace ZkOs.System.Precompiles.Bls12381;

/// <summary>
/// The optimal ate pairing of BLS12-381 (Vercauteren, "Optimal pairings", 2010): for BLS12 curves it is
/// e(P, Q) = f_{x,Q}(P)^((p^12 - 1)/r), with the loop scalar x = -0xd201000000010000 itself. The Miller loop
/// is the one shared with BN254 (<see cref="MillerLoop{TFp, TTower, TTwist}"/>) over the 64 bits of |x| on the
/// M-type twist, followed by a conjugation because x is negative (f_{-|x|} = 1/f_{|x|} up to a vertical line,
/// and 1/f equals the conjugate f^(p^6) after the final exponentiation). A product of pairings shares the loop's
/// squarings and one final exponentiation. As for BN254 the result is the pairing raised to a fixed power
/// coprime to r (<see cref="FinalExponentiation"/>), which keeps bilinearity and non-degeneracy: a product is 1
/// exactly when the product of the true pairings is.
/// </summary>
internal static class Bls12381Pairing
{
    /// <summary>Pairs per Miller loop pass, their running points on the stack (longer inputs run several passes).</summary>
    internal const int MaxPairsPerLoop = 8;

    /// <summary>|x| = 0xd201000000010000 in binary, least significant digit first (bits 16, 48, 57, 60, 62, 63 set).</summary>
    internal static ReadOnlySpan<sbyte> LoopDigits =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 1, 1,
    ];

    /// <summary>Whether the product of the pairings of <paramref name="pairs"/> is 1 (true for no pairs).</summary>
    public static bool Check(ReadOnlySpan<Pair> pairs)
    {
        if (pairs.IsEmpty)
        {
            return true;
        }

        var product = Fq12.One;
        for (int start = 0; start < pairs.Length; start += MaxPairsPerLoop)
        {
            var chunk = pairs.Slice(start, Math.Min(MaxPairsPerLoop, pairs.Length - start));
            MillerLoop(chunk, out var f);
            Fq12.Multiply(in product, in f, out product);
        }

        FinalExponentiation(in product, out var result);
        return Fq12.IsOne(in result);
    }

    /// <summary>Whether the product of the pairings of pairs with prepared (fixed) G2 points is 1.</summary>
    public static bool Check(ReadOnlySpan<PreparedPair> pairs)
    {
        if (pairs.IsEmpty)
        {
            return true;
        }

        MillerLoop(pairs, out var f);
        FinalExponentiation(in f, out var result);
        return Fq12.IsOne(in result);
    }

    /// <summary>The reduced pairing of one pair (tests and benchmarks).</summary>
    public static void Pairing(in Pair pair, out Fq12 result)
    {
        MillerLoop(new ReadOnlySpan<Pair>(in pair), out var f);
        FinalExponentiation(in f, out result);
    }

    /// <summary>The lines of a fixed G2 point Q (affine, on the twist, not at infinity) for <see cref="Check(ReadOnlySpan{PreparedPair})"/>.</summary>
    public static LineFunction<Fq>[] Prepare(in Fq2 qx, in Fq2 qy) => Loop.Prepare(in qx, in qy, LoopDigits);

    /// <summary>The product of the Miller functions f_{x,Q}(P) for at most <see cref="MaxPairsPerLoop"/> pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MillerLoop(ReadOnlySpan<Pair> pairs, out Fq12 result)
    {
        if (pairs.Length > MaxPairsPerLoop)
        {
            throw new ArgumentOutOfRangeException(nameof(pairs), "Too many pairs for one Miller loop pass.");
        }

        Span<Fq2> t = stackalloc Fq2[3 * MaxPairsPerLoop];
        Loop.Run(pairs, LoopDigits, t, out var f);
        Fq12.Conjugate(in f, out result);
    }

    /// <summary>The product of the Miller functions f_{x,Q}(P) over prepared lines (any number of pairs).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MillerLoop(ReadOnlySpan<PreparedPair> pairs, out Fq12 result)
    {
        Loop.RunPrepared(pairs, LoopDigits, out var f);
        Fq12.Conjugate(in f, out result);
    }

    /// <summary>
    /// f^(3(p^12 - 1)/r). The easy part (p^6 - 1)(p^2 + 1) is a conjugation, an inversion and a Frobenius, and
    /// lands in the cyclotomic subgroup, where squaring is cheaper and inversion is conjugation. The hard part
    /// uses the decomposition of Hayashida, Hayasaka and Teruya, "Efficient final exponentiation via cyclotomic
    /// structure for pairings over families of elliptic curves" (ePrint 2020/875), for BLS12:
    /// 3(p^4 - p^2 + 1)/r = (x - 1)^2 (x + p)(x^2 + p^2 - 1) + 3, five exponentiations by x. The factor 3 is
    /// coprime to r, so the result is a fixed power of the pairing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void FinalExponentiation(in Fq12 f, out Fq12 result)
    {
        // Easy part: g = f^(p^6 - 1) = conj(f)/f, then g^(p^2 + 1).
        Fq12.Invert(in f, out var inverse);
        Fq12.Conjugate(in f, out var g);
        Fq12.Multiply(in g, in inverse, out g);
        Fq12.Frobenius(in g, 2, out var t);
        Fq12.Multiply(in t, in g, out g);

        // a = g^((x - 1)^2): two steps of h ↦ h^x · h^-1.
        ExpByX(in g, out var a);
        Fq12.Conjugate(in g, out t);
        Fq12.Multiply(in a, in t, out a);
        ExpByX(in a, out var b);
        Fq12.Conjugate(in a, out t);
        Fq12.Multiply(in b, in t, out a);

        // b = a^(x + p)
        ExpByX(in a, out b);
        Fq12.Frobenius(in a, 1, out t);
        Fq12.Multiply(in b, in t, out b);

        // c = b^(x^2 + p^2 - 1)
        ExpByX(in b, out var c);
        ExpByX(in c, out c);
        Fq12.Frobenius(in b, 2, out t);
        Fq12.Multiply(in c, in t, out c);
        Fq12.Conjugate(in b, out t);
        Fq12.Multiply(in c, in t, out c);

        // · g^3
        Fq12.CyclotomicSquare(in g, out t);
        Fq12.Multiply(in t, in g, out t);
        Fq12.Multiply(in c, in t, out result);
    }

    /// <summary>
    /// a^x for a in the cyclotomic subgroup: a^|x| by square-and-multiply over the six set bits of |x| (63
    /// cyclotomic squarings, 5 multiplications), then a conjugation for the sign of x.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ExpByX(in Fq12 a, out Fq12 result)
    {
        var acc = a;
        ReadOnlySpan<sbyte> digits = LoopDigits;
        for (int i = digits.Length - 2; i >= 0; i--)
        {
            Fq12.CyclotomicSquare(in acc, out acc);
            if (digits[i] != 0)
            {
                Fq12.Multiply(in acc, in a, out acc);
            }
        }

        Fq12.Conjugate(in acc, out result);
    }
}

// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using Fq = ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>;
using Fq12 = ZkOs.System.Precompiles.Bn254.Fp12<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>, ZkOs.System.Precompiles.Bn254.Bn254Tower>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>;
using Loop = ZkOs.System.Precompiles.Bn254.MillerLoop<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>, ZkOs.System.Precompiles.Bn254.Bn254Tower, ZkOs.System.Precompiles.Bn254.Bn254G2Params>;
using Pair = ZkOs.System.Precompiles.Bn254.G1G2Pair<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>;

namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// The optimal ate pairing of BN254 (Vercauteren, "Optimal pairings", 2010):
/// e(P, Q) = (f_{6u+2,Q}(P) · l_{[6u+2]Q,π(Q)}(P) · l_{[6u+2]Q+π(Q),-π²(Q)}(P))^((p^12 - 1)/r),
/// following Aranha, Karabina, Longa, Gebotys and López, "Faster explicit formulas for computing pairings
/// over ordinary curves" (EUROCRYPT 2011): their BN Miller loop with the line functions in homogeneous
/// projective coordinates, the loop and the lines being the ones shared with BLS12-381
/// (<see cref="MillerLoop{TFp, TTower, TTwist}"/>). A product of pairings shares the squarings of the Miller loop and one final exponentiation.
/// The result is the pairing raised to a fixed power coprime to r (see <see cref="FinalExponentiation"/>),
/// which keeps bilinearity and non-degeneracy, so the product is 1 exactly when the EIP-197 check holds.
/// </summary>
internal static class Bn254Pairing
{
    /// <summary>
    /// Pairs per Miller loop pass: their running points T sit on the stack. Longer inputs run several passes
    /// whose results are multiplied (a few extra Fp12 squarings per pass, no heap).
    /// </summary>
    internal const int MaxPairsPerLoop = 8;

    /// <summary>The loop scalar 6u + 2 = 29793968203157093288 in non-adjacent form, least significant digit first.</summary>
    internal static ReadOnlySpan<sbyte> AteLoopNaf =>
    [
        0, 0, 0, 1, 0, 1, 0, -1, 0, 0, -1, 0, 0, 0, 1, 0, 0, -1, 0, -1, 0, 0, 0, 1, 0, -1, 0, 0, 0, 0, -1, 0, 0,
        1, 0, -1, 0, 0, 1, 0, 0, 0, 0, 0, -1, 0, 0, -1, 0, 1, 0, -1, 0, 0, 0, -1, 0, -1, 0, 0, 0, 1, 0, -1, 0, 1,
    ];

    /// <summary>
    /// u in width-4 non-adjacent form, least significant digit first: digits in {0, ±1, ±3, ±5, ±7}, 14 of
    /// them non-zero (against 28 ones in binary and 24 non-zero digits in plain NAF).
    /// </summary>
    internal static ReadOnlySpan<sbyte> UWindowNaf =>
    [
        1, 0, 0, 0, -1, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, -7, 0, 0, 0, 7, 0, 0, 0, 0, 5, 0, 0, 0, 0, 1, 0,
        0, 0, -3, 0, 0, 0, -5, 0, 0, 0, 5, 0, 0, 0, 0, 3, 0, 0, 0, -3, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 1,
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

    /// <summary>The reduced pairing of one pair (tests and benchmarks; the precompile uses <see cref="Check"/>).</summary>
    public static void Pairing(in Pair pair, out Fq12 result)
    {
        MillerLoop(new ReadOnlySpan<Pair>(in pair), out var f);
        FinalExponentiation(in f, out result);
    }

    /// <summary>
    /// The product of the Miller functions f_{6u+2,Q}(P) with the two Frobenius line steps, for at most
    /// <see cref="MaxPairsPerLoop"/> pairs: the shared loop of <see cref="MillerLoop{TFp, TTower, TTwist}"/>
    /// over the NAF of 6u + 2 (one squaring of f per digit, shared by every pair), then BN's extra lines.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MillerLoop(ReadOnlySpan<Pair> pairs, out Fq12 result)
    {
        if (pairs.Length > MaxPairsPerLoop)
        {
            throw new ArgumentOutOfRangeException(nameof(pairs), "Too many pairs for one Miller loop pass.");
        }

        // The running points T = (X : Y : Z) in homogeneous projective coordinates, three Fp2 per pair.
        Span<Fq2> t = stackalloc Fq2[3 * MaxPairsPerLoop];
        Loop.Run(pairs, AteLoopNaf, t, out var f);

        // The two extra lines of the optimal ate pairing: through T and Q1 = π(Q), then through T + Q1 and
        // -Q2 = -π²(Q). On the twist π(x, y) = (conj(x)·γ_{1,2}, conj(y)·γ_{1,3}) and
        // π²(x, y) = (x·γ_{2,2}, y·γ_{2,3}).
        var gamma1 = FrobeniusCoefficients<Fq, Bn254Tower>.Gamma1;
        var gamma2 = FrobeniusCoefficients<Fq, Bn254Tower>.Gamma2;
        for (int j = 0; j < pairs.Length; j++)
        {
            ref readonly var pair = ref pairs[j];
            ref var x = ref t[3 * j];
            ref var y = ref t[(3 * j) + 1];
            ref var z = ref t[(3 * j) + 2];

            Fq2.Conjugate(in pair.QX, out var q1x);
            Fq2.Multiply(in q1x, in gamma1[2], out q1x);
            Fq2.Conjugate(in pair.QY, out var q1y);
            Fq2.Multiply(in q1y, in gamma1[3], out q1y);
            Loop.AdditionStep(ref x, ref y, ref z, in q1x, in q1y, out var line);
            Loop.MultiplyByLine(in f, in line, in pair.PX, in pair.PY, out f);

            Fq2.Multiply(in pair.QX, in gamma2[2], out var q2x);
            Fq2.Multiply(in pair.QY, in gamma2[3], out var q2y);
            Fq2.Negate(in q2y, out q2y);
            Loop.AdditionStep(ref x, ref y, ref z, in q2x, in q2y, out line);
            Loop.MultiplyByLine(in f, in line, in pair.PX, in pair.PY, out f);
        }

        result = f;
    }

    /// <summary>
    /// f^((p^12 - 1)/r) up to a fixed power. The easy part (p^6 - 1)(p^2 + 1) is a conjugation, an
    /// inversion and a Frobenius; it lands in the cyclotomic subgroup, where squaring is cheaper and
    /// inversion is conjugation. The hard part (p^4 - p^2 + 1)/r is replaced by its multiple
    /// m·(p^4 - p^2 + 1)/r with m = 2u(6u^2 + 3u + 1), gcd(m, r) = 1, whose base-p digits are short polynomials
    /// in u (Fuentes-Castañeda, Knapp and Rodríguez-Henríquez, "Faster hashing to G2", SAC 2011):
    /// λ0 = 1 + 6u + 12u^2 + 12u^3, λ1 = 4u + 6u^2 + 12u^3, λ2 = 6u + 6u^2 + 12u^3, λ3 = -1 + 4u + 6u^2 + 12u^3.
    /// The chain below needs three exponentiations by u.
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

        // Hard part: y1 = g^(2u), y2 = g^(4u), s = g^(6u), s2 = g^(6u^2), s3 = g^(12u^3).
        ExpByU(in g, out var y1);
        Fq12.CyclotomicSquare(in y1, out y1);
        Fq12.CyclotomicSquare(in y1, out var y2);
        Fq12.Multiply(in y1, in y2, out var s);
        ExpByU(in s, out var s2);
        Fq12.CyclotomicSquare(in s2, out var s3);
        ExpByU(in s3, out s3);

        // a = g^λ1, b = g^λ2 = a·g^(2u), c = g^λ3 = a/g, d = g^λ0 = b·g·g^(6u^2).
        Fq12.Multiply(in s3, in s2, out var a);
        Fq12.Multiply(in a, in y2, out a);
        Fq12.Multiply(in a, in y1, out var b);
        Fq12.Conjugate(in g, out var c);
        Fq12.Multiply(in a, in c, out c);
        Fq12.Multiply(in b, in g, out var d);
        Fq12.Multiply(in d, in s2, out d);

        // g^(λ0 + λ1·p + λ2·p^2 + λ3·p^3)
        Fq12.Frobenius(in a, 1, out a);
        Fq12.Frobenius(in b, 2, out b);
        Fq12.Frobenius(in c, 3, out c);
        Fq12.Multiply(in d, in a, out d);
        Fq12.Multiply(in d, in b, out d);
        Fq12.Multiply(in d, in c, out result);
    }

    /// <summary>
    /// a^u for a in the cyclotomic subgroup, over the width-4 NAF of u with the table a, a^3, a^5, a^7
    /// (a^-k is conj(a^k) there): 62 cyclotomic squarings and 16 multiplications.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ExpByU(in Fq12 a, out Fq12 result)
    {
        Span<Fq12> odd = stackalloc Fq12[4];
        odd[0] = a;
        Fq12.CyclotomicSquare(in a, out var square);
        for (int i = 1; i < odd.Length; i++)
        {
            Fq12.Multiply(in odd[i - 1], in square, out odd[i]);
        }

        ReadOnlySpan<sbyte> naf = UWindowNaf;
        var acc = odd[naf[^1] >> 1];
        for (int i = naf.Length - 2; i >= 0; i--)
        {
            Fq12.CyclotomicSquare(in acc, out acc);
            int digit = naf[i];
            if (digit > 0)
            {
                Fq12.Multiply(in acc, in odd[digit >> 1], out acc);
            }
            else if (digit < 0)
            {
                Fq12.Conjugate(in odd[-digit >> 1], out var inverse);
                Fq12.Multiply(in acc, in inverse, out acc);
            }
        }

        result = acc;
    }
}

// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using Fq = ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>;
using Fq12 = ZkOs.System.Precompiles.Bn254.Fp12<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>, ZkOs.System.Precompiles.Bn254.Bn254Tower>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>;

namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// The optimal ate pairing of BN254 (Vercauteren, "Optimal pairings", 2010):
/// e(P, Q) = (f_{6u+2,Q}(P) · l_{[6u+2]Q,π(Q)}(P) · l_{[6u+2]Q+π(Q),-π²(Q)}(P))^((p^12 - 1)/r),
/// following Aranha, Karabina, Longa, Gebotys and López, "Faster explicit formulas for computing pairings
/// over ordinary curves" (EUROCRYPT 2011): their BN Miller loop with the line functions in homogeneous
/// projective coordinates. A product of pairings shares the squarings of the Miller loop and one final exponentiation.
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

    private static readonly Fq2 _threeB = ComputeThreeB();

    /// <summary>Whether the product of the pairings of <paramref name="pairs"/> is 1 (true for no pairs).</summary>
    public static bool Check(ReadOnlySpan<Bn254Pair> pairs)
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
    public static void Pairing(in Bn254Pair pair, out Fq12 result)
    {
        MillerLoop(new ReadOnlySpan<Bn254Pair>(in pair), out var f);
        FinalExponentiation(in f, out result);
    }

    /// <summary>
    /// The product of the Miller functions f_{6u+2,Q}(P) with the two Frobenius line steps, for at most
    /// <see cref="MaxPairsPerLoop"/> pairs: one squaring of f per loop digit, shared by every pair.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MillerLoop(ReadOnlySpan<Bn254Pair> pairs, out Fq12 result)
    {
        if (pairs.Length > MaxPairsPerLoop)
        {
            throw new ArgumentOutOfRangeException(nameof(pairs), "Too many pairs for one Miller loop pass.");
        }

        // The running points T = (X : Y : Z) in homogeneous projective coordinates, three Fp2 per pair.
        Span<Fq2> t = stackalloc Fq2[3 * MaxPairsPerLoop];
        for (int j = 0; j < pairs.Length; j++)
        {
            t[3 * j] = pairs[j].QX;
            t[(3 * j) + 1] = pairs[j].QY;
            t[(3 * j) + 2] = Fq2.One;
        }

        var f = Fq12.One;
        ReadOnlySpan<sbyte> naf = AteLoopNaf;
        for (int i = naf.Length - 2; i >= 0; i--)
        {
            if (i != naf.Length - 2)
            {
                Fq12.Square(in f, out f);
            }

            int digit = naf[i];
            for (int j = 0; j < pairs.Length; j++)
            {
                ref readonly var pair = ref pairs[j];
                ref var x = ref t[3 * j];
                ref var y = ref t[(3 * j) + 1];
                ref var z = ref t[(3 * j) + 2];
                DoublingStep(ref x, ref y, ref z, in pair.PX, in pair.PY, out var c0, out var c1, out var c3);
                Fq12.MultiplyBy013(in f, in c0, in c1, in c3, out f);
                if (digit == 1)
                {
                    AdditionStep(ref x, ref y, ref z, in pair.QX, in pair.QY, in pair.PX, in pair.PY, out c0, out c1, out c3);
                    Fq12.MultiplyBy013(in f, in c0, in c1, in c3, out f);
                }
                else if (digit == -1)
                {
                    Fq2.Negate(in pair.QY, out var negativeY);
                    AdditionStep(ref x, ref y, ref z, in pair.QX, in negativeY, in pair.PX, in pair.PY, out c0, out c1, out c3);
                    Fq12.MultiplyBy013(in f, in c0, in c1, in c3, out f);
                }
            }
        }

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
            AdditionStep(ref x, ref y, ref z, in q1x, in q1y, in pair.PX, in pair.PY, out var c0, out var c1, out var c3);
            Fq12.MultiplyBy013(in f, in c0, in c1, in c3, out f);

            Fq2.Multiply(in pair.QX, in gamma2[2], out var q2x);
            Fq2.Multiply(in pair.QY, in gamma2[3], out var q2y);
            Fq2.Negate(in q2y, out q2y);
            AdditionStep(ref x, ref y, ref z, in q2x, in q2y, in pair.PX, in pair.PY, out c0, out c1, out c3);
            Fq12.MultiplyBy013(in f, in c0, in c1, in c3, out f);
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

    /// <summary>
    /// T ← 2T and the tangent line at T evaluated at P, scaled by a factor in Fp2 (killed by the final
    /// exponentiation). Aranha et al. 2011, projective doubling with line evaluation, for the twist y^2 = x^3 + b':
    /// A = XY/2, B = Y^2, C = Z^2, E = 3b'C, F = 3E, G = (B + F)/2, H = (Y + Z)^2 - (B + C);
    /// X3 = A(B - F), Y3 = G^2 - 3E^2, Z3 = BH; line = -H·yP + 3X^2·xP·w + (E - B)·w^3.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void DoublingStep(
        ref Fq2 x, ref Fq2 y, ref Fq2 z, in Fq px, in Fq py, out Fq2 c0, out Fq2 c1, out Fq2 c3)
    {
        Fq2.Multiply(in x, in y, out var a);
        Fq2.Halve(in a, out a);
        Fq2.Square(in y, out var b);
        Fq2.Square(in z, out var c);
        Fq2.Multiply(in c, in _threeB, out var e);
        Fq2.Double(in e, out var f);
        Fq2.Add(in f, in e, out f);
        Fq2.Add(in b, in f, out var g);
        Fq2.Halve(in g, out g);
        Fq2.Add(in y, in z, out var h);
        Fq2.Square(in h, out h);
        Fq2.Add(in b, in c, out var t);
        Fq2.Subtract(in h, in t, out h);
        Fq2.Square(in x, out var j);

        // Line coefficients (from the old X, before it is overwritten).
        Fq2.MultiplyByBase(in h, in py, out c0);
        Fq2.Negate(in c0, out c0);
        Fq2.Double(in j, out c1);
        Fq2.Add(in c1, in j, out c1);
        Fq2.MultiplyByBase(in c1, in px, out c1);
        Fq2.Subtract(in e, in b, out c3);

        // X3 = A(B - F)
        Fq2.Subtract(in b, in f, out t);
        Fq2.Multiply(in a, in t, out x);

        // Y3 = G^2 - 3E^2
        Fq2.Square(in g, out var y3);
        Fq2.Square(in e, out var e2);
        Fq2.Double(in e2, out t);
        Fq2.Add(in t, in e2, out t);
        Fq2.Subtract(in y3, in t, out y);

        // Z3 = BH
        Fq2.Multiply(in b, in h, out z);
    }

    /// <summary>
    /// T ← T + R for an affine R (mixed addition) and the line through T and R evaluated at P. Aranha et
    /// al. 2011, mixed addition with line evaluation: θ = Y - yR·Z, λ = X - xR·Z, C = θ^2, D = λ^2, E = λ^3, F = ZC, G = XD,
    /// H = E + F - 2G; X3 = λH, Y3 = θ(G - H) - YE, Z3 = ZE; line = λ·yP - θ·xP·w + (θ·xR - λ·yR)·w^3.
    /// Never called with T = ±R: T runs through multiples [k]Q with 1 &lt; k &lt; r.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AdditionStep(
        ref Fq2 x, ref Fq2 y, ref Fq2 z, in Fq2 rx, in Fq2 ry, in Fq px, in Fq py, out Fq2 c0, out Fq2 c1, out Fq2 c3)
    {
        Fq2.Multiply(in ry, in z, out var theta);
        Fq2.Subtract(in y, in theta, out theta);
        Fq2.Multiply(in rx, in z, out var lambda);
        Fq2.Subtract(in x, in lambda, out lambda);
        Fq2.Square(in theta, out var c);
        Fq2.Square(in lambda, out var d);
        Fq2.Multiply(in lambda, in d, out var e);
        Fq2.Multiply(in z, in c, out var f);
        Fq2.Multiply(in x, in d, out var g);
        Fq2.Double(in g, out var h);
        Fq2.Subtract(in f, in h, out h);
        Fq2.Add(in h, in e, out h);

        // Line coefficients.
        Fq2.MultiplyByBase(in lambda, in py, out c0);
        Fq2.MultiplyByBase(in theta, in px, out c1);
        Fq2.Negate(in c1, out c1);
        Fq2.Multiply(in theta, in rx, out c3);
        Fq2.Multiply(in lambda, in ry, out var t);
        Fq2.Subtract(in c3, in t, out c3);

        // X3 = λH, Y3 = θ(G - H) - YE, Z3 = ZE
        Fq2.Multiply(in lambda, in h, out x);
        Fq2.Subtract(in g, in h, out t);
        Fq2.Multiply(in theta, in t, out t);
        Fq2.Multiply(in y, in e, out var ye);
        Fq2.Subtract(in t, in ye, out y);
        Fq2.Multiply(in z, in e, out z);
    }

    private static Fq2 ComputeThreeB()
    {
        var b = Bn254G2Params.B;
        Fq2.Double(in b, out var twice);
        Fq2.Add(in twice, in b, out var three);
        return three;
    }
}

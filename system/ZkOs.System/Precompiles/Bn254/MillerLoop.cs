// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// The Miller loop shared by BN254 and BLS12-381: the running point T in homogeneous projective coordinates
/// on the twist <typeparamref name="TTwist"/>, the doubling and addition steps with their line functions
/// (Aranha, Karabina, Longa, Gebotys and López, "Faster explicit formulas for computing pairings over
/// ordinary curves", EUROCRYPT 2011, §4), and the loop over the signed digits of a curve's loop scalar with
/// one Fp12 squaring per digit shared by every pair. What differs between the curves stays with them: the
/// scalar (6u + 2 in NAF for BN254, |x| in binary for BLS12-381), BN254's two extra Frobenius lines,
/// BLS12-381's conjugation for its negative x, and the final exponentiations.
/// </summary>
/// <remarks>
/// The step formulas are written for y^2 = x^3 + b' and give the same three line coefficients for either
/// twist type; only their place in Fp12 differs (<see cref="MultiplyByLine"/>).
/// </remarks>
internal static class MillerLoop<TFp, TTower, TTwist>
    where TFp : unmanaged, IPrimeField<TFp>
    where TTower : struct, ITowerParams<TFp>
    where TTwist : struct, ITwistParams<TFp>
{
    private static readonly Fp2<TFp> _threeB = ComputeThreeB();

    /// <summary>
    /// The product over <paramref name="pairs"/> of the Miller functions f_{s,Q}(P) for the loop scalar s given
    /// by <paramref name="digits"/> (signed digits in {-1, 0, 1}, least significant first, the top digit 1).
    /// <paramref name="t"/> receives the running points (three Fp2 per pair, X, Y, Z), left at [s]Q for the
    /// caller's extra steps.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(
        ReadOnlySpan<G1G2Pair<TFp>> pairs, ReadOnlySpan<sbyte> digits, Span<Fp2<TFp>> t, out Fp12<TFp, TTower> result)
    {
        if (t.Length < 3 * pairs.Length)
        {
            throw new ArgumentException("Three Fp2 of state are needed per pair.", nameof(t));
        }

        for (int j = 0; j < pairs.Length; j++)
        {
            t[3 * j] = pairs[j].QX;
            t[(3 * j) + 1] = pairs[j].QY;
            t[(3 * j) + 2] = Fp2<TFp>.One;
        }

        var f = Fp12<TFp, TTower>.One;
        for (int i = digits.Length - 2; i >= 0; i--)
        {
            if (i != digits.Length - 2)
            {
                Fp12<TFp, TTower>.Square(in f, out f);
            }

            int digit = digits[i];
            for (int j = 0; j < pairs.Length; j++)
            {
                ref readonly var pair = ref pairs[j];
                ref var x = ref t[3 * j];
                ref var y = ref t[(3 * j) + 1];
                ref var z = ref t[(3 * j) + 2];
                DoublingStep(ref x, ref y, ref z, out var line);
                MultiplyByLine(in f, in line, in pair.PX, in pair.PY, out f);
                if (digit == 1)
                {
                    AdditionStep(ref x, ref y, ref z, in pair.QX, in pair.QY, out line);
                    MultiplyByLine(in f, in line, in pair.PX, in pair.PY, out f);
                }
                else if (digit == -1)
                {
                    Fp2<TFp>.Negate(in pair.QY, out var negativeY);
                    AdditionStep(ref x, ref y, ref z, in pair.QX, in negativeY, out line);
                    MultiplyByLine(in f, in line, in pair.PX, in pair.PY, out f);
                }
            }
        }

        result = f;
    }

    /// <summary>
    /// The lines of the Miller loop of a fixed Q (affine, on the twist, not at infinity) over
    /// <paramref name="digits"/>, in the order <see cref="RunPrepared"/> consumes them: per digit below the
    /// top, the doubling line, then the addition line when the digit is non-zero.
    /// </summary>
    public static LineFunction<TFp>[] Prepare(in Fp2<TFp> qx, in Fp2<TFp> qy, ReadOnlySpan<sbyte> digits)
    {
        int count = digits.Length - 1;
        foreach (var digit in digits[..^1])
        {
            count += digit != 0 ? 1 : 0;
        }

        var lines = new LineFunction<TFp>[count];
        Fp2<TFp> x = qx, y = qy, z = Fp2<TFp>.One;
        Fp2<TFp>.Negate(in qy, out var negativeY);
        int k = 0;
        for (int i = digits.Length - 2; i >= 0; i--)
        {
            DoublingStep(ref x, ref y, ref z, out lines[k++]);
            if (digits[i] != 0)
            {
                AdditionStep(ref x, ref y, ref z, in qx, digits[i] > 0 ? qy : negativeY, out lines[k++]);
            }
        }

        return lines;
    }

    /// <summary>
    /// <see cref="Run"/> for pairs whose lines were prepared over the same <paramref name="digits"/>: only
    /// the Fp12 squarings and the sparse line multiplications remain.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunPrepared(ReadOnlySpan<PreparedPair<TFp>> pairs, ReadOnlySpan<sbyte> digits, out Fp12<TFp, TTower> result)
    {
        var f = Fp12<TFp, TTower>.One;
        int k = 0;
        for (int i = digits.Length - 2; i >= 0; i--)
        {
            if (i != digits.Length - 2)
            {
                Fp12<TFp, TTower>.Square(in f, out f);
            }

            bool addition = digits[i] != 0;
            for (int j = 0; j < pairs.Length; j++)
            {
                ref readonly var pair = ref pairs[j];
                var lines = pair.Lines;
                MultiplyByLine(in f, in lines[k], in pair.PX, in pair.PY, out f);
                if (addition)
                {
                    MultiplyByLine(in f, in lines[k + 1], in pair.PX, in pair.PY, out f);
                }
            }

            k += addition ? 2 : 1;
        }

        result = f;
    }

    /// <summary>
    /// f · l(P) for the line l evaluated at P. On a D-type twist the line is
    /// Y·yP + X·xP·w + Constant·w^3 (coefficients of w^0, w^1, w^3); on an M-type twist the untwisted line
    /// times w^3 (an element of Fp4, which the final exponentiation kills) is
    /// Constant + X·xP·w^2 + Y·yP·w^3 (coefficients of w^0, w^2, w^3). Either way a sparse multiplication.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyByLine(in Fp12<TFp, TTower> f, in LineFunction<TFp> line, in TFp px, in TFp py, out Fp12<TFp, TTower> result)
    {
        Fp2<TFp>.MultiplyByBase(in line.Y, in py, out var cy);
        Fp2<TFp>.MultiplyByBase(in line.X, in px, out var cx);
        if (TTwist.IsMType)
        {
            Fp12<TFp, TTower>.MultiplyBy023(in f, in line.Constant, in cx, in cy, out result);
        }
        else
        {
            Fp12<TFp, TTower>.MultiplyBy013(in f, in cy, in cx, in line.Constant, out result);
        }
    }

    /// <summary>
    /// T ← 2T and the tangent line at T, scaled by a factor in Fp2 (killed by the final exponentiation).
    /// Aranha et al. 2011, projective doubling with line evaluation, for the twist y^2 = x^3 + b':
    /// A = XY/2, B = Y^2, C = Z^2, E = 3b'C, F = 3E, G = (B + F)/2, H = (Y + Z)^2 - (B + C);
    /// X3 = A(B - F), Y3 = G^2 - 3E^2, Z3 = BH; line: Y = -H, X = 3X^2, Constant = E - B.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DoublingStep(ref Fp2<TFp> x, ref Fp2<TFp> y, ref Fp2<TFp> z, out LineFunction<TFp> line)
    {
        Fp2<TFp>.Multiply(in x, in y, out var a);
        Fp2<TFp>.Halve(in a, out a);
        Fp2<TFp>.Square(in y, out var b);
        Fp2<TFp>.Square(in z, out var c);
        Fp2<TFp>.Multiply(in c, in _threeB, out var e);
        Fp2<TFp>.Double(in e, out var f);
        Fp2<TFp>.Add(in f, in e, out f);
        Fp2<TFp>.Add(in b, in f, out var g);
        Fp2<TFp>.Halve(in g, out g);
        Fp2<TFp>.Add(in y, in z, out var h);
        Fp2<TFp>.Square(in h, out h);
        Fp2<TFp>.Add(in b, in c, out var t);
        Fp2<TFp>.Subtract(in h, in t, out h);
        Fp2<TFp>.Square(in x, out var j);

        // Line coefficients (from the old X, before it is overwritten).
        Fp2<TFp>.Negate(in h, out var lineY);
        Fp2<TFp>.Double(in j, out var lineX);
        Fp2<TFp>.Add(in lineX, in j, out lineX);
        Fp2<TFp>.Subtract(in e, in b, out var lineConstant);
        line = new LineFunction<TFp>(in lineY, in lineX, in lineConstant);

        // X3 = A(B - F)
        Fp2<TFp>.Subtract(in b, in f, out t);
        Fp2<TFp>.Multiply(in a, in t, out x);

        // Y3 = G^2 - 3E^2
        Fp2<TFp>.Square(in g, out var y3);
        Fp2<TFp>.Square(in e, out var e2);
        Fp2<TFp>.Double(in e2, out t);
        Fp2<TFp>.Add(in t, in e2, out t);
        Fp2<TFp>.Subtract(in y3, in t, out y);

        // Z3 = BH
        Fp2<TFp>.Multiply(in b, in h, out z);
    }

    /// <summary>
    /// T ← T + R for an affine R (mixed addition) and the line through T and R. Aranha et al. 2011, mixed
    /// addition with line evaluation: θ = Y - yR·Z, λ = X - xR·Z, C = θ^2, D = λ^2, E = λ^3, F = ZC, G = XD,
    /// H = E + F - 2G; X3 = λH, Y3 = θ(G - H) - YE, Z3 = ZE; line: Y = λ, X = -θ, Constant = θ·xR - λ·yR.
    /// Never called with T = ±R: T runs through multiples [k]Q with 1 &lt; k &lt; r.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AdditionStep(
        ref Fp2<TFp> x, ref Fp2<TFp> y, ref Fp2<TFp> z, in Fp2<TFp> rx, in Fp2<TFp> ry, out LineFunction<TFp> line)
    {
        Fp2<TFp>.Multiply(in ry, in z, out var theta);
        Fp2<TFp>.Subtract(in y, in theta, out theta);
        Fp2<TFp>.Multiply(in rx, in z, out var lambda);
        Fp2<TFp>.Subtract(in x, in lambda, out lambda);
        Fp2<TFp>.Square(in theta, out var c);
        Fp2<TFp>.Square(in lambda, out var d);
        Fp2<TFp>.Multiply(in lambda, in d, out var e);
        Fp2<TFp>.Multiply(in z, in c, out var f);
        Fp2<TFp>.Multiply(in x, in d, out var g);
        Fp2<TFp>.Double(in g, out var h);
        Fp2<TFp>.Subtract(in f, in h, out h);
        Fp2<TFp>.Add(in h, in e, out h);

        // Line coefficients.
        Fp2<TFp>.Negate(in theta, out var lineX);
        Fp2<TFp>.Multiply(in theta, in rx, out var lineConstant);
        Fp2<TFp>.Multiply(in lambda, in ry, out var t);
        Fp2<TFp>.Subtract(in lineConstant, in t, out lineConstant);
        line = new LineFunction<TFp>(in lambda, in lineX, in lineConstant);

        // X3 = λH, Y3 = θ(G - H) - YE, Z3 = ZE
        Fp2<TFp>.Multiply(in lambda, in h, out x);
        Fp2<TFp>.Subtract(in g, in h, out t);
        Fp2<TFp>.Multiply(in theta, in t, out t);
        Fp2<TFp>.Multiply(in y, in e, out var ye);
        Fp2<TFp>.Subtract(in t, in ye, out y);
        Fp2<TFp>.Multiply(in z, in e, out z);
    }

    private static Fp2<TFp> ComputeThreeB()
    {
        var b = TTwist.B;
        Fp2<TFp>.Double(in b, out var twice);
        Fp2<TFp>.Add(in twice, in b, out var three);
        return three;
    }
}

// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// The constants of the Frobenius maps of a tower, γ_{k,i} = ξ^(i(p^k - 1)/6) for k = 1, 2, 3 and
/// i = 0..5, computed once from the tower's ξ and modulus (so a new tower brings no tables). Only
/// γ_{1,1} = ξ^((p - 1)/6) needs an exponentiation: γ_{1,i} = γ_{1,1}^i, and since the p-power map is the
/// conjugation on Fp2, γ_{2,i} = γ_{1,i}^(p+1) = conj(γ_{1,i})·γ_{1,i} and
/// γ_{3,i} = γ_{1,i}^(p^2+p+1) = γ_{1,i}·γ_{2,i}. This needs 6 | p - 1, true for BN and BLS12 primes.
/// </summary>
internal static class FrobeniusCoefficients<TFp, TTower>
    where TFp : unmanaged, IPrimeField<TFp>
    where TTower : struct, ITowerParams<TFp>
{
    /// <summary>γ_{1,i} = ξ^(i(p - 1)/6).</summary>
    internal static readonly Fp2<TFp>[] Gamma1 = ComputeGamma1();

    /// <summary>γ_{2,i} = ξ^(i(p^2 - 1)/6), which lies in Fp.</summary>
    internal static readonly Fp2<TFp>[] Gamma2 = ComputeGamma2(Gamma1);

    /// <summary>γ_{3,i} = ξ^(i(p^3 - 1)/6).</summary>
    internal static readonly Fp2<TFp>[] Gamma3 = ComputeGamma3(Gamma1, Gamma2);

    private static Fp2<TFp>[] ComputeGamma1()
    {
        Span<ulong> exponent = stackalloc ulong[TFp.ModulusLimbs.Length];
        TFp.ModulusLimbs.CopyTo(exponent);

        // p is odd, so p - 1 only clears bit 0.
        exponent[0] -= 1;
        if (FieldAlgorithms.DivideInPlace(exponent, 6) != 0)
        {
            throw new InvalidOperationException("The tower needs p = 1 (mod 6).");
        }

        var gammas = new Fp2<TFp>[6];
        gammas[0] = Fp2<TFp>.One;
        var xi = TTower.NonResidue;
        FieldAlgorithms.Pow(in xi, exponent, out gammas[1]);
        for (int i = 2; i < 6; i++)
        {
            Fp2<TFp>.Multiply(in gammas[i - 1], in gammas[1], out gammas[i]);
        }

        return gammas;
    }

    private static Fp2<TFp>[] ComputeGamma2(Fp2<TFp>[] gamma1)
    {
        var gammas = new Fp2<TFp>[6];
        for (int i = 0; i < 6; i++)
        {
            Fp2<TFp>.Conjugate(in gamma1[i], out var conjugate);
            Fp2<TFp>.Multiply(in gamma1[i], in conjugate, out gammas[i]);
        }

        return gammas;
    }

    private static Fp2<TFp>[] ComputeGamma3(Fp2<TFp>[] gamma1, Fp2<TFp>[] gamma2)
    {
        var gammas = new Fp2<TFp>[6];
        for (int i = 0; i < 6; i++)
        {
            Fp2<TFp>.Multiply(in gamma1[i], in gamma2[i], out gammas[i]);
        }

        return gammas;
    }
}

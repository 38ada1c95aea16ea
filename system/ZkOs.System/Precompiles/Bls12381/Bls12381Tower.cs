// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.System.Precompiles.Bn254;
using Fq = ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>;

namespace ZkOs.System.Precompiles.Bls12381;

/// <summary>
/// BLS12-381's tower above Fp2 = Fp[u]/(u^2 + 1): ξ = 1 + u, neither a square nor a cube in Fp2, so
/// Fp6 = Fp2[v]/(v^3 - ξ) and Fp12 = Fp6[w]/(w^2 - v) (the tower of the IETF pairing-friendly-curves draft,
/// draft-irtf-cfrg-pairing-friendly-curves §4.2.2, and of every BLS12-381 library), built by the same
/// generic <see cref="Fp6{TFp, TTower}"/> and <see cref="Fp12{TFp, TTower}"/> as BN254's.
/// </summary>
internal readonly struct Bls12381Tower : ITowerParams<Fq>
{
    public static Fq2 NonResidue => new(Fq.One, Fq.One);

    /// <summary>(a0 + a1u)(1 + u) = (a0 - a1) + (a0 + a1)u: two additions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyByNonResidue(in Fq2 a, out Fq2 result)
    {
        Fq.Subtract(in a.C0, in a.C1, out var c0);
        Fq.Add(in a.C0, in a.C1, out var c1);
        result = new Fq2(in c0, in c1);
    }
}

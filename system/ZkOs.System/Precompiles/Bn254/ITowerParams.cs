// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// What distinguishes one degree-12 pairing tower from another above its Fp2: the cubic non-residue ξ
/// of Fp6 = Fp2[v]/(v^3 - ξ) (Fp12 = Fp6[w]/(w^2 - v) is then the same construction for every curve).
/// BN254 uses ξ = 9 + u; BLS12-381 uses ξ = 1 + u. A multiplication by ξ is a few additions, so each
/// curve supplies its own.
/// </summary>
internal interface ITowerParams<TFp>
    where TFp : unmanaged, IPrimeField<TFp>
{
    static abstract Fp2<TFp> NonResidue { get; }

    static abstract void MultiplyByNonResidue(in Fp2<TFp> a, out Fp2<TFp> result);
}

// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// The sextic twist E': y^2 = x^3 + b' over Fp2 that carries G2 of a BN or BLS12 curve y^2 = x^3 + b, and
/// which of the two kinds it is. With w^6 = ξ in Fp12, a D-type twist has b' = b/ξ and maps into E by
/// (x, y) ↦ (x·w^2, y·w^3) (BN254); an M-type twist has b' = b·ξ and maps by (x, y) ↦ (x·w^-2, y·w^-3)
/// (BLS12-381). The kind decides where the three coefficients of a line function land in Fp12 and which
/// Frobenius constants the endomorphism ψ uses (Scott, Benger, Charlemagne, Dominguez Perez and Kachisa,
/// "On the final exponentiation for calculating pairings on ordinary elliptic curves", 2009, §2, and
/// Costello, Lange and Naehrig, "Faster pairing computations on curves with high-degree twists", PKC 2010).
/// </summary>
internal interface ITwistParams<TFp> : ICurveParams<Fp2<TFp>>
    where TFp : unmanaged, IPrimeField<TFp>
{
    /// <summary>True for an M-type twist (b' = b·ξ), false for a D-type twist (b' = b/ξ).</summary>
    static abstract bool IsMType { get; }
}

// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// A short Weierstrass curve y^2 = x^3 + b with a = 0 over <typeparamref name="TField"/>: the shape of the
/// G1 and G2 groups of BN and BLS12 curves. Implemented by an empty struct per group.
/// </summary>
internal interface ICurveParams<TField>
    where TField : unmanaged, IField<TField>
{
    static abstract TField B { get; }
}

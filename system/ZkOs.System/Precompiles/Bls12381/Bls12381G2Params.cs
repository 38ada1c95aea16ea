// SPDX-License-Identifier: MIT
using ZkOs.System.Precompiles.Bn254;
using Fq = ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>;

namespace ZkOs.System.Precompiles.Bls12381;

/// <summary>
/// BLS12-381's G2 lives on the M-type sextic twist E': y^2 = x^3 + 4(1 + u) over Fp2 (b' = b·ξ), whose
/// group has a large cofactor, so points must be checked for membership in the order-r subgroup
/// (<see cref="Bls12381G2.IsInSubgroup"/>).
/// </summary>
internal readonly struct Bls12381G2Params : ITwistParams<Fq>
{
    private static readonly Fq2 _b = new(Fq.FromUInt64(4), Fq.FromUInt64(4));

    public static Fq2 B => _b;

    public static bool IsMType => true;
}

// SPDX-License-Identifier: MIT
using ZkOs.System.Precompiles.Bn254;
using Fq = ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>;

namespace ZkOs.System.Precompiles.Bls12381;

/// <summary>
/// BLS12-381's E: y^2 = x^3 + 4 over Fp. Its group has order h·r with the cofactor
/// h = (x - 1)^2/3 ≈ 2^125, so a point on the curve must also be checked for membership in the order-r
/// subgroup G1 (<see cref="Bls12381G1.IsInSubgroup"/>).
/// </summary>
internal readonly struct Bls12381G1Params : ICurveParams<Fq>
{
    private static readonly Fq _b = Fq.FromUInt64(4);

    public static Fq B => _b;
}

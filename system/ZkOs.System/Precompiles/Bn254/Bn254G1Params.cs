// SPDX-License-Identifier: MIT
using Fq = ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>;

namespace ZkOs.System.Precompiles.Bn254;

/// <summary>BN254's G1: y^2 = x^3 + 3 over Fp (EIP-196). Its order is the prime r, so every curve point is in G1.</summary>
internal readonly struct Bn254G1Params : ICurveParams<Fq>
{
    private static readonly Fq _b = Fq.FromUInt64(3);

    public static Fq B => _b;
}

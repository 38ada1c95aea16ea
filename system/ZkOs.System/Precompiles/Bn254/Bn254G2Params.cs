// SPDX-License-Identifier: MIT
using Fq = ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>;

namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// BN254's G2 lives on the sextic D-type twist y^2 = x^3 + 3/ξ over Fp2 (EIP-197), ξ = 9 + u. The twist's
/// group has order r·(2p - r), so points must also be checked for membership in the order-r subgroup
/// (<see cref="Bn254G2"/>).
/// </summary>
internal readonly struct Bn254G2Params : ITwistParams<Fq>
{
    private static readonly Fq2 _b = ComputeB();

    public static Fq2 B => _b;

    public static bool IsMType => false;

    private static Fq2 ComputeB()
    {
        var xi = Bn254Tower.NonResidue;
        Fq2.Invert(in xi, out var inverse);
        Fq2.MultiplyByBase(in inverse, Fq.FromUInt64(3), out var b);
        return b;
    }
}

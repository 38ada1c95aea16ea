// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.Framework.Numerics;
using Fq = ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>;
using G2 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>, ZkOs.System.Precompiles.Bn254.Bn254G2Params>;

namespace ZkOs.System.Precompiles.Bn254;

/// <summary>The G2-specific maps of BN254: the untwist-Frobenius-twist endomorphism ψ and the subgroup test.</summary>
internal static class Bn254G2
{
    /// <summary>The BN parameter u = 4965661367192848881 (p and r are polynomials in it).</summary>
    internal const ulong U = 4965661367192848881;

    /// <summary>
    /// ψ(x, y) = (conj(x)·ξ^((p-1)/3), conj(y)·ξ^((p-1)/2)): the p-power Frobenius of E(Fp12) seen
    /// through the twist map (x, y) ↦ (x·w^2, y·w^3). In Jacobian coordinates Z is conjugated too.
    /// On G2, ψ acts as multiplication by p.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Psi(in G2 p, out G2 result)
    {
        Fq2.Conjugate(in p.X, out var x);
        Fq2.Conjugate(in p.Y, out var y);
        Fq2.Conjugate(in p.Z, out var z);
        Fq2.Multiply(in x, in FrobeniusCoefficients<Fq, Bn254Tower>.Gamma1[2], out x);
        Fq2.Multiply(in y, in FrobeniusCoefficients<Fq, Bn254Tower>.Gamma1[3], out y);
        result = new G2(in x, in y, in z);
    }

    /// <summary>
    /// Membership in the order-r subgroup of a point already on the twist, by the test of El Housni,
    /// Guillevic and Piellard, "Co-factor clearing and subgroup membership testing on pairing-friendly
    /// curves" (AFRICACRYPT 2022, ePrint 2022/352): Q ∈ G2 iff [u+1]Q + ψ([u]Q) + ψ²([u]Q) = ψ³([2u]Q). It costs one
    /// 63-bit scalar multiplication instead of the 254-bit [r]Q = O.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsInSubgroup(in G2 q)
    {
        if (q.IsInfinity)
        {
            return true;
        }

        G2.Multiply(in q, new UInt256(U), out var uq);
        G2.Add(in uq, in q, out var left);
        Psi(in uq, out var psi1);
        G2.Add(in left, in psi1, out left);
        Psi(in psi1, out var psi2);
        G2.Add(in left, in psi2, out left);

        G2.Double(in uq, out var right);
        Psi(in right, out right);
        Psi(in right, out right);
        Psi(in right, out right);
        return G2.AreEqual(in left, in right);
    }
}

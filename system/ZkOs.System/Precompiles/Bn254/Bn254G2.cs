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

    /// <summary>u in non-adjacent form, least significant digit first: 24 non-zero digits (28 ones in binary).</summary>
    internal static ReadOnlySpan<sbyte> UNaf =>
    [
        1, 0, 0, 0, -1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0, 1, 0, -1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0,
        0, 0, 1, 0, -1, 0, -1, 0, -1, 0, 1, 0, 1, 0, 0, -1, 0, 1, 0, 1, 0, -1, 0, 0, 1, 0, 1, 0, 0, 0, 1,
    ];

    /// <summary>ψ of the D-type twist (<see cref="TwistEndomorphism{TFp, TTower, TTwist}"/>): multiplication by p on G2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Psi(in G2 p, out G2 result) => TwistEndomorphism<Fq, Bn254Tower, Bn254G2Params>.Psi(in p, out result);

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

        // Points come from their affine encoding (Z = 1): then [u]Q is a chain of mixed additions.
        G2 uq;
        var one = Fq2.One;
        if (Fq2.AreEqual(in q.Z, in one))
        {
            G2.MultiplyAffineByNaf(in q.X, in q.Y, UNaf, out uq);
        }
        else
        {
            G2.Multiply(in q, new UInt256(U), out uq);
        }

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

// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using Fq = ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>;

namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// BN254's tower above Fp2: ξ = 9 + u (EIP-197), neither a square nor a cube in Fp2, so
/// Fp6 = Fp2[v]/(v^3 - ξ) and Fp12 = Fp6[w]/(w^2 - v).
/// </summary>
internal readonly struct Bn254Tower : ITowerParams<Fq>
{
    public static Fq2 NonResidue => new(Fq.FromUInt64(9), Fq.One);

    /// <summary>(a0 + a1u)(9 + u) = (9a0 - a1) + (a0 + 9a1)u, with 9a = 8a + a by doublings.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyByNonResidue(in Fq2 a, out Fq2 result)
    {
        Fq a0 = a.C0, a1 = a.C1;
        Fq.Double(in a0, out var t0);
        Fq.Double(in t0, out t0);
        Fq.Double(in t0, out t0);
        Fq.Add(in t0, in a0, out t0);
        Fq.Subtract(in t0, in a1, out t0);
        Fq.Double(in a1, out var t1);
        Fq.Double(in t1, out t1);
        Fq.Double(in t1, out t1);
        Fq.Add(in t1, in a1, out t1);
        Fq.Add(in t1, in a0, out t1);
        result = new Fq2(in t0, in t1);
    }
}

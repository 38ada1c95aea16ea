// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.System.Precompiles.Bn254;
using Fq = ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>;
using G2 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>, ZkOs.System.Precompiles.Bls12381.Bls12381G2Params>;

namespace ZkOs.System.Precompiles.Bls12381;

/// <summary>The G2-specific constants and maps of BLS12-381: the generator, ψ and the subgroup test.</summary>
internal static class Bls12381G2
{
    /// <summary>The generator of G2 (the IETF pairing-friendly-curves draft, §4.2.1; Bowe 2017).</summary>
    internal static readonly G2 Generator = G2.FromAffine(
        new Fq2(
            Bls12381Encoding.ParseFq("024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8"),
            Bls12381Encoding.ParseFq("13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e")),
        new Fq2(
            Bls12381Encoding.ParseFq("0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801"),
            Bls12381Encoding.ParseFq("0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be")));

    /// <summary>ψ of the M-type twist (<see cref="TwistEndomorphism{TFp, TTower, TTwist}"/>): multiplication by p on G2.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Psi(in G2 p, out G2 result) => TwistEndomorphism<Fq, Bls12381Tower, Bls12381G2Params>.Psi(in p, out result);

    /// <summary>
    /// Membership in the order-r subgroup of a point already on the twist, by Scott, "A note on group
    /// membership tests for G1, G2 and GT on BLS pairing-friendly curves" (ePrint 2021/1130, §4): Q ∈ G2 iff
    /// ψ(Q) = [x]Q, one multiplication by the 64-bit |x| (x is negative: [x]Q = -[|x|]Q).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsInSubgroup(in G2 q)
    {
        if (q.IsInfinity)
        {
            return true;
        }

        G2.MultiplyByWord(in q, Bls12381G1.AbsoluteX, out var xq);
        G2.Negate(in xq, out xq);
        Psi(in q, out var psi);
        return G2.AreEqual(in psi, in xq);
    }
}

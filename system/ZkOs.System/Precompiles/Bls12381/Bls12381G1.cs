// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using Fq = ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>;
using G1 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>, ZkOs.System.Precompiles.Bls12381.Bls12381G1Params>;

namespace ZkOs.System.Precompiles.Bls12381;

/// <summary>
/// The G1-specific constants and maps of BLS12-381: the curve parameter, the generator, the endomorphism φ
/// and the subgroup test.
/// </summary>
internal static class Bls12381G1
{
    /// <summary>|x| for the curve parameter x = -0xd201000000010000 (p and r are polynomials in x).</summary>
    internal const ulong AbsoluteX = 0xD201000000010000;

    /// <summary>
    /// β, a primitive cube root of unity in Fp, chosen so that φ(x, y) = (βx, y) acts on G1 as multiplication by
    /// -x^2 (the other root, β^2, gives x^2 - 1, its conjugate eigenvalue).
    /// </summary>
    private static readonly Fq _beta = Bls12381Encoding.ParseFq(
        "5f19672fdf76ce51ba69c6076a0f77eaddb3a93be6f89688de17d813620a00022e01fffffffefffe");

    /// <summary>The generator of G1 (the IETF pairing-friendly-curves draft, §4.2.1; Bowe 2017).</summary>
    internal static readonly G1 Generator = G1.FromAffine(
        Bls12381Encoding.ParseFq("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb"),
        Bls12381Encoding.ParseFq("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1"));

    /// <summary>φ(x, y) = (βx, y); in Jacobian coordinates X/Z^2 scales by β through X alone.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Phi(in G1 p, out G1 result)
    {
        Fq.Multiply(in p.X, in _beta, out var x);
        result = new G1(in x, in p.Y, in p.Z);
    }

    /// <summary>
    /// Membership in the order-r subgroup of a point already on the curve, by the test of Scott, "A note on
    /// group membership tests for G1, G2 and GT on BLS pairing-friendly curves" (ePrint 2021/1130, §6):
    /// P ∈ G1 iff φ(P) = [-x^2]P. Two multiplications by the 64-bit |x| (six bits set) instead of the 255-bit
    /// [r]P = O.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool IsInSubgroup(in G1 p)
    {
        if (p.IsInfinity)
        {
            return true;
        }

        G1.MultiplyByWord(in p, AbsoluteX, out var t);
        G1.MultiplyByWord(in t, AbsoluteX, out t);
        G1.Negate(in t, out t);
        Phi(in p, out var phi);
        return G1.AreEqual(in phi, in t);
    }
}

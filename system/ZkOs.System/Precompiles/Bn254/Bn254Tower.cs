// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using static ZkOs.System.Precompiles.Bn254.MultiPrecision;
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

    /// <summary>
    /// (a0 + a1u)(9 + u) = (9a0 - a1) + (a0 + 9a1)u. Each coefficient is formed as one integer below 10p,
    /// 9a0 + (p - a1) and 9a1 + a0, and reduced once (<see cref="NineTimesPlus"/>), instead of the three
    /// doublings and two modular additions per coefficient of 9a = 8a + a: this map runs in every Fp6 and
    /// Fp12 multiplication and in the cyclotomic squarings of the final exponentiation.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MultiplyByNonResidue(in Fq2 a, out Fq2 result)
    {
        ulong borrow = 0;
        ulong n0 = SubtractWithBorrow(Bn254FpParams.Modulus0, a.C1.L0, ref borrow);
        ulong n1 = SubtractWithBorrow(Bn254FpParams.Modulus1, a.C1.L1, ref borrow);
        ulong n2 = SubtractWithBorrow(Bn254FpParams.Modulus2, a.C1.L2, ref borrow);
        ulong n3 = Bn254FpParams.Modulus3 - a.C1.L3 - borrow;
        NineTimesPlus(in a.C0, n0, n1, n2, n3, out var c0);
        NineTimesPlus(in a.C1, a.C0.L0, a.C0.L1, a.C0.L2, a.C0.L3, out var c1);
        result = new Fq2(in c0, in c1);
    }

    /// <summary>
    /// 9a + b mod p for a &lt; p and b &lt;= p: the integer 9a + b is below 10p, within the range of the
    /// single truncated-quotient reduction <see cref="Fp256{TParams}.ReduceSmallMultiple"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void NineTimesPlus(in Fq a, ulong b0, ulong b1, ulong b2, ulong b3, out Fq result)
    {
        ulong c = MultiplyAdd(a.L0, 9, b0, 0, out ulong x0);
        c = MultiplyAdd(a.L1, 9, b1, c, out ulong x1);
        c = MultiplyAdd(a.L2, 9, b2, c, out ulong x2);
        ulong x4 = MultiplyAdd(a.L3, 9, b3, c, out ulong x3);

        Fq.ReduceSmallMultiple(x0, x1, x2, x3, x4, out result);
    }
}

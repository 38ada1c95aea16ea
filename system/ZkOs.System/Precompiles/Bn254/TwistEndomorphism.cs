// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// The endomorphism ψ = untwist⁻¹ ∘ π ∘ untwist of a sextic twist, where π is the p-power Frobenius of E over
/// Fp12 (Galbraith and Scott, "Exponentiation in pairing-friendly groups using homomorphisms", Pairing 2008).
/// With w^6 = ξ: on a D-type twist (untwist (x, y) ↦ (x·w^2, y·w^3)), ψ(x, y) = (conj(x)·ξ^((p-1)/3),
/// conj(y)·ξ^((p-1)/2)); on an M-type twist (untwist (x, y) ↦ (x·w^-2, y·w^-3)) the constants are inverted.
/// In Jacobian coordinates Z is conjugated too. On G2, ψ acts as multiplication by p, which is what the fast
/// subgroup tests of both curves rest on.
/// </summary>
internal static class TwistEndomorphism<TFp, TTower, TTwist>
    where TFp : unmanaged, IPrimeField<TFp>
    where TTower : struct, ITowerParams<TFp>
    where TTwist : struct, ITwistParams<TFp>
{
    private static readonly Fp2<TFp> _xFactor = Factor(2);
    private static readonly Fp2<TFp> _yFactor = Factor(3);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Psi(in JacobianPoint<Fp2<TFp>, TTwist> p, out JacobianPoint<Fp2<TFp>, TTwist> result)
    {
        Fp2<TFp>.Conjugate(in p.X, out var x);
        Fp2<TFp>.Conjugate(in p.Y, out var y);
        Fp2<TFp>.Conjugate(in p.Z, out var z);
        Fp2<TFp>.Multiply(in x, in _xFactor, out x);
        Fp2<TFp>.Multiply(in y, in _yFactor, out y);
        result = new JacobianPoint<Fp2<TFp>, TTwist>(in x, in y, in z);
    }

    /// <summary>ξ^(i(p-1)/6) (γ_{1,i} of <see cref="FrobeniusCoefficients{TFp, TTower}"/>), inverted on an M-type twist.</summary>
    private static Fp2<TFp> Factor(int i)
    {
        var gamma = FrobeniusCoefficients<TFp, TTower>.Gamma1[i];
        if (TTwist.IsMType)
        {
            Fp2<TFp>.Invert(in gamma, out gamma);
        }

        return gamma;
    }
}

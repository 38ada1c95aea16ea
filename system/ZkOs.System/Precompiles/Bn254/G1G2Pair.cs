// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// One (P, Q) argument of a pairing over the base field <typeparamref name="TFp"/>: P in G1 and Q in G2
/// (on the twist), both affine, validated and neither at infinity (a pair with a point at infinity
/// contributes 1 and is dropped before the Miller loop). Shared by BN254 and BLS12-381.
/// </summary>
internal struct G1G2Pair<TFp>
    where TFp : unmanaged, IPrimeField<TFp>
{
    internal TFp PX;
    internal TFp PY;
    internal Fp2<TFp> QX;
    internal Fp2<TFp> QY;

    internal G1G2Pair(in TFp px, in TFp py, in Fp2<TFp> qx, in Fp2<TFp> qy)
    {
        PX = px;
        PY = py;
        QX = qx;
        QY = qy;
    }
}

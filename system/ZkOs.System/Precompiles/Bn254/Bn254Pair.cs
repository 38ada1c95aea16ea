// SPDX-License-Identifier: MIT
using Fq = ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>;

namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// One (P, Q) argument of a pairing: P in G1 and Q in G2, both affine, validated and neither at
/// infinity (a pair with a point at infinity contributes 1 and is dropped before the Miller loop).
/// </summary>
internal struct Bn254Pair
{
    internal Fq PX;
    internal Fq PY;
    internal Fq2 QX;
    internal Fq2 QY;

    internal Bn254Pair(in Fq px, in Fq py, in Fq2 qx, in Fq2 qy)
    {
        PX = px;
        PY = py;
        QX = qx;
        QY = qy;
    }
}

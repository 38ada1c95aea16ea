// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// A pairing argument whose Q is fixed: P in G1 (affine, not at infinity) and the line functions of Q's
/// Miller loop, computed once by <see cref="MillerLoop{TFp, TTower, TTwist}.Prepare"/>. The loop then costs
/// only the Fp12 work (no G2 arithmetic), which is what a verifier with constant G2 points (KZG) wants.
/// </summary>
internal readonly struct PreparedPair<TFp>
    where TFp : unmanaged, IPrimeField<TFp>
{
    internal readonly TFp PX;
    internal readonly TFp PY;
    internal readonly LineFunction<TFp>[] Lines;

    internal PreparedPair(in TFp px, in TFp py, LineFunction<TFp>[] lines)
    {
        PX = px;
        PY = py;
        Lines = lines;
    }
}

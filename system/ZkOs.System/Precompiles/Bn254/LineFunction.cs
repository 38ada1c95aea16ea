// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// A line of the Miller loop before it is evaluated at P = (xP, yP): the value is
/// <c>Y·yP + X·xP·w^k + Constant·w^3</c> up to a factor killed by the final exponentiation, where the twist
/// type places the terms (<see cref="MillerLoop{TFp, TTower, TTwist}.MultiplyByLine"/>). The three Fp2
/// coefficients depend on Q only, so a fixed Q's lines can be computed once (<see cref="PreparedPair{TFp}"/>).
/// </summary>
internal struct LineFunction<TFp>
    where TFp : unmanaged, IPrimeField<TFp>
{
    /// <summary>The coefficient multiplied by yP.</summary>
    internal Fp2<TFp> Y;

    /// <summary>The coefficient multiplied by xP.</summary>
    internal Fp2<TFp> X;

    internal Fp2<TFp> Constant;

    internal LineFunction(in Fp2<TFp> y, in Fp2<TFp> x, in Fp2<TFp> constant)
    {
        Y = y;
        X = x;
        Constant = constant;
    }
}

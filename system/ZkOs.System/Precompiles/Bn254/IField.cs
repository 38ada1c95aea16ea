// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// The operations every level of a pairing tower provides (Fp, Fp2, Fp6, Fp12), as static abstract
/// members so generic code over a struct field is specialised by the JIT with no interface dispatch.
/// Every implementation reads all its inputs before writing its result, so an <c>out</c> argument may
/// alias an <c>in</c> argument (<c>Multiply(in x, in y, out x)</c> is fine).
/// The non-inlined arithmetic of the tower, the curves and the pairing is marked
/// <c>AggressiveOptimization</c>: a precompile may run once per block, and tier-0 code ran a pairing
/// check about 7x slower (9 ms against 1.3 ms for two pairs) for its first ~30 calls.
/// </summary>
internal interface IField<T>
    where T : struct, IField<T>
{
    static abstract T Zero { get; }

    static abstract T One { get; }

    static abstract bool IsZero(in T a);

    static abstract bool AreEqual(in T a, in T b);

    static abstract void Add(in T a, in T b, out T result);

    static abstract void Subtract(in T a, in T b, out T result);

    static abstract void Negate(in T a, out T result);

    static abstract void Double(in T a, out T result);

    /// <summary>a / 2, used by the projective doubling formulas to avoid a multiplication by 1/2.</summary>
    static abstract void Halve(in T a, out T result);

    static abstract void Multiply(in T a, in T b, out T result);

    static abstract void Square(in T a, out T result);

    /// <summary>The multiplicative inverse; zero maps to zero (callers check for zero where it matters).</summary>
    static abstract void Invert(in T a, out T result);
}

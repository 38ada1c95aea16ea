// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles.Bn254;

/// <summary>
/// A prime base field: the bottom of a tower. Adds what the upper levels and the codecs need from the
/// base: its modulus (for exponents such as (p - 1) / 6 in the Frobenius constants) and conversions
/// between canonical big-endian bytes and the internal representation.
/// </summary>
internal interface IPrimeField<T> : IField<T>
    where T : struct, IPrimeField<T>
{
    /// <summary>The modulus p as little-endian 64-bit limbs.</summary>
    static abstract ReadOnlySpan<ulong> ModulusLimbs { get; }

    /// <summary>The size of a canonical big-endian encoding in bytes.</summary>
    static abstract int ByteLength { get; }

    static abstract T FromUInt64(ulong value);

    /// <summary>Reads a big-endian integer of <see cref="ByteLength"/> bytes; false if it is not below p.</summary>
    static abstract bool TryReadBigEndian(ReadOnlySpan<byte> source, out T result);

    /// <summary>
    /// (a0 + a1·i)(b0 + b1·i) with i^2 = -1: the product of Fp2 = Fp[i]/(i^2 + 1) computed by the base
    /// field, which can combine unreduced products (lazy reduction) in its own representation.
    /// </summary>
    static abstract void MultiplyComplex(in T a0, in T a1, in T b0, in T b1, out T c0, out T c1);

    /// <summary>(a0 + a1·i)^2 with i^2 = -1, as <see cref="MultiplyComplex"/>.</summary>
    static abstract void SquareComplex(in T a0, in T a1, out T c0, out T c1);

    /// <summary>
    /// 3x - 2y, the combination of the cyclotomic squaring. The default is three modular operations; a field
    /// with spare bits above its modulus can form the integer once and reduce once.
    /// </summary>
    static virtual void ThreeMinusTwo(in T x, in T y, out T result)
    {
        T.Subtract(in x, in y, out var t);
        T.Double(in t, out t);
        T.Add(in t, in x, out result);
    }

    /// <summary>3x + 2y, as <see cref="ThreeMinusTwo"/>.</summary>
    static virtual void ThreePlusTwo(in T x, in T y, out T result)
    {
        T.Add(in x, in y, out var t);
        T.Double(in t, out t);
        T.Add(in t, in x, out result);
    }

    /// <summary>Writes the canonical big-endian encoding (<see cref="ByteLength"/> bytes).</summary>
    static abstract void WriteBigEndian(in T a, Span<byte> destination);
}

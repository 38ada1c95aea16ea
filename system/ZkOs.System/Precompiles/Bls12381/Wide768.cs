// SPDX-License-Identifier: MIT
namespace ZkOs.System.Precompiles.Bls12381;

/// <summary>
/// A 768-bit intermediate of <see cref="Fp384{TParams}"/>: a double-width product awaiting its Montgomery
/// reduction, twelve limbs least significant first. A plain struct so the lazy reductions keep their
/// unreduced sums on the stack instead of in twelve separate out-parameters.
/// </summary>
internal struct Wide768
{
    internal ulong W0;
    internal ulong W1;
    internal ulong W2;
    internal ulong W3;
    internal ulong W4;
    internal ulong W5;
    internal ulong W6;
    internal ulong W7;
    internal ulong W8;
    internal ulong W9;
    internal ulong W10;
    internal ulong W11;

    internal Wide768(
        ulong w0, ulong w1, ulong w2, ulong w3, ulong w4, ulong w5, ulong w6, ulong w7, ulong w8, ulong w9, ulong w10, ulong w11)
    {
        W0 = w0;
        W1 = w1;
        W2 = w2;
        W3 = w3;
        W4 = w4;
        W5 = w5;
        W6 = w6;
        W7 = w7;
        W8 = w8;
        W9 = w9;
        W10 = w10;
        W11 = w11;
    }
}

// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOs.System.Precompiles.Bn254;

/// <summary>Algorithms written once over <see cref="IField{T}"/> and multi-limb exponents.</summary>
internal static class FieldAlgorithms
{
    /// <summary>
    /// a^e for an exponent given as little-endian 64-bit limbs, with a fixed 4-bit window: 15
    /// multiplications build the table, then one multiplication per non-zero nibble (about a quarter
    /// fewer than square-and-multiply on a dense exponent such as p - 2).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Pow<T>(in T a, ReadOnlySpan<ulong> exponent, out T result)
        where T : unmanaged, IField<T>
    {
        Span<T> table = stackalloc T[16];
        table[0] = T.One;
        table[1] = a;
        for (int i = 2; i < 16; i++)
        {
            T.Multiply(in table[i - 1], in a, out table[i]);
        }

        T acc = T.One;
        bool started = false;
        for (int limb = exponent.Length - 1; limb >= 0; limb--)
        {
            ulong word = exponent[limb];
            for (int shift = 60; shift >= 0; shift -= 4)
            {
                int nibble = (int)(word >> shift) & 0xF;
                if (started)
                {
                    T.Square(in acc, out acc);
                    T.Square(in acc, out acc);
                    T.Square(in acc, out acc);
                    T.Square(in acc, out acc);
                    if (nibble != 0)
                    {
                        T.Multiply(in acc, in table[nibble], out acc);
                    }
                }
                else if (nibble != 0)
                {
                    acc = table[nibble];
                    started = true;
                }
            }
        }

        result = acc;
    }

    /// <summary>
    /// Divides a little-endian multi-limb integer in place by a small divisor and returns the remainder
    /// (schoolbook short division; used once per tower to form exponents such as (p - 1) / 6).
    /// </summary>
    public static ulong DivideInPlace(Span<ulong> value, ulong divisor)
    {
        UInt128 remainder = 0;
        for (int i = value.Length - 1; i >= 0; i--)
        {
            UInt128 current = (remainder << 64) | value[i];
            value[i] = (ulong)(current / divisor);
            remainder = current % divisor;
        }

        return (ulong)remainder;
    }
}

// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;

namespace ZkOs.Bootloader.ZkSync.Transactions;

/// <summary>
/// The input lengths of the Keccak-256 calls behind one transaction hash, in order, held inline: the
/// most any hash makes is <see cref="Capacity"/> (an EIP-712 transaction hash), so computing a hash
/// needs no list of its own.
/// </summary>
public struct KeccakInputs
{
    /// <summary>The calls of the longest hash: domain, data, deps, paymaster input, struct, digest, signature, final.</summary>
    public const int Capacity = 8;

    private Lengths _lengths;

    /// <summary>Calls recorded.</summary>
    public int Count { get; private set; }

    /// <exception cref="InvalidOperationException">More than <see cref="Capacity"/> calls: a hash this type does not know.</exception>
    public void Add(int length)
    {
        if (Count == Capacity)
        {
            throw new InvalidOperationException($"a transaction hash makes at most {Capacity} keccak calls");
        }
        _lengths[Count++] = length;
    }

    /// <summary>The lengths as a new array (for reports and tests; the charge reads them in place).</summary>
    public readonly int[] ToArray()
    {
        var lengths = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            lengths[i] = _lengths[i];
        }
        return lengths;
    }

    /// <summary>Native for all calls: Σ <c>2500 + 17500·max(1, ⌈len/136⌉)</c> (reference/zksync-os.md §10.16).</summary>
    public readonly ulong Native()
    {
        ulong total = 0;
        for (var i = 0; i < Count; i++)
        {
            total += System.Io.IoSubsystem.KeccakNative(_lengths[i]);
        }
        return total;
    }

    /// <summary>Bytes hashed over all calls.</summary>
    public readonly long Bytes()
    {
        long total = 0;
        for (var i = 0; i < Count; i++)
        {
            total += _lengths[i];
        }
        return total;
    }

    [InlineArray(Capacity)]
    private struct Lengths
    {
        private int _element;
    }
}

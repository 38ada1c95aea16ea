// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Tree;

/// <summary>
/// A leaf of the state tree (§7.1): a flat key, its value, and <paramref name="Next"/>, the index of
/// the leaf holding the next larger key, so the leaves form a sorted linked list that non-membership
/// proofs walk. An unused slot is all zeroes (<see cref="Empty"/>).
/// </summary>
public readonly record struct FlatStorageLeaf(Bytes32 Key, Bytes32 Value, ulong Next)
{
    /// <summary>Bytes hashed for a leaf: key ‖ value ‖ next as a little-endian u64.</summary>
    public const int EncodedSize = 2 * Bytes32.Size + sizeof(ulong);

    /// <summary>The content of a never-used slot, hashed like any other leaf.</summary>
    public static FlatStorageLeaf Empty => default;

    public bool IsEmpty => Key.IsZero && Value.IsZero && Next == 0;

    /// <summary>Writes the <see cref="EncodedSize"/> bytes that are hashed for this leaf.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="EncodedSize"/>.</exception>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < EncodedSize)
            throw new ArgumentException($"a leaf encodes to {EncodedSize} bytes but the destination holds {destination.Length}", nameof(destination));
        Key.WriteTo(destination);
        Value.WriteTo(destination[Bytes32.Size..]);
        // Little-endian unlike everything else here: the reference hashes the u64's native bytes.
        BinaryPrimitives.WriteUInt64LittleEndian(destination[(2 * Bytes32.Size)..], Next);
    }
}

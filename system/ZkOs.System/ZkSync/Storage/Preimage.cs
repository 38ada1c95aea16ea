// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Storage;

/// <summary>
/// A preimage the oracle may be asked for (§6.1 query 5): bytes stored under their BLAKE2s hash,
/// which is what account-properties slots and bytecode hashes refer to. Equality compares the byte
/// array by reference.
/// </summary>
public readonly record struct Preimage(Bytes32 Hash, PreimageKind Kind, byte[] Bytes)
{
    /// <summary>A preimage of <paramref name="bytes"/> under its BLAKE2s-256 hash.</summary>
    public static Preimage Create(PreimageKind kind, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return new Preimage(Blake2s256.Hash(bytes), kind, bytes);
    }

    /// <summary>Whether <see cref="Hash"/> is the BLAKE2s-256 of <see cref="Bytes"/> (the proof recomputes it, §6.5).</summary>
    public bool IsConsistent => Bytes is not null && Blake2s256.Hash(Bytes) == Hash;
}

// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Tree;

/// <summary>
/// The state-tree key of a storage slot: blake2s(0^12 ‖ address ‖ key). Every slot of every account
/// lives in this one flat key space, and accounts themselves are slots of 0x8003 (§4.3).
/// </summary>
public static class FlatKey
{
    /// <summary>The preimage is exactly one BLAKE2s block: the address padded to a word, then the key.</summary>
    private const int PreimageSize = 64;

    private const int AddressOffset = 12;

    /// <summary>The flat key of slot <paramref name="key"/> of <paramref name="address"/>.</summary>
    [SkipLocalsInit]
    public static Bytes32 Compute(in Address address, in Bytes32 key)
    {
        Span<byte> preimage = stackalloc byte[PreimageSize];
        // SkipLocalsInit leaves the buffer undefined; only the padding is not overwritten below.
        preimage[..AddressOffset].Clear();
        address.WriteTo(preimage[AddressOffset..]);
        key.WriteTo(preimage[Bytes32.Size..]);
        return Blake2s256.Hash(preimage);
    }
}

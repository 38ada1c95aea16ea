// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.World;

/// <summary>
/// Versioned bytecode hashes (eravm.md §4): <c>01 | marker | len_words (u16 BE) | sha256(code)[4..32]</c>
/// for EraVM code (an odd number of 32-byte words, fewer than 2^16), version 02 with the length in bytes
/// for EVM blobs. The marker is 0 for deployed code and 1 for code under construction.
/// </summary>
public static class VersionedHash
{
    public const byte EraVmVersion = 1;
    public const byte EvmBlobVersion = 2;

    public static bool IsValidEraVmCode(ReadOnlySpan<byte> code) =>
        code.Length % 32 == 0 && (code.Length / 32) % 2 == 1 && code.Length / 32 < 1 << 16;

    /// <summary>The deployed-code hash of EraVM bytecode; the caller checks <see cref="IsValidEraVmCode"/>.</summary>
    public static UInt256 OfEraVmCode(ReadOnlySpan<byte> code)
    {
        Span<byte> digest = stackalloc byte[32];
        Sha256Hash.Hash(code, digest);
        var words = code.Length / 32;
        digest[0] = EraVmVersion;
        digest[1] = 0;
        digest[2] = (byte)(words >> 8);
        digest[3] = (byte)words;
        return UInt256.ReadBigEndian(digest);
    }

    /// <summary>The hash of an EVM blob (version 2, the length in bytes).</summary>
    public static UInt256 OfEvmBlob(ReadOnlySpan<byte> code)
    {
        Span<byte> digest = stackalloc byte[32];
        Sha256Hash.Hash(code, digest);
        digest[0] = EvmBlobVersion;
        digest[1] = 0;
        digest[2] = (byte)(code.Length >> 8);
        digest[3] = (byte)code.Length;
        return UInt256.ReadBigEndian(digest);
    }

    public static byte Version(in UInt256 hash) => (byte)(hash.U3 >> 56);

    public static bool IsUnderConstruction(in UInt256 hash) => (byte)(hash.U3 >> 48) == 1;

    /// <summary>The same hash with the construction marker set or cleared.</summary>
    public static UInt256 WithMarker(in UInt256 hash, bool underConstruction) =>
        new(hash.U0, hash.U1, hash.U2, (hash.U3 & ~(0xFFUL << 48)) | ((underConstruction ? 1UL : 0UL) << 48));

    /// <summary>What <c>log.decommit</c> accepts: version 1 or 2 with marker 0 or 1 (and an odd word count for version 1).</summary>
    public static bool IsWellFormed(in UInt256 hash)
    {
        var version = Version(hash);
        var marker = (byte)(hash.U3 >> 48);
        if (marker > 1)
        {
            return false;
        }
        if (version == EraVmVersion)
        {
            var words = (ushort)(hash.U3 >> 32);
            return words % 2 == 1;
        }
        return version == EvmBlobVersion;
    }
}

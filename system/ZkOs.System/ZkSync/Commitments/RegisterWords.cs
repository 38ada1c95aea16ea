// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Commitments;

/// <summary>
/// How a 32-byte public-input hash leaves the RISC-V prover: eight u32 registers (x10..x17),
/// register i holding bytes 4i..4i+3 read little-endian — the way the settlement tooling
/// (<c>batch_output_hash_as_register_values</c>) compares them.
/// </summary>
public static class RegisterWords
{
    /// <summary>The eight registers holding <paramref name="hash"/>.</summary>
    public static uint[] Of(Bytes32 hash)
    {
        Span<byte> bytes = stackalloc byte[32];
        hash.WriteTo(bytes);
        var words = new uint[8];
        for (int i = 0; i < words.Length; i++)
            words[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(4 * i)..]);
        return words;
    }
}

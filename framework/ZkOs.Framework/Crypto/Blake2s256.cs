// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Crypto;

/// <summary>
/// BLAKE2s-256 (RFC 7693): unkeyed, 32-byte digest, no salt or personalization.
/// </summary>
/// <remarks>
/// The compression function is fully unrolled (ten rounds, G expanded in place) with the message
/// words and working vector in locals; blocks are read straight from the caller's span, and the
/// chaining value stays in locals across all blocks of a call. Nothing allocates.
/// </remarks>
public sealed partial class Blake2s256 : IHashFunction
{
    /// <summary>Digest size in bytes.</summary>
    public const int OutputSize = 32;

    /// <summary>Message block size in bytes.</summary>
    public const int BlockSize = 64;

    // Initialization vector (RFC 7693 section 2.6; the SHA-256 IV).
    private const uint Iv0 = 0x6A09E667, Iv1 = 0xBB67AE85, Iv2 = 0x3C6EF372, Iv3 = 0xA54FF53A;
    private const uint Iv4 = 0x510E527F, Iv5 = 0x9B05688C, Iv6 = 0x1F83D9AB, Iv7 = 0x5BE0CD19;

    /// <summary>
    /// h[0] starts as IV[0] ^ the first parameter word: digest length 32, key length 0, fanout 1,
    /// depth 1 (RFC 7693 section 3.3, 0x0101kknn).
    /// </summary>
    private const uint H0Init = Iv0 ^ 0x01010000 ^ OutputSize;

    /// <summary>The shared instance, for code that selects hashes through <see cref="IHashFunction"/>.</summary>
    public static Blake2s256 Instance { get; } = new();

    private Blake2s256()
    {
    }

    string IHashFunction.Name => "blake2s256";

    int IHashFunction.OutputSize => OutputSize;

    void IHashFunction.Hash(ReadOnlySpan<byte> input, Span<byte> output) => Hash(input, output);

    /// <summary>Writes the BLAKE2s-256 digest of <paramref name="input"/> to the first 32 bytes of <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than 32 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (output.Length < OutputSize)
            ThrowOutputTooSmall(output.Length);
        Blake2sWords h = InitialState();
        HashAll(ref h, input);
        WriteDigest(in h, output);
    }

    /// <summary>The BLAKE2s-256 digest of <paramref name="input"/>.</summary>
    public static Bytes32 Hash(ReadOnlySpan<byte> input)
    {
        Blake2sWords h = InitialState();
        HashAll(ref h, input);
        return ToBytes32(in h);
    }

    private static Blake2sWords InitialState()
    {
        Unsafe.SkipInit(out Blake2sWords h);
        h[0] = H0Init;
        h[1] = Iv1;
        h[2] = Iv2;
        h[3] = Iv3;
        h[4] = Iv4;
        h[5] = Iv5;
        h[6] = Iv6;
        h[7] = Iv7;
        return h;
    }

    private static void HashAll(ref Blake2sWords h, ReadOnlySpan<byte> input)
    {
        // Every block but the last is compressed as "not final"; the last one (which may be full,
        // or empty for an empty message) carries the final flag, so it must be held back.
        int blocks = input.Length == 0 ? 0 : (input.Length - 1) / BlockSize;
        if (blocks > 0)
            Compress(ref h, ref MemoryMarshal.GetReference(input), blocks, BlockSize, finalBlock: false);
        CompressLast(ref h, input[(blocks * BlockSize)..], (ulong)input.Length);
    }

    /// <summary>Zero-pads the last 0..64 bytes to a block and compresses it with the final flag.</summary>
    [SkipLocalsInit]
    private static void CompressLast(ref Blake2sWords h, ReadOnlySpan<byte> tail, ulong totalLength)
    {
        // Zeroed explicitly because SkipLocalsInit leaves it undefined; only the bytes after the tail need it.
        Unsafe.SkipInit(out Blake2sBlock last);
        Span<byte> block = last;
        tail.CopyTo(block);
        block[tail.Length..].Clear();
        Compress(ref h, ref block[0], 1, totalLength, finalBlock: true);
    }

    private static void WriteDigest(in Blake2sWords h, Span<byte> output)
    {
        for (int i = 0; i < 8; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(output[(4 * i)..], h[i]);
    }

    private static Bytes32 ToBytes32(in Blake2sWords h) =>
        // Bytes32 holds big-endian readings of 8-byte groups; the digest words are little-endian.
        new(
            ((ulong)BinaryPrimitives.ReverseEndianness(h[0]) << 32) | BinaryPrimitives.ReverseEndianness(h[1]),
            ((ulong)BinaryPrimitives.ReverseEndianness(h[2]) << 32) | BinaryPrimitives.ReverseEndianness(h[3]),
            ((ulong)BinaryPrimitives.ReverseEndianness(h[4]) << 32) | BinaryPrimitives.ReverseEndianness(h[5]),
            ((ulong)BinaryPrimitives.ReverseEndianness(h[6]) << 32) | BinaryPrimitives.ReverseEndianness(h[7]));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint ReadWord(ref byte block, int index)
    {
        uint word = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref block, index * 4));
        return BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word);
    }

    /// <summary>
    /// Compresses <paramref name="blockCount"/> consecutive 64-byte blocks starting at
    /// <paramref name="block"/>. <paramref name="counter"/> is the byte counter t for the first
    /// block and grows by 64 per further block; <paramref name="finalBlock"/> sets f0 (only ever
    /// with a single block). The caller guarantees the blocks exist.
    /// </summary>
    private static void Compress(ref Blake2sWords state, ref byte block, int blockCount, ulong counter, bool finalBlock)
    {
        uint h0 = state[0], h1 = state[1], h2 = state[2], h3 = state[3];
        uint h4 = state[4], h5 = state[5], h6 = state[6], h7 = state[7];
        uint f0 = finalBlock ? uint.MaxValue : 0;

        do
        {
            uint m0 = ReadWord(ref block, 0);
            uint m1 = ReadWord(ref block, 1);
            uint m2 = ReadWord(ref block, 2);
            uint m3 = ReadWord(ref block, 3);
            uint m4 = ReadWord(ref block, 4);
            uint m5 = ReadWord(ref block, 5);
            uint m6 = ReadWord(ref block, 6);
            uint m7 = ReadWord(ref block, 7);
            uint m8 = ReadWord(ref block, 8);
            uint m9 = ReadWord(ref block, 9);
            uint m10 = ReadWord(ref block, 10);
            uint m11 = ReadWord(ref block, 11);
            uint m12 = ReadWord(ref block, 12);
            uint m13 = ReadWord(ref block, 13);
            uint m14 = ReadWord(ref block, 14);
            uint m15 = ReadWord(ref block, 15);

            uint v0 = h0, v1 = h1, v2 = h2, v3 = h3, v4 = h4, v5 = h5, v6 = h6, v7 = h7;
            uint v8 = Iv0, v9 = Iv1, v10 = Iv2, v11 = Iv3;
            uint v12 = Iv4 ^ (uint)counter, v13 = Iv5 ^ (uint)(counter >> 32), v14 = Iv6 ^ f0, v15 = Iv7;

            // Round 0.
            v0 += v4 + m0; v12 = uint.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 12);
            v0 += v4 + m1; v12 = uint.RotateRight(v12 ^ v0, 8); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 7);
            v1 += v5 + m2; v13 = uint.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 12);
            v1 += v5 + m3; v13 = uint.RotateRight(v13 ^ v1, 8); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 7);
            v2 += v6 + m4; v14 = uint.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 12);
            v2 += v6 + m5; v14 = uint.RotateRight(v14 ^ v2, 8); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 7);
            v3 += v7 + m6; v15 = uint.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 12);
            v3 += v7 + m7; v15 = uint.RotateRight(v15 ^ v3, 8); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 7);
            v0 += v5 + m8; v15 = uint.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 12);
            v0 += v5 + m9; v15 = uint.RotateRight(v15 ^ v0, 8); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 7);
            v1 += v6 + m10; v12 = uint.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 12);
            v1 += v6 + m11; v12 = uint.RotateRight(v12 ^ v1, 8); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 7);
            v2 += v7 + m12; v13 = uint.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 12);
            v2 += v7 + m13; v13 = uint.RotateRight(v13 ^ v2, 8); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 7);
            v3 += v4 + m14; v14 = uint.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 12);
            v3 += v4 + m15; v14 = uint.RotateRight(v14 ^ v3, 8); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 7);
            // Round 1.
            v0 += v4 + m14; v12 = uint.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 12);
            v0 += v4 + m10; v12 = uint.RotateRight(v12 ^ v0, 8); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 7);
            v1 += v5 + m4; v13 = uint.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 12);
            v1 += v5 + m8; v13 = uint.RotateRight(v13 ^ v1, 8); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 7);
            v2 += v6 + m9; v14 = uint.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 12);
            v2 += v6 + m15; v14 = uint.RotateRight(v14 ^ v2, 8); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 7);
            v3 += v7 + m13; v15 = uint.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 12);
            v3 += v7 + m6; v15 = uint.RotateRight(v15 ^ v3, 8); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 7);
            v0 += v5 + m1; v15 = uint.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 12);
            v0 += v5 + m12; v15 = uint.RotateRight(v15 ^ v0, 8); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 7);
            v1 += v6 + m0; v12 = uint.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 12);
            v1 += v6 + m2; v12 = uint.RotateRight(v12 ^ v1, 8); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 7);
            v2 += v7 + m11; v13 = uint.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 12);
            v2 += v7 + m7; v13 = uint.RotateRight(v13 ^ v2, 8); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 7);
            v3 += v4 + m5; v14 = uint.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 12);
            v3 += v4 + m3; v14 = uint.RotateRight(v14 ^ v3, 8); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 7);
            // Round 2.
            v0 += v4 + m11; v12 = uint.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 12);
            v0 += v4 + m8; v12 = uint.RotateRight(v12 ^ v0, 8); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 7);
            v1 += v5 + m12; v13 = uint.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 12);
            v1 += v5 + m0; v13 = uint.RotateRight(v13 ^ v1, 8); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 7);
            v2 += v6 + m5; v14 = uint.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 12);
            v2 += v6 + m2; v14 = uint.RotateRight(v14 ^ v2, 8); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 7);
            v3 += v7 + m15; v15 = uint.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 12);
            v3 += v7 + m13; v15 = uint.RotateRight(v15 ^ v3, 8); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 7);
            v0 += v5 + m10; v15 = uint.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 12);
            v0 += v5 + m14; v15 = uint.RotateRight(v15 ^ v0, 8); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 7);
            v1 += v6 + m3; v12 = uint.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 12);
            v1 += v6 + m6; v12 = uint.RotateRight(v12 ^ v1, 8); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 7);
            v2 += v7 + m7; v13 = uint.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 12);
            v2 += v7 + m1; v13 = uint.RotateRight(v13 ^ v2, 8); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 7);
            v3 += v4 + m9; v14 = uint.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 12);
            v3 += v4 + m4; v14 = uint.RotateRight(v14 ^ v3, 8); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 7);
            // Round 3.
            v0 += v4 + m7; v12 = uint.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 12);
            v0 += v4 + m9; v12 = uint.RotateRight(v12 ^ v0, 8); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 7);
            v1 += v5 + m3; v13 = uint.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 12);
            v1 += v5 + m1; v13 = uint.RotateRight(v13 ^ v1, 8); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 7);
            v2 += v6 + m13; v14 = uint.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 12);
            v2 += v6 + m12; v14 = uint.RotateRight(v14 ^ v2, 8); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 7);
            v3 += v7 + m11; v15 = uint.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 12);
            v3 += v7 + m14; v15 = uint.RotateRight(v15 ^ v3, 8); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 7);
            v0 += v5 + m2; v15 = uint.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 12);
            v0 += v5 + m6; v15 = uint.RotateRight(v15 ^ v0, 8); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 7);
            v1 += v6 + m5; v12 = uint.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 12);
            v1 += v6 + m10; v12 = uint.RotateRight(v12 ^ v1, 8); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 7);
            v2 += v7 + m4; v13 = uint.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 12);
            v2 += v7 + m0; v13 = uint.RotateRight(v13 ^ v2, 8); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 7);
            v3 += v4 + m15; v14 = uint.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 12);
            v3 += v4 + m8; v14 = uint.RotateRight(v14 ^ v3, 8); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 7);
            // Round 4.
            v0 += v4 + m9; v12 = uint.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 12);
            v0 += v4 + m0; v12 = uint.RotateRight(v12 ^ v0, 8); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 7);
            v1 += v5 + m5; v13 = uint.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 12);
            v1 += v5 + m7; v13 = uint.RotateRight(v13 ^ v1, 8); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 7);
            v2 += v6 + m2; v14 = uint.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 12);
            v2 += v6 + m4; v14 = uint.RotateRight(v14 ^ v2, 8); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 7);
            v3 += v7 + m10; v15 = uint.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 12);
            v3 += v7 + m15; v15 = uint.RotateRight(v15 ^ v3, 8); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 7);
            v0 += v5 + m14; v15 = uint.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 12);
            v0 += v5 + m1; v15 = uint.RotateRight(v15 ^ v0, 8); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 7);
            v1 += v6 + m11; v12 = uint.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 12);
            v1 += v6 + m12; v12 = uint.RotateRight(v12 ^ v1, 8); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 7);
            v2 += v7 + m6; v13 = uint.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 12);
            v2 += v7 + m8; v13 = uint.RotateRight(v13 ^ v2, 8); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 7);
            v3 += v4 + m3; v14 = uint.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 12);
            v3 += v4 + m13; v14 = uint.RotateRight(v14 ^ v3, 8); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 7);
            // Round 5.
            v0 += v4 + m2; v12 = uint.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 12);
            v0 += v4 + m12; v12 = uint.RotateRight(v12 ^ v0, 8); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 7);
            v1 += v5 + m6; v13 = uint.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 12);
            v1 += v5 + m10; v13 = uint.RotateRight(v13 ^ v1, 8); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 7);
            v2 += v6 + m0; v14 = uint.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 12);
            v2 += v6 + m11; v14 = uint.RotateRight(v14 ^ v2, 8); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 7);
            v3 += v7 + m8; v15 = uint.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 12);
            v3 += v7 + m3; v15 = uint.RotateRight(v15 ^ v3, 8); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 7);
            v0 += v5 + m4; v15 = uint.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 12);
            v0 += v5 + m13; v15 = uint.RotateRight(v15 ^ v0, 8); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 7);
            v1 += v6 + m7; v12 = uint.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 12);
            v1 += v6 + m5; v12 = uint.RotateRight(v12 ^ v1, 8); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 7);
            v2 += v7 + m15; v13 = uint.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 12);
            v2 += v7 + m14; v13 = uint.RotateRight(v13 ^ v2, 8); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 7);
            v3 += v4 + m1; v14 = uint.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 12);
            v3 += v4 + m9; v14 = uint.RotateRight(v14 ^ v3, 8); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 7);
            // Round 6.
            v0 += v4 + m12; v12 = uint.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 12);
            v0 += v4 + m5; v12 = uint.RotateRight(v12 ^ v0, 8); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 7);
            v1 += v5 + m1; v13 = uint.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 12);
            v1 += v5 + m15; v13 = uint.RotateRight(v13 ^ v1, 8); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 7);
            v2 += v6 + m14; v14 = uint.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 12);
            v2 += v6 + m13; v14 = uint.RotateRight(v14 ^ v2, 8); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 7);
            v3 += v7 + m4; v15 = uint.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 12);
            v3 += v7 + m10; v15 = uint.RotateRight(v15 ^ v3, 8); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 7);
            v0 += v5 + m0; v15 = uint.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 12);
            v0 += v5 + m7; v15 = uint.RotateRight(v15 ^ v0, 8); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 7);
            v1 += v6 + m6; v12 = uint.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 12);
            v1 += v6 + m3; v12 = uint.RotateRight(v12 ^ v1, 8); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 7);
            v2 += v7 + m9; v13 = uint.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 12);
            v2 += v7 + m2; v13 = uint.RotateRight(v13 ^ v2, 8); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 7);
            v3 += v4 + m8; v14 = uint.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 12);
            v3 += v4 + m11; v14 = uint.RotateRight(v14 ^ v3, 8); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 7);
            // Round 7.
            v0 += v4 + m13; v12 = uint.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 12);
            v0 += v4 + m11; v12 = uint.RotateRight(v12 ^ v0, 8); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 7);
            v1 += v5 + m7; v13 = uint.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 12);
            v1 += v5 + m14; v13 = uint.RotateRight(v13 ^ v1, 8); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 7);
            v2 += v6 + m12; v14 = uint.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 12);
            v2 += v6 + m1; v14 = uint.RotateRight(v14 ^ v2, 8); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 7);
            v3 += v7 + m3; v15 = uint.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 12);
            v3 += v7 + m9; v15 = uint.RotateRight(v15 ^ v3, 8); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 7);
            v0 += v5 + m5; v15 = uint.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 12);
            v0 += v5 + m0; v15 = uint.RotateRight(v15 ^ v0, 8); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 7);
            v1 += v6 + m15; v12 = uint.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 12);
            v1 += v6 + m4; v12 = uint.RotateRight(v12 ^ v1, 8); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 7);
            v2 += v7 + m8; v13 = uint.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 12);
            v2 += v7 + m6; v13 = uint.RotateRight(v13 ^ v2, 8); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 7);
            v3 += v4 + m2; v14 = uint.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 12);
            v3 += v4 + m10; v14 = uint.RotateRight(v14 ^ v3, 8); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 7);
            // Round 8.
            v0 += v4 + m6; v12 = uint.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 12);
            v0 += v4 + m15; v12 = uint.RotateRight(v12 ^ v0, 8); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 7);
            v1 += v5 + m14; v13 = uint.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 12);
            v1 += v5 + m9; v13 = uint.RotateRight(v13 ^ v1, 8); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 7);
            v2 += v6 + m11; v14 = uint.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 12);
            v2 += v6 + m3; v14 = uint.RotateRight(v14 ^ v2, 8); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 7);
            v3 += v7 + m0; v15 = uint.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 12);
            v3 += v7 + m8; v15 = uint.RotateRight(v15 ^ v3, 8); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 7);
            v0 += v5 + m12; v15 = uint.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 12);
            v0 += v5 + m2; v15 = uint.RotateRight(v15 ^ v0, 8); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 7);
            v1 += v6 + m13; v12 = uint.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 12);
            v1 += v6 + m7; v12 = uint.RotateRight(v12 ^ v1, 8); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 7);
            v2 += v7 + m1; v13 = uint.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 12);
            v2 += v7 + m4; v13 = uint.RotateRight(v13 ^ v2, 8); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 7);
            v3 += v4 + m10; v14 = uint.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 12);
            v3 += v4 + m5; v14 = uint.RotateRight(v14 ^ v3, 8); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 7);
            // Round 9.
            v0 += v4 + m10; v12 = uint.RotateRight(v12 ^ v0, 16); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 12);
            v0 += v4 + m2; v12 = uint.RotateRight(v12 ^ v0, 8); v8 += v12; v4 = uint.RotateRight(v4 ^ v8, 7);
            v1 += v5 + m8; v13 = uint.RotateRight(v13 ^ v1, 16); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 12);
            v1 += v5 + m4; v13 = uint.RotateRight(v13 ^ v1, 8); v9 += v13; v5 = uint.RotateRight(v5 ^ v9, 7);
            v2 += v6 + m7; v14 = uint.RotateRight(v14 ^ v2, 16); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 12);
            v2 += v6 + m6; v14 = uint.RotateRight(v14 ^ v2, 8); v10 += v14; v6 = uint.RotateRight(v6 ^ v10, 7);
            v3 += v7 + m1; v15 = uint.RotateRight(v15 ^ v3, 16); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 12);
            v3 += v7 + m5; v15 = uint.RotateRight(v15 ^ v3, 8); v11 += v15; v7 = uint.RotateRight(v7 ^ v11, 7);
            v0 += v5 + m15; v15 = uint.RotateRight(v15 ^ v0, 16); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 12);
            v0 += v5 + m11; v15 = uint.RotateRight(v15 ^ v0, 8); v10 += v15; v5 = uint.RotateRight(v5 ^ v10, 7);
            v1 += v6 + m9; v12 = uint.RotateRight(v12 ^ v1, 16); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 12);
            v1 += v6 + m14; v12 = uint.RotateRight(v12 ^ v1, 8); v11 += v12; v6 = uint.RotateRight(v6 ^ v11, 7);
            v2 += v7 + m3; v13 = uint.RotateRight(v13 ^ v2, 16); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 12);
            v2 += v7 + m12; v13 = uint.RotateRight(v13 ^ v2, 8); v8 += v13; v7 = uint.RotateRight(v7 ^ v8, 7);
            v3 += v4 + m13; v14 = uint.RotateRight(v14 ^ v3, 16); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 12);
            v3 += v4 + m0; v14 = uint.RotateRight(v14 ^ v3, 8); v9 += v14; v4 = uint.RotateRight(v4 ^ v9, 7);

            h0 ^= v0 ^ v8;
            h1 ^= v1 ^ v9;
            h2 ^= v2 ^ v10;
            h3 ^= v3 ^ v11;
            h4 ^= v4 ^ v12;
            h5 ^= v5 ^ v13;
            h6 ^= v6 ^ v14;
            h7 ^= v7 ^ v15;

            counter += BlockSize;
            block = ref Unsafe.Add(ref block, BlockSize);
        }
        while (--blockCount > 0);

        state[0] = h0;
        state[1] = h1;
        state[2] = h2;
        state[3] = h3;
        state[4] = h4;
        state[5] = h5;
        state[6] = h6;
        state[7] = h7;
    }

    [DoesNotReturn]
    private static void ThrowOutputTooSmall(int length) =>
        throw new ArgumentException($"BLAKE2s-256 writes {OutputSize} bytes but the output span holds {length}", "output");
}

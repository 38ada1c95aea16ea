// SPDX-License-Identifier: MIT
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;

namespace ZkOs.Framework.Tests.Crypto;

/// <summary>BouncyCastle reference digests and shared test inputs.</summary>
internal static class Oracles
{
    /// <summary>
    /// Lengths 0..600 cover every block boundary of both hashes (64-byte BLAKE2s blocks: 63/64/65,
    /// 127/128/129, ...; 136-byte Keccak rate: 135/136/137, 271/272/273, ...).
    /// </summary>
    public static IEnumerable<int> Lengths => Enumerable.Range(0, 601);

    public static byte[] Keccak256(byte[] input) => Run(new KeccakDigest(256), input);

    public static byte[] Blake2s256(byte[] input) => Run(new Blake2sDigest(256), input);

    public static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    public static byte[] Ascii(string text) => System.Text.Encoding.ASCII.GetBytes(text);

    private static byte[] Run(IDigest digest, byte[] input)
    {
        digest.BlockUpdate(input, 0, input.Length);
        var output = new byte[digest.GetDigestSize()];
        digest.DoFinal(output, 0);
        return output;
    }
}

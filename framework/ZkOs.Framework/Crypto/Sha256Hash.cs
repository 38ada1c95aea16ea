// SPDX-License-Identifier: MIT
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Crypto;

/// <summary>
/// SHA-256 (FIPS 180-4) through the BCL's one-shot <see cref="SHA256.HashData(ReadOnlySpan{byte}, Span{byte})"/>,
/// which uses the platform's accelerated implementation and does not allocate.
/// </summary>
public sealed class Sha256Hash : IHashFunction
{
    /// <summary>Digest size in bytes.</summary>
    public const int OutputSize = 32;

    /// <summary>The shared instance, for code that selects hashes through <see cref="IHashFunction"/>.</summary>
    public static Sha256Hash Instance { get; } = new();

    private Sha256Hash()
    {
    }

    string IHashFunction.Name => "sha256";

    int IHashFunction.OutputSize => OutputSize;

    void IHashFunction.Hash(ReadOnlySpan<byte> input, Span<byte> output) => Hash(input, output);

    /// <summary>Writes the SHA-256 digest of <paramref name="input"/> to the first 32 bytes of <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than 32 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (output.Length < OutputSize)
            ThrowOutputTooSmall(output.Length);
        SHA256.HashData(input, output[..OutputSize]);
    }

    /// <summary>The SHA-256 digest of <paramref name="input"/>.</summary>
    public static Bytes32 Hash(ReadOnlySpan<byte> input)
    {
        Span<byte> digest = stackalloc byte[OutputSize];
        SHA256.HashData(input, digest);
        return new Bytes32(digest);
    }

    [DoesNotReturn]
    private static void ThrowOutputTooSmall(int length) =>
        throw new ArgumentException($"SHA-256 writes {OutputSize} bytes but the output span holds {length}", "output");
}

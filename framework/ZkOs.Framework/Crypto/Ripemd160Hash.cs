// SPDX-License-Identifier: MIT
using System.Diagnostics.CodeAnalysis;
using Org.BouncyCastle.Crypto.Digests;

namespace ZkOs.Framework.Crypto;

/// <summary>
/// RIPEMD-160 through BouncyCastle. The digest is the raw 20 bytes; the EVM precompile at 0x03
/// returns it left-padded with 12 zero bytes to a 32-byte word, which is the precompile's job,
/// not this type's.
/// </summary>
/// <remarks>
/// Only the precompile uses it, so it favours simplicity over speed; still, it does not allocate
/// per call: BouncyCastle 1.8 takes arrays only, so each thread reuses one digest and small
/// scratch arrays that input is fed through in chunks.
/// </remarks>
public sealed class Ripemd160Hash : IHashFunction
{
    /// <summary>Digest size in bytes.</summary>
    public const int OutputSize = 20;

    private const int ChunkSize = 256;

    [ThreadStatic]
    private static RipeMD160Digest? _digest;

    [ThreadStatic]
    private static byte[]? _chunk;

    [ThreadStatic]
    private static byte[]? _result;

    /// <summary>The shared instance, for code that selects hashes through <see cref="IHashFunction"/>.</summary>
    public static Ripemd160Hash Instance { get; } = new();

    private Ripemd160Hash()
    {
    }

    string IHashFunction.Name => "ripemd160";

    int IHashFunction.OutputSize => OutputSize;

    void IHashFunction.Hash(ReadOnlySpan<byte> input, Span<byte> output) => Hash(input, output);

    /// <summary>Writes the RIPEMD-160 digest of <paramref name="input"/> to the first 20 bytes of <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than 20 bytes.</exception>
    public static void Hash(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (output.Length < OutputSize)
            ThrowOutputTooSmall(output.Length);
        var digest = _digest ??= new RipeMD160Digest();
        var chunk = _chunk ??= new byte[ChunkSize];
        var result = _result ??= new byte[OutputSize];

        // A previous call that threw midway (it cannot, but cheaply guarded) would leave state behind.
        digest.Reset();
        while (!input.IsEmpty)
        {
            int n = Math.Min(ChunkSize, input.Length);
            input[..n].CopyTo(chunk);
            digest.BlockUpdate(chunk, 0, n);
            input = input[n..];
        }
        digest.DoFinal(result, 0);
        result.CopyTo(output);
    }

    [DoesNotReturn]
    private static void ThrowOutputTooSmall(int length) =>
        throw new ArgumentException($"RIPEMD-160 writes {OutputSize} bytes but the output span holds {length}", "output");
}

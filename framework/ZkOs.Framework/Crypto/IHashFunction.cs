// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Crypto;

/// <summary>
/// A fixed-output hash, for code that picks the function at run time (precompile tables, tree
/// hashers configured per deployment). Hot paths call the concrete type's static methods instead,
/// which avoid the interface dispatch.
/// </summary>
public interface IHashFunction
{
    /// <summary>Conventional name, e.g. "keccak256".</summary>
    string Name { get; }

    /// <summary>Digest size in bytes.</summary>
    int OutputSize { get; }

    /// <summary>
    /// Hashes <paramref name="input"/> into the first <see cref="OutputSize"/> bytes of
    /// <paramref name="output"/>, which must be at least that long.
    /// </summary>
    void Hash(ReadOnlySpan<byte> input, Span<byte> output);
}

// SPDX-License-Identifier: MIT
using System.Buffers;
using ZkOs.Framework.Execution;

namespace ZkOs.System.Precompiles;

/// <summary>
/// A placeholder for a precompile that exists in the fork but is not implemented here yet: every call
/// reports <see cref="PrecompileStatus.Unsupported"/> and charges nothing, never a fake result.
/// </summary>
public sealed class UnsupportedPrecompile : IPrecompile
{
    public UnsupportedPrecompile(ushort address, string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Address = address;
        Name = name;
    }

    public ushort Address { get; }

    public string Name { get; }

    public PrecompileStatus Execute(ReadOnlySpan<byte> input, ref Resources resources, IBufferWriter<byte> output) =>
        PrecompileStatus.Unsupported;
}

// SPDX-License-Identifier: MIT
using System.Buffers;
using ZkOs.Framework.Execution;

namespace ZkOs.System.Precompiles;

/// <summary>
/// A precompiled contract: a system function at a fixed address. It charges its own price (ergs are
/// EVM gas × 256, native from reference/zksync-os.md §4.8) from <c>resources</c> before doing the work,
/// writes its output to <c>output</c>, and never throws on bad input. Implementations are stateless
/// and allocation-free in steady state (the output writer is reused by the caller).
/// </summary>
public interface IPrecompile
{
    /// <summary>The address's low bytes: 0x01 for ecrecover ...</summary>
    ushort Address { get; }

    string Name { get; }

    PrecompileStatus Execute(ReadOnlySpan<byte> input, ref Resources resources, IBufferWriter<byte> output);
}

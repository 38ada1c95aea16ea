// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;

namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>
/// An account as geth's prestate tracer writes it. Every field may be absent, and absent means something
/// different per mode: in a prestate (and a diff's <c>pre</c>) a missing nonce is 0 and missing code is
/// none; in a diff's <c>post</c> a missing field did not change.
/// </summary>
public sealed record MainnetAccountTrace
{
    public required UInt256? Balance { get; init; }

    public required ulong? Nonce { get; init; }

    public required ReadOnlyMemory<byte>? Code { get; init; }

    /// <summary>The slots listed (touched in a prestate, changed in a diff's post); empty when none are.</summary>
    public required IReadOnlyDictionary<UInt256, UInt256> Storage { get; init; }
}

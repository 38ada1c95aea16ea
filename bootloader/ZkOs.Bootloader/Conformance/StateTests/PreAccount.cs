// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;

namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>
/// An account of a pre-state, as a state test's <c>pre</c> gives it (also used for the union pre-state
/// of a mainnet block). Storage holds the slots as written, including any written as zero.
/// </summary>
public sealed record PreAccount
{
    public required ulong Nonce { get; init; }

    public required UInt256 Balance { get; init; }

    /// <summary>The runtime code; empty for an account without code.</summary>
    public required ReadOnlyMemory<byte> Code { get; init; }

    /// <summary>Slot → value.</summary>
    public required IReadOnlyDictionary<UInt256, UInt256> Storage { get; init; }
}

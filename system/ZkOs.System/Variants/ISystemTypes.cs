// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.Oracle;
using ZkOs.System.ZkSync.Storage;

namespace ZkOs.System.Variants;

/// <summary>
/// A variant of the system layer (reference §1.2–1.3; ARCHITECTURE.md "Forward and proving variants"):
/// which allocator the STF takes its memory from, how the oracle is reached, whether the state the
/// oracle claims is proven, and what the run keeps. The bootloader is generic over it
/// (<c>where TSystem : struct, ISystemTypes</c>), so the JIT compiles each variant separately and the
/// properties below are constants in each compiled copy: no run-time <c>if (proving)</c>.
/// </summary>
/// <remarks>
/// The implementing structs are not written by hand: <c>ZkOs.Generators</c> emits them from
/// <c>system.variants.csv</c>, one per row (only the selected one when the <c>ZkOsVariant</c> MSBuild
/// property names a variant), each member forwarding to the component its row names.
/// </remarks>
public interface ISystemTypes
{
    /// <summary>The variant's name in the declaration.</summary>
    static abstract string Name { get; }

    /// <summary>Allocator: the memory a block's run takes its buffers from.</summary>
    static abstract IStfMemory CreateMemory();

    /// <summary>Oracle transport: how the STF reaches <paramref name="source"/>.</summary>
    static abstract IOracle OpenOracle(IOracle source);

    /// <summary>Proof checks: whether initial storage is proven against the root and the new root computed.</summary>
    static abstract bool ProvesState { get; }

    /// <summary>Proof checks: a preimage the oracle handed out, checked (or trusted) against its hash.</summary>
    static abstract void CheckPreimage(in Bytes32 hash, ReadOnlySpan<byte> preimage, PreimageKind kind);

    /// <summary>Result keeper: whether per-transaction results, diffs and pubdata bytes are kept for the caller.</summary>
    static abstract bool KeepsResults { get; }
}

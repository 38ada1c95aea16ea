// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Storage;

namespace ZkOs.System.Variants;

/// <summary>The checks column of <c>system.variants.csv</c>: what of the oracle's answers is verified (reference §6.5).</summary>
public interface IStateChecks
{
    static abstract bool ProvesState { get; }

    static abstract void CheckPreimage(in Bytes32 hash, ReadOnlySpan<byte> preimage, PreimageKind kind);
}

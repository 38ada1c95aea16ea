// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Storage;

namespace ZkOs.System.Variants;

/// <summary>
/// Forward checks: the sequencer's oracle answers from its own state, so storage reads and preimages are
/// trusted (upstream only debug-asserts them) and the tree is updated by the state store, not here.
/// </summary>
public readonly struct TrustedState : IStateChecks
{
    public static bool ProvesState => false;

    public static void CheckPreimage(in Bytes32 hash, ReadOnlySpan<byte> preimage, PreimageKind kind)
    {
    }
}

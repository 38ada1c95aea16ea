// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;
using ZkOs.System.Oracle.Csr;
using ZkOs.System.ZkSync.Storage;

namespace ZkOs.System.Variants;

/// <summary>
/// Proving checks (reference §6.5): every account-properties and bytecode preimage is re-hashed with
/// Blake2s when it is read, and every initial storage value is proven against the initial root at
/// finish (<see cref="ZkSync.Tree.BatchTreeVerifier"/>).
/// </summary>
public readonly struct ProvenState : IStateChecks
{
    public static bool ProvesState => true;

    public static void CheckPreimage(in Bytes32 hash, ReadOnlySpan<byte> preimage, PreimageKind kind)
    {
        var actual = Blake2s256.Hash(preimage);
        if (actual != hash)
        {
            throw new WitnessException($"the {kind} preimage of {hash} hashes to {actual}");
        }
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.ZkSync;

/// <summary>
/// What every account-abstraction method receives: the transaction hash, the suggested signed hash
/// and the transaction body (empty for non-0x71 types, which never reach these methods).
/// </summary>
public sealed record AccountCall(Bytes32 TxHash, Bytes32 SuggestedSignedHash, byte[] Body)
{
    /// <summary>The calldata of the method with <paramref name="selector"/>.</summary>
    public byte[] Encode(uint selector) => AccountAbstractionAbi.TransactionCall(selector, TxHash, SuggestedSignedHash, Body);
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Accounts;
using ZkOs.System.ZkSync.Commitments;

namespace ZkOs.System.ZkSync.Pubdata;

/// <summary>
/// The pubdata a transaction is charged for (reference §7.3 <c>net_pubdata_used</c>, §4.5): the
/// sum, over every storage slot and account it altered, of what that element would add to the
/// block's stream (measured from the block-initial value), plus its logs and messages.
/// </summary>
/// <remarks>
/// <para>A slot re-written by a later transaction is charged again by that transaction: the
/// policy sums <see cref="StorageSlot"/> over the slots altered in the current tx, not over the block.</para>
/// <para>Accounts are counted through their account diff, not through the 0x8003 hash slot (which
/// the policy skips), and each includes its 32-byte key, as the snapshot's account cache does.</para>
/// </remarks>
public static class PubdataSize
{
    /// <summary>The flat key written before every diff.</summary>
    public const int KeySize = Bytes32.Size;

    /// <summary>An L1-transaction log: the 88-byte log alone.</summary>
    public const int L1TransactionLog = L2ToL1Log.EncodedSize;

    /// <summary>
    /// Bytes of the stream that belong to no transaction: block hash and the three counts.
    /// </summary>
    public const int BlockOverhead = Bytes32.Size + 3 * 4;

    /// <summary>
    /// A storage slot altered in the tx: 0 when it is back at its block-initial value, else
    /// <c>32 + value diff length</c>.
    /// </summary>
    public static int StorageSlot(Bytes32 initialOfBlock, Bytes32 current) =>
        initialOfBlock == current ? 0 : KeySize + ValueDiffCompression.Length(initialOfBlock, current);

    /// <summary>
    /// An account altered in the tx: 0 when it is back at its block-initial properties, else
    /// <c>32 + account diff length</c>.
    /// </summary>
    public static int Account(in AccountProperties initialOfBlock, in AccountProperties current, bool notPublishBytecode) =>
        initialOfBlock == current ? 0 : KeySize + AccountDiffCompression.Length(in initialOfBlock, in current, notPublishBytecode);

    /// <summary>A user message: its 88-byte log, the 4-byte length and the data.</summary>
    public static int UserMessage(int messageLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(messageLength);
        return checked(L2ToL1Log.EncodedSize + 4 + messageLength);
    }
}

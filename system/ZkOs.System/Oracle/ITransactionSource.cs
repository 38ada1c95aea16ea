// SPDX-License-Identifier: MIT
namespace ZkOs.System.Oracle;

/// <summary>Where a forward oracle takes the block's transactions from, in order (reference §6.4 TxSource).</summary>
public interface ITransactionSource
{
    /// <summary>The next transaction's encoded body, or null to seal the block.</summary>
    byte[]? NextTransaction();
}

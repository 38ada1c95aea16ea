// SPDX-License-Identifier: MIT
using ZkOs.System.Oracle;

namespace ZkOs.Bootloader.ZkSync;

/// <summary>The transactions of a block file, handed to the oracle in order.</summary>
public sealed class ListTransactionSource(IReadOnlyList<byte[]> transactions) : ITransactionSource
{
    private int _next;

    public byte[]? NextTransaction() => _next < transactions.Count ? transactions[_next++] : null;
}

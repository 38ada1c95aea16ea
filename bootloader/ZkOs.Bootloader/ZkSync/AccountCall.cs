// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.Variants;

namespace ZkOs.Bootloader.ZkSync;

/// <summary>
/// What the account-abstraction methods (validate, pay, execute; the paymaster's) are called with: the
/// transaction's hash, its suggested signed hash and its body, which stays in the run's memory.
/// </summary>
public readonly record struct AccountCall(Bytes32 TxHash, Bytes32 SuggestedSignedHash, ReadOnlyMemory<byte> Body)
{
    /// <summary>The calldata of the method with <paramref name="selector"/>, in <paramref name="memory"/>.</summary>
    public ReadOnlyMemory<byte> Encode(uint selector, IStfMemory memory)
    {
        var calldata = memory.Allocate(AccountAbstractionAbi.TransactionCallLength(Body.Length));
        AccountAbstractionAbi.TransactionCall(selector, TxHash, SuggestedSignedHash, Body.Span, calldata.Span);
        return calldata;
    }
}

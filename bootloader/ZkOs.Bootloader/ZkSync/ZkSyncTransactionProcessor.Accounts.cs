// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Bootloader.Runner;
using ZkOs.Bootloader.ZkSync.Transactions;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync;

namespace ZkOs.Bootloader.ZkSync;

/// <summary>
/// Contract accounts (account abstraction, reference §5.4): the account's own code validates the
/// transaction, and the bootloader calls it from 0x8001.
/// </summary>
/// <remarks>
/// Nonces: the snapshot checks <c>tx_nonce ≥ account_nonce</c> before validation and
/// <c>account_nonce &gt; tx_nonce</c> after it, expecting the account to bump its nonce through the
/// nonce holder, whose hook is disabled (§11): an EVM account has no way to do it. So the bootloader
/// bumps the account's nonce by one once <c>validateTransaction</c> has accepted, as it does for an
/// externally owned account. Hence a contract account's transaction is valid exactly at its current
/// nonce: a lower one is <see cref="InvalidTransaction.NonceUsedAlready"/>, a higher one
/// <see cref="InvalidTransaction.NonceNotIncreased"/>.
/// </remarks>
public sealed partial class ZkSyncTransactionProcessor<TSystem>
{
    private (InvalidTransaction Kind, string Reason)? ValidateContractAccount(ZkSyncTransaction tx, AccountCall call, ref Resources resources, ulong nonce)
    {
        if (tx.Nonce.U0 < nonce)
        {
            return (InvalidTransaction.NonceUsedAlready, $"nonce {tx.Nonce.U0}, the account's is {nonce}");
        }
        if (CallFromBootloader(tx.From, call.Encode(AccountAbstractionAbi.ValidateTransactionSelector, memory), ref resources, "validateTransaction", out var outcome) is { } failed)
        {
            return failed;
        }
        var magic = outcome.ReturnData;
        if (magic.Length != 32)
        {
            return (InvalidTransaction.InvalidReturndataLength, $"validateTransaction returned {magic.Length} bytes, not 32");
        }
        if (BinaryPrimitives.ReadUInt32BigEndian(magic.Span) != AccountAbstractionAbi.ValidateTransactionSelector)
        {
            return (InvalidTransaction.InvalidMagic, "validateTransaction did not return its selector");
        }
        io.TryIncrementNonce(tx.From);
        var after = io.NonceOf(tx.From);
        if (after <= tx.Nonce.U0)
        {
            return (InvalidTransaction.NonceNotIncreased, $"the account's nonce is {after} after validation, not above the transaction's {tx.Nonce.U0}");
        }
        return null;
    }

    /// <summary>
    /// A validation-phase call (account or paymaster method) from the bootloader's address, paid from
    /// the transaction's resources. A revert or failure invalidates the transaction, out of native too.
    /// </summary>
    private (InvalidTransaction Kind, string Reason)? CallFromBootloader(in Address target, ReadOnlyMemory<byte> calldata, ref Resources resources, string method, out RunOutcome outcome) =>
        CallDuringValidation(SystemAddresses.Bootloader, target, calldata, ref resources, method, out outcome);

    private (InvalidTransaction Kind, string Reason)? CallDuringValidation(
        in Address caller, in Address target, ReadOnlyMemory<byte> calldata, ref Resources resources, string method, out RunOutcome outcome)
    {
        outcome = runner.Call(caller, target, UInt256.Zero, calldata, resources);
        resources = outcome.Remaining;
        if (outcome.OutOfNative)
        {
            return (InvalidTransaction.OutOfNativeResourcesDuringValidation, $"out of native in {method}");
        }
        return outcome.IsSuccess ? null : (InvalidTransaction.Revert, $"{method} of {target} failed ({outcome.Error})");
    }
}

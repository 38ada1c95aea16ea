// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync.Transactions;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.System.ZkSync;

namespace ZkOs.Bootloader.ZkSync;

/// <summary>
/// <c>ensure_payment</c> (reference §5.4 step 6.5): the fee reaches the bootloader (0x8001) from the
/// sender, from a contract account's <c>payForTransaction</c>, or from a paymaster; the bootloader keeps
/// gas price × gas limit and returns any excess to the payer at once.
/// </summary>
/// <remarks>
/// The snapshot leaves the paymaster's magic and context checks commented out (§11). They are enforced
/// here, as Era does: a paymaster that answers with anything but its selector and a well-formed context
/// of at most 1056 bytes is refused. The context is kept but unused, since <c>postTransaction</c> is
/// not called (as in the snapshot).
/// </remarks>
public sealed partial class ZkSyncTransactionProcessor<TSystem>
{
    private (InvalidTransaction Kind, string Reason)? EnsurePayment(ZkSyncTransaction tx, AccountModel model, AccountCall call, ref Resources resources, in UInt256 gasPrice)
    {
        var required = gasPrice * new UInt256(tx.GasLimit);
        var before = io.BalanceOf(SystemAddresses.Bootloader);
        if (!tx.HasPaymaster)
        {
            if (model == AccountModel.Eoa)
            {
                if (!io.TryTransfer(tx.From, SystemAddresses.Bootloader, required))
                {
                    return (InvalidTransaction.ReceivedInsufficientFees, "the sender could not pay gas price × gas limit");
                }
            }
            else if (CallFromBootloader(tx.From, call.Encode(AccountAbstractionAbi.PayForTransactionSelector, memory), ref resources, "payForTransaction", out _) is { } failed)
            {
                return failed;
            }
        }
        else
        {
            var prepared = model == AccountModel.Eoa
                ? PrePaymasterEoa(tx, ref resources)
                : CallFromBootloader(tx.From, call.Encode(AccountAbstractionAbi.PrepareForPaymasterSelector, memory), ref resources, "prepareForPaymaster", out _);
            if (prepared is { } failed)
            {
                return failed;
            }
            if (CallFromBootloader(tx.Paymaster, call.Encode(AccountAbstractionAbi.ValidateAndPayForPaymasterTransactionSelector, memory), ref resources,
                    "validateAndPayForPaymasterTransaction", out var outcome) is { } paymasterFailed)
            {
                return paymasterFailed;
            }
            if (AccountAbstractionAbi.CheckPaymasterReturn(outcome.ReturnData, out _) is { } badReturn)
            {
                return badReturn;
            }
        }

        var after = io.BalanceOf(SystemAddresses.Bootloader);
        var received = UInt256.LessThan(in after, in before) ? UInt256.Zero : after - before;
        if (UInt256.LessThan(in received, in required))
        {
            return (InvalidTransaction.ReceivedInsufficientFees, $"the bootloader received {received}, below gas price × gas limit = {required}");
        }
        var excess = received - required;
        if (!UInt256.IsZero(in excess))
        {
            io.TryTransfer(SystemAddresses.Bootloader, tx.HasPaymaster ? tx.Paymaster : tx.From, excess);
        }
        return null;
    }

    /// <summary>
    /// An externally owned account's side of a paymaster flow. <c>general</c> needs nothing;
    /// <c>approvalBased</c> makes sure the paymaster may take <c>minAllowance</c> of the token: when the
    /// allowance is lower, the account approves 0 and then the minimum (tokens like USDT refuse to
    /// change a non-zero allowance). Those calls run as the account. Any other input reverts.
    /// </summary>
    private (InvalidTransaction Kind, string Reason)? PrePaymasterEoa(ZkSyncTransaction tx, ref Resources resources)
    {
        var input = tx.PaymasterInput.Span;
        var flow = AccountAbstractionAbi.Flow(input);
        if (flow == AccountAbstractionAbi.GeneralSelector)
        {
            return null;
        }
        if (flow != AccountAbstractionAbi.ApprovalBasedSelector || !AccountAbstractionAbi.TryReadApprovalBased(input, out var token, out var minAllowance))
        {
            return (InvalidTransaction.Revert, "the paymaster input is neither general(bytes) nor approvalBased(address,uint256,bytes)");
        }
        var allowanceCall = memory.Allocate(AccountAbstractionAbi.TokenCallLength);
        AccountAbstractionAbi.Allowance(tx.From, tx.Paymaster, allowanceCall.Span);
        if (CallDuringValidation(tx.From, token, allowanceCall, ref resources, "allowance", out var allowance) is { } failed)
        {
            return failed;
        }
        if (allowance.ReturnData.Length < 32)
        {
            return (InvalidTransaction.Revert, $"the token {token} returned {allowance.ReturnData.Length} bytes for allowance");
        }
        if (!UInt256.LessThan(UInt256.ReadBigEndian(allowance.ReturnData.Span[..32]), in minAllowance))
        {
            return null;
        }
        foreach (var amount in (ReadOnlySpan<UInt256>)[UInt256.Zero, minAllowance])
        {
            var approveCall = memory.Allocate(AccountAbstractionAbi.TokenCallLength);
            AccountAbstractionAbi.Approve(tx.Paymaster, amount, approveCall.Span);
            if (CallDuringValidation(tx.From, token, approveCall, ref resources, "approve", out var approveOutcome) is { } approveFailed)
            {
                return approveFailed;
            }
            // Like a safe approve: no returndata is fine, else it must be a true boolean.
            var output = approveOutcome.ReturnData;
            if (output.Length > 0 && (output.Length < 32 || UInt256.ReadBigEndian(output.Span[..32]) != UInt256.One))
            {
                return (InvalidTransaction.Revert, $"the token {token} refused approve");
            }
        }
        return null;
    }
}

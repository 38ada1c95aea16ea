// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync.Transactions;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.System.ZkSync;
using ZkOs.System.ZkSync.Commitments;

namespace ZkOs.Bootloader.ZkSync;

/// <summary>
/// L1→L2 priority transactions (0xFF) and protocol upgrades (0xFE), reference §5.5: no signature or
/// nonce; the value is minted to the sender, the operator's fee is minted to the bootloader, and the
/// rest of the deposit is minted to the refund recipient. Each ends with an L1-transaction log.
/// </summary>
public sealed partial class ZkSyncTransactionProcessor<TSystem>
{
    private ZkSyncTransactionResult ProcessL1(ZkSyncTransaction tx, ReadOnlySpan<byte> body, int index)
    {
        var hash = ZkSyncTransactionHashes.L1TxHash(body);
        ZkSyncTransactionResult Reject(InvalidTransaction kind, string reason) => Rejected(index, hash.Hash, tx.TxType, kind, reason);

        UInt256 maxFee = tx.MaxFeePerGas;
        var nativePerGas = tx.IsUpgrade ? ZkSyncFeeModel.UpgradeNativePerGas : CeilDiv(in maxFee, new UInt256(ZkSyncFeeModel.L1NativePrice));
        var nativePerPubdata = SaturatingMul(tx.GasPerPubdataLimit, nativePerGas);
        if (!Limits(tx.GasLimit, nativePerGas, nativePerPubdata, ZkSyncFeeModel.L1IntrinsicPubdata, ZkSyncFeeModel.L1IntrinsicNative,
                ZkSyncFeeModel.L1IntrinsicGas, tx.Data.Span, isDeployment: false, out var resources, out var withheld, out var limitError))
        {
            return Reject(limitError.Kind, limitError.Reason);
        }
        // The deposit must cover the value and the worst-case fee. ZKsync OS treats a shortfall as an
        // internal error that fails the block; here it rejects the transaction and the block goes on.
        var deposited = tx.TotalDeposited ?? UInt256.Zero;
        var needed = tx.Value + maxFee * new UInt256(tx.GasLimit);
        if (UInt256.LessThan(in deposited, in needed))
        {
            return Reject(InvalidTransaction.InvalidStructure, $"the deposit {deposited} does not cover value + max fee × gas limit = {needed}");
        }

        io.BeginTransaction(Context(tx.From, maxFee));
        io.WarmUp(_block.Coinbase);
        var beforeExecution = io.Snapshot();
        var validationPubdata = NetPubdata();
        Runner.RunOutcome outcome;
        if (resources.ChargeNative(hash.KeccakNative) != ResourceStatus.Ok)
        {
            outcome = new Runner.RunOutcome { Status = FrameStatus.Failed, Remaining = resources, ReturnData = ReadOnlyMemory<byte>.Empty, OutOfNative = true };
        }
        else
        {
            io.AddBalance(tx.From, tx.Value);
            outcome = runner.Call(tx.From, tx.To, tx.Value, tx.Data, resources);
            if (!outcome.IsSuccess)
            {
                // A reverted deposit takes its mint with it.
                io.Rollback(beforeExecution);
            }
        }

        var settlement = ComputeSettlement(tx.GasLimit, outcome, withheld, nativePerGas, nativePerPubdata, validationPubdata, beforeExecution);
        if (tx.IsUpgrade && !settlement.Success)
        {
            io.Rollback(beforeExecution);
            io.FinishTransaction();
            return Reject(InvalidTransaction.UpgradeTxFailed, "the upgrade transaction failed");
        }
        var fee = new UInt256(settlement.GasUsed) * maxFee;
        io.AddBalance(SystemAddresses.Bootloader, fee);
        var refund = deposited - fee - (settlement.Success ? tx.Value : UInt256.Zero);
        io.AddBalance(tx.RefundRecipient ?? tx.From, refund);

        var logs = MessageLogs(index);
        logs.Add(L2ToL1Log.L1TransactionLog((ushort)index, hash.Hash, settlement.Success));
        var result = new ZkSyncTransactionResult
        {
            Index = index,
            Hash = hash.Hash,
            Type = tx.TxType,
            Success = settlement.Success,
            GasUsed = settlement.GasUsed,
            NativeUsed = settlement.NativeUsed,
            Pubdata = settlement.Pubdata + ZkSyncFeeModel.L1IntrinsicPubdata,
            // What the proving variant does not keep (output, events) is not copied out.
            Output = TSystem.KeepsResults && settlement.Success ? outcome.ReturnData.ToArray() : [],
            Logs = TSystem.KeepsResults ? io.Logs.ToArray() : [],
            L2ToL1Logs = logs,
            Messages = MessageBodies(),
        };
        io.FinishTransaction();
        SweepFees();
        return result;
    }
}

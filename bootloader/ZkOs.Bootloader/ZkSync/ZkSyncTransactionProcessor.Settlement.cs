// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Runner;
using ZkOs.Bootloader.ZkSync.Transactions;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;
using ZkOs.System.ZkSync;

namespace ZkOs.Bootloader.ZkSync;

/// <summary>After execution: the pubdata check, the gas used with the deltaGas top-up, and the refund (reference §3.3).</summary>
public sealed partial class ZkSyncTransactionProcessor<TSystem>
{
    private readonly record struct Settlement(bool Success, ulong GasUsed, ulong NativeUsed, ulong Pubdata);

    private Settlement ComputeSettlement(
        ulong gasLimit, RunOutcome outcome, ulong withheld, ulong nativePerGas, ulong nativePerPubdata,
        ulong validationPubdata, IoSnapshot beforeExecution)
    {
        var remaining = outcome.Remaining;
        var success = outcome.IsSuccess;
        if (outcome.OutOfNative)
        {
            // Out of native in execution reverts it all and burns every erg (§3.4).
            io.Rollback(beforeExecution);
            remaining = Resources.Empty;
            success = false;
        }

        // The pubdata execution added must be payable from what native is left plus the withheld part.
        var pubdata = NetPubdata();
        var executionPubdata = pubdata > validationPubdata ? pubdata - validationPubdata : 0;
        var available = remaining.Native > ulong.MaxValue - withheld ? ulong.MaxValue : remaining.Native + withheld;
        if (success && SaturatingMul(executionPubdata, nativePerPubdata) > available)
        {
            io.Rollback(beforeExecution);
            success = false;
            pubdata = NetPubdata();
            executionPubdata = pubdata > validationPubdata ? pubdata - validationPubdata : 0;
        }

        var pubdataNative = SaturatingMul(executionPubdata, nativePerPubdata);
        var nativeRemaining = available > pubdataNative ? available - pubdataNative : 0;
        var gasUsed = gasLimit - Math.Min(gasLimit, remaining.Gas);
        var nativeUsed = SaturatingMul(gasLimit, nativePerGas) - Math.Min(SaturatingMul(gasLimit, nativePerGas), nativeRemaining);
        if (nativePerGas > 0)
        {
            // deltaGas: what native cost beyond what the gas paid for is charged as gas.
            var nativeAsGas = nativeUsed / nativePerGas;
            if (nativeAsGas > gasUsed)
            {
                gasUsed = Math.Min(gasLimit, nativeAsGas);
            }
        }
        return new Settlement(success, gasUsed, nativeUsed, pubdata);
    }

    private ZkSyncTransactionResult Settle(
        ZkSyncTransaction tx, int index, Bytes32 hash, RunOutcome outcome, Resources unused, ulong withheld, ulong nativePerGas,
        ulong nativePerPubdata, ulong validationPubdata, IoSnapshot beforeExecution, Address refundTo, UInt256 gasPrice)
    {
        _ = unused;
        var settlement = ComputeSettlement(tx.GasLimit, outcome, withheld, nativePerGas, nativePerPubdata, validationPubdata, beforeExecution);
        var refund = new UInt256(tx.GasLimit - settlement.GasUsed) * gasPrice;
        io.TryTransfer(SystemAddresses.Bootloader, refundTo, refund);

        var result = new ZkSyncTransactionResult
        {
            Index = index,
            Hash = hash,
            Type = tx.TxType,
            Success = settlement.Success,
            GasUsed = settlement.GasUsed,
            NativeUsed = settlement.NativeUsed,
            Pubdata = settlement.Pubdata,
            // What the proving variant does not keep (output, events) is not copied out.
            Output = TSystem.KeepsResults && settlement.Success ? outcome.ReturnData.ToArray() : [],
            ContractAddress = settlement.Success ? outcome.DeployedAt : null,
            Logs = TSystem.KeepsResults ? io.Logs.ToArray() : [],
            L2ToL1Logs = MessageLogs(index),
            Messages = MessageBodies(),
        };
        io.FinishTransaction();
        SweepFees();
        return result;
    }
}

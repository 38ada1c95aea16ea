// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync.Transactions;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.System.Io;
using ZkOs.System.Precompiles;
using ZkOs.System.ZkSync;

namespace ZkOs.Bootloader.ZkSync;

/// <summary>
/// L2 transactions (types 0x00, 0x01, 0x02, 0x71, reference §5.4): limits, validation by the account
/// model, payment (.Payment.cs), execution and settlement. Contract accounts are in .Accounts.cs.
/// </summary>
public sealed partial class ZkSyncTransactionProcessor<TSystem>
{
    /// <summary>secp256k1's group order halved: a larger s is malleable (EIP-2).</summary>
    private static readonly UInt256 HalfCurveOrder = UInt256.Parse("0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");

    private ZkSyncTransactionResult ProcessL2(ZkSyncTransaction tx, ReadOnlyMemory<byte> body, int index)
    {
        var hash = ZkSyncTransactionHashes.TxHash(tx, _block.ChainId);
        var signedHash = ZkSyncTransactionHashes.SignedHash(tx, _block.ChainId);
        ZkSyncTransactionResult Reject(InvalidTransaction kind, string reason) => Rejected(index, hash.Hash, tx.TxType, kind, reason);

        if (_block.GasLimit > ZkSyncFeeModel.MaxBlockGasLimit)
        {
            return Reject(InvalidTransaction.BlockGasLimitTooHigh, $"block gas limit {_block.GasLimit} above {ZkSyncFeeModel.MaxBlockGasLimit}");
        }
        if (tx.GasLimit > _block.GasLimit)
        {
            return Reject(InvalidTransaction.CallerGasLimitMoreThanBlock, $"gas limit {tx.GasLimit} above the block's {_block.GasLimit}");
        }
        UInt256 maxFee = tx.MaxFeePerGas, maxPriority = tx.MaxPriorityFeePerGas;
        if (UInt256.GreaterThan(in maxPriority, in maxFee))
        {
            return Reject(InvalidTransaction.PriorityFeeGreaterThanMaxFee, "max priority fee above max fee");
        }
        if (UInt256.GreaterThan(_block.BaseFee, in maxFee))
        {
            return Reject(InvalidTransaction.BaseFeeGreaterThanMaxFee, $"max fee {maxFee} below the base fee {_block.BaseFee}");
        }
        // §3.2: the price of native, and from it the native limit.
        var gasPrice = _block.BaseFee;
        var nativePerGas = NativePerGas(gasPrice);
        var userGasPerPubdata = tx.IsEip712 ? tx.GasPerPubdataLimit : ZkSyncFeeModel.DefaultGasPerPubdata;
        if (UInt256.GreaterThan(_block.GasPerPubdata, new UInt256(userGasPerPubdata)))
        {
            return Reject(InvalidTransaction.GasPerPubdataTooHigh, $"the block's gas per pubdata {_block.GasPerPubdata} exceeds the transaction's {userGasPerPubdata}");
        }
        var nativePerPubdata = SaturatingMul(_block.GasPerPubdata.U0, nativePerGas);
        var data = tx.Data.Span;
        if (!Limits(tx.GasLimit, nativePerGas, nativePerPubdata, ZkSyncFeeModel.L2IntrinsicPubdata, ZkSyncFeeModel.L2IntrinsicNative,
                ZkSyncFeeModel.L2IntrinsicGas, data, tx.IsDeployment, out var resources, out var withheld, out var limitError))
        {
            return Reject(limitError.Kind, limitError.Reason);
        }

        io.BeginTransaction(Context(tx.From, gasPrice));
        var beforeValidation = io.Snapshot();
        // Account abstraction: a 0x71 transaction from an address with code is the account's to validate.
        var model = tx.IsEip712 && io.CodeOf(tx.From).Length > 0 ? AccountModel.Contract : AccountModel.Eoa;
        var call = new AccountCall(hash.Hash, signedHash.Hash, tx.IsEip712 ? body : ReadOnlyMemory<byte>.Empty);
        if (Validate(tx, model, call, signedHash, hash, ref resources, nativePerPubdata, gasPrice, out var nonce) is { } invalid)
        {
            io.Rollback(beforeValidation);
            io.FinishTransaction();
            return Reject(invalid.Kind, invalid.Reason);
        }

        // Execution (§5.4 step 7), in a frame of its own.
        var beforeExecution = io.Snapshot();
        var validationPubdata = NetPubdata();
        var outcome = model == AccountModel.Contract
            ? runner.Call(SystemAddresses.Bootloader, tx.From, UInt256.Zero, call.Encode(AccountAbstractionAbi.ExecuteTransactionSelector, memory), resources)
            : Execute(tx, nonce, ref resources);
        // The refund goes to whoever paid: the paymaster when there is one (its postTransaction is not called, §11).
        return Settle(tx, index, hash.Hash, outcome, resources, withheld, nativePerGas, nativePerPubdata, validationPubdata,
            beforeExecution, refundTo: tx.HasPaymaster ? tx.Paymaster : tx.From, gasPrice);
    }

    /// <summary>§3.2: ceil(gas price / native price). A zero native price is an internal error of the block.</summary>
    private ulong NativePerGas(in UInt256 gasPrice) =>
        UInt256.IsZero(_block.NativePrice)
            ? throw new ZkSyncBlockException("the block's native price is zero")
            : CeilDiv(in gasPrice, _block.NativePrice);

    /// <summary>
    /// §3.2: the native limit (withholding what exceeds 2^36 for pubdata), the intrinsic costs and the
    /// ergs left for execution.
    /// </summary>
    private static bool Limits(
        ulong gasLimit, ulong nativePerGas, ulong nativePerPubdata, ulong intrinsicPubdata, ulong intrinsicNative, ulong intrinsicGas,
        ReadOnlySpan<byte> data, bool isDeployment, out Resources resources, out ulong withheld, out (InvalidTransaction Kind, string Reason) error)
    {
        resources = default;
        withheld = 0;
        error = default;
        var nativeLimit = SaturatingMul(gasLimit, nativePerGas);
        var pubdataNative = SaturatingMul(nativePerPubdata, intrinsicPubdata);
        if (nativeLimit < pubdataNative)
        {
            error = (InvalidTransaction.OutOfNativeResourcesDuringValidation, "the native limit does not cover the intrinsic pubdata");
            return false;
        }
        nativeLimit -= pubdataNative;
        if (nativeLimit > ZkSyncFeeModel.MaxNativeComputational)
        {
            withheld = nativeLimit - ZkSyncFeeModel.MaxNativeComputational;
            nativeLimit = ZkSyncFeeModel.MaxNativeComputational;
        }
        var nativeIntrinsic = (ulong)data.Length * ZkSyncFeeModel.CalldataByteNative + intrinsicNative;
        if (nativeLimit < nativeIntrinsic)
        {
            error = (InvalidTransaction.OutOfNativeResourcesDuringValidation, "the native limit does not cover the intrinsic native cost");
            return false;
        }
        nativeLimit -= nativeIntrinsic;

        var gas = intrinsicGas + CalldataGas(data);
        if (isDeployment)
        {
            if (data.Length > ZkSyncFeeModel.MaxInitCodeSize)
            {
                error = (InvalidTransaction.CreateInitCodeSizeLimit, $"init code of {data.Length} bytes above {ZkSyncFeeModel.MaxInitCodeSize}");
                return false;
            }
            gas += ZkSyncFeeModel.InitCodeWordGas * (((ulong)data.Length + 31) / 32);
        }
        if (gas > gasLimit)
        {
            error = (InvalidTransaction.OutOfGasDuringValidation, $"intrinsic gas {gas} above the gas limit {gasLimit}");
            return false;
        }
        resources = Resources.FromGas(gasLimit - gas, nativeLimit);
        return true;
    }

    /// <summary>
    /// §5.4 step 6: warm-up and access list, hashing, the nonce, the account model's validation (for an
    /// externally owned account the funds, the signature and the nonce bump; for a contract account its
    /// <c>validateTransaction</c>), the payment to the bootloader, and the validation pubdata.
    /// </summary>
    private (InvalidTransaction Kind, string Reason)? Validate(
        ZkSyncTransaction tx, AccountModel model, AccountCall call, ZkSyncTransactionHash signedHash, ZkSyncTransactionHash hash,
        ref Resources resources, ulong nativePerPubdata, in UInt256 gasPrice, out ulong nonce)
    {
        nonce = 0;
        io.WarmUp(_block.Coinbase);
        // Indexed, not foreach: enumerating the interfaces would box their enumerators.
        var accessList = tx.AccessList ?? [];
        for (var i = 0; i < accessList.Count; i++)
        {
            var entry = accessList[i];
            var keys = (ulong)entry.StorageKeys.Count;
            var status = resources.Charge(
                (ZkSyncFeeModel.AccessListAddressGas + ZkSyncFeeModel.AccessListKeyGas * keys) * Resources.ErgsPerGas,
                AccessCosts.AccountAccessNative + AccessCosts.WarmReadNative * keys);
            if (status != ResourceStatus.Ok)
            {
                return ValidationResourceError(status, "the access list");
            }
            io.WarmUp(entry.Address);
            for (var k = 0; k < entry.StorageKeys.Count; k++)
            {
                io.WarmUp(entry.Address, entry.StorageKeys[k].ToUInt256());
            }
        }
        if (resources.ChargeNative(hash.KeccakNative + signedHash.KeccakNative) != ResourceStatus.Ok)
        {
            return (InvalidTransaction.OutOfNativeResourcesDuringValidation, "hashing the transaction");
        }

        if (!UInt256.FitsInUlong(tx.Nonce))
        {
            return (InvalidTransaction.NonceOverflowInTransaction, $"nonce {tx.Nonce} does not fit 64 bits");
        }
        nonce = io.NonceOf(tx.From);
        var invalid = model == AccountModel.Contract
            ? ValidateContractAccount(tx, call, ref resources, nonce)
            : ValidateEoa(tx, signedHash, ref resources, nonce);
        if (invalid is not null)
        {
            return invalid;
        }
        if (EnsurePayment(tx, model, call, ref resources, gasPrice) is { } paymentError)
        {
            return paymentError;
        }
        var pubdata = NetPubdata();
        if (resources.ChargeNative(SaturatingMul(pubdata, nativePerPubdata)) != ResourceStatus.Ok)
        {
            return (InvalidTransaction.OutOfNativeResourcesDuringValidation, $"paying for {pubdata} bytes of validation pubdata");
        }
        return null;
    }

    /// <summary>An externally owned account: the exact nonce, no code (EIP-3607), the funds, the signature, then the nonce bump.</summary>
    private (InvalidTransaction Kind, string Reason)? ValidateEoa(ZkSyncTransaction tx, ZkSyncTransactionHash signedHash, ref Resources resources, ulong nonce)
    {
        if (tx.Nonce.U0 != nonce)
        {
            return tx.Nonce.U0 > nonce
                ? (InvalidTransaction.NonceTooHigh, $"nonce {tx.Nonce.U0}, the account's is {nonce}")
                : (InvalidTransaction.NonceTooLow, $"nonce {tx.Nonce.U0}, the account's is {nonce}");
        }
        if (io.CodeOf(tx.From).Length > 0)
        {
            return (InvalidTransaction.RejectCallerWithCode, $"the sender {tx.From} has code (EIP-3607)");
        }
        // With a paymaster the sender only needs the value: the paymaster pays the fee.
        var maxCost = tx.HasPaymaster ? tx.Value : (UInt256)tx.MaxFeePerGas * new UInt256(tx.GasLimit) + tx.Value;
        if (UInt256.LessThan(io.BalanceOf(tx.From), in maxCost))
        {
            return (InvalidTransaction.LackOfFundForMaxFee, $"balance {io.BalanceOf(tx.From)} below the value{(tx.HasPaymaster ? "" : " + max fee × gas limit")} = {maxCost}");
        }
        if (VerifySignature(tx, signedHash, ref resources) is { } signatureError)
        {
            return signatureError;
        }
        io.TryIncrementNonce(tx.From);
        return null;
    }

    /// <summary>EIP-2 (s in the lower half), then ecrecover of the signed hash must give the sender; priced as the precompile.</summary>
    private static (InvalidTransaction Kind, string Reason)? VerifySignature(ZkSyncTransaction tx, ZkSyncTransactionHash signedHash, ref Resources resources)
    {
        var signature = tx.Signature.Span;
        var s = UInt256.ReadBigEndian(signature.Slice(32, 32));
        if (UInt256.GreaterThan(in s, in HalfCurveOrder))
        {
            return (InvalidTransaction.MalleableSignature, "s is in the upper half of the curve order (EIP-2)");
        }
        var status = resources.Charge(ZkSyncFeeModel.EcrecoverGas * Resources.ErgsPerGas, ZkSyncFeeModel.EcrecoverNative);
        if (status != ResourceStatus.Ok)
        {
            return ValidationResourceError(status, "recovering the signer");
        }
        Span<byte> digest = stackalloc byte[32];
        signedHash.Hash.WriteTo(digest);
        var v = signature[64];
        if (v is not (27 or 28)
            || !Secp256k1.TryRecoverAddress(digest, signature[..32], signature.Slice(32, 32), v - 27, out var signer)
            || !signer.Equals(tx.From))
        {
            return (InvalidTransaction.IncorrectFrom, $"the signature does not recover to {tx.From}");
        }
        return null;
    }

    private static (InvalidTransaction, string) ValidationResourceError(ResourceStatus status, string what) =>
        status == ResourceStatus.OutOfNative
            ? (InvalidTransaction.OutOfNativeResourcesDuringValidation, $"out of native paying for {what}")
            : (InvalidTransaction.OutOfGasDuringValidation, $"out of gas paying for {what}");

    /// <summary>A deployment (the 32,000 gas of a creation first; running short is a revert, not invalid) or a call.</summary>
    private Runner.RunOutcome Execute(ZkSyncTransaction tx, ulong nonce, ref Resources resources)
    {
        if (!tx.IsDeployment)
        {
            return runner.Call(tx.From, tx.To, tx.Value, tx.Data, resources);
        }
        if (resources.ChargeErgs(ZkSyncFeeModel.DeploymentExtraGas * Resources.ErgsPerGas) != ResourceStatus.Ok)
        {
            return new Runner.RunOutcome { Status = FrameStatus.Failed, Error = Framework.Interpretation.ExecutionError.OutOfErgs, Remaining = resources, ReturnData = ReadOnlyMemory<byte>.Empty };
        }
        return runner.Deploy(tx.From, tx.Data, tx.Value, resources, nonce);
    }
}

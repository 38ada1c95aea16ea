// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Runner;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;
using ZkOs.System.Precompiles;

namespace ZkOs.Bootloader.Ethereum;

/// <summary>
/// The Ethereum transaction policy: validation (types, nonce, EOA sender, fee caps, funds, intrinsic
/// gas, blobs), buying gas, the access-list and EIP-2929 warm-up, execution through the runner, the
/// EIP-3529 refund, the priority fee to the coinbase. It shares the EVM, the runner and the IO
/// subsystem with the ZKsync policy; only these rules differ.
/// </summary>
public sealed class EthereumTransactionProcessor(IoSubsystem io, FrameRunner runner, PrecompileSet precompiles, EthereumForkRules rules)
{
    public const ulong TransactionGas = 21000;
    public const ulong CreateGas = 32000;
    public const ulong ZeroByteGas = 4;
    public const ulong NonZeroByteGas = 16;
    public const ulong AccessListAddressGas = 2400;
    public const ulong AccessListKeyGas = 1900;
    public const ulong InitCodeWordGas = 2;
    public const int MaxInitCodeSize = 49152;

    /// <summary>Ethereum has no native resource: frames get so much it never runs out.</summary>
    private const ulong UnlimitedNative = 1UL << 62;

    /// <summary>
    /// The most gas a frame can hold: its loop counts ergs (gas × 256) in a signed 64-bit register. A
    /// transaction may carry more (tests use 2^63 − 1); the excess is held back and counted as unused.
    /// Only GAS could tell, and only beyond 3.6 × 10^16 gas, which no execution can spend.
    /// </summary>
    public const ulong MaxFrameGas = (ulong)long.MaxValue / Resources.ErgsPerGas;

    public EthereumForkRules Rules => rules;

    /// <summary>Validates and runs <paramref name="tx"/>; a rejected transaction leaves the state untouched.</summary>
    public EthereumReceipt Execute(EthereumBlock block, EthereumTransaction tx)
    {
        var intrinsic = IntrinsicGas(tx);
        if (Validate(block, tx, intrinsic) is { } invalid)
        {
            return new EthereumReceipt { Invalid = invalid };
        }

        var value = tx.Value!.Value;
        var baseFee = block.BaseFee;
        var gasPrice = EffectiveGasPrice(tx, baseFee);
        io.BeginTransaction(new TransactionContext
        {
            Origin = tx.Sender,
            GasPrice = gasPrice,
            // The record is immutable: its array is shared rather than copied (an empty list costs nothing either way).
            BlobHashes = tx.BlobVersionedHashes as Bytes32[] ?? [.. tx.BlobVersionedHashes],
        });

        var blobFee = (ulong)tx.BlobVersionedHashes.Count * BlobGas.PerBlob * block.BlobBaseFee;
        io.TrySubtractBalance(tx.Sender, new UInt256(tx.GasLimit) * gasPrice + blobFee);
        var nonce = io.NonceOf(tx.Sender);
        io.TryIncrementNonce(tx.Sender);
        WarmUp(block, tx);

        var available = tx.GasLimit - intrinsic;
        var heldBack = available > MaxFrameGas ? available - MaxFrameGas : 0;
        var resources = Resources.FromGas(available - heldBack, UnlimitedNative);
        var outcome = tx.To is { } to
            ? runner.Call(tx.Sender, to, value, tx.Data, resources)
            : runner.Deploy(tx.Sender, tx.Data, value, resources, nonce);

        // An exceptional halt of the entry frame burns everything it was given, the held-back gas too.
        var unused = outcome.Status == FrameStatus.Failed ? 0 : outcome.Remaining.Gas + heldBack;
        var gasUsed = tx.GasLimit - unused;
        gasUsed -= io.CappedRefund(gasUsed, rules.RefundQuotient);
        io.AddBalance(tx.Sender, new UInt256(tx.GasLimit - gasUsed) * gasPrice);
        io.AddBalance(block.Coinbase, new UInt256(gasUsed) * (gasPrice - baseFee));
        var logs = io.LogViews;
        io.FinishTransaction();

        return new EthereumReceipt
        {
            Success = outcome.IsSuccess,
            Error = outcome.Error,
            GasUsed = gasUsed,
            Logs = logs,
            ContractAddress = outcome.DeployedAt,
            Output = outcome.ReturnData,
            Unsupported = outcome.Unsupported,
        };
    }

    /// <summary>EIP-1559: the fee cap, or the base fee plus the priority fee when that is lower.</summary>
    public static UInt256 EffectiveGasPrice(EthereumTransaction tx, in UInt256 baseFee)
    {
        if (tx.Type < 2)
        {
            return tx.GasPrice ?? UInt256.Zero;
        }
        var withTip = baseFee + tx.PriorityFeeCap;
        return UInt256.LessThan(tx.FeeCap, withTip) ? tx.FeeCap : withTip;
    }

    public ulong IntrinsicGas(EthereumTransaction tx)
    {
        var gas = TransactionGas + (tx.IsCreate ? CreateGas : 0);
        foreach (var b in tx.Data.Span)
        {
            gas += b == 0 ? ZeroByteGas : NonZeroByteGas;
        }
        foreach (var entry in tx.AccessList)
        {
            gas += AccessListAddressGas + AccessListKeyGas * (ulong)entry.StorageKeys.Count;
        }
        if (tx.IsCreate && rules.LimitInitCode)
        {
            gas += InitCodeWordGas * (((ulong)tx.Data.Length + 31) / 32);
        }
        return gas;
    }

    private InvalidTransaction? Validate(EthereumBlock block, EthereumTransaction tx, ulong intrinsic)
    {
        if (tx.Type > rules.MaxTransactionType)
        {
            return InvalidTransaction.TypeNotSupported;
        }
        if (tx.Value is null)
        {
            return InvalidTransaction.ValueTooLarge;
        }
        var stateNonce = io.NonceOf(tx.Sender);
        if (stateNonce == ulong.MaxValue)
        {
            return InvalidTransaction.NonceMaximum;
        }
        if (tx.Nonce != stateNonce)
        {
            return tx.Nonce < stateNonce ? InvalidTransaction.NonceTooLow : InvalidTransaction.NonceTooHigh;
        }
        if (io.CodeOf(tx.Sender).Length > 0)
        {
            return InvalidTransaction.SenderNotEoa;
        }
        if (tx.GasLimit > block.GasLimit)
        {
            return InvalidTransaction.GasLimitAboveBlock;
        }
        if (tx.Type >= 2 && UInt256.GreaterThan(tx.PriorityFeeCap, tx.FeeCap))
        {
            return InvalidTransaction.PriorityFeeAboveFeeCap;
        }
        if (UInt256.LessThan(tx.FeeCap, block.BaseFee))
        {
            return InvalidTransaction.FeeCapBelowBaseFee;
        }
        if (tx.Type == 3 && ValidateBlobs(block, tx) is { } blobError)
        {
            return blobError;
        }
        if (tx.IsCreate && rules.LimitInitCode && tx.Data.Length > MaxInitCodeSize)
        {
            return InvalidTransaction.InitCodeTooLarge;
        }
        if (tx.GasLimit < intrinsic)
        {
            return InvalidTransaction.IntrinsicGasTooLow;
        }
        // Funds for the worst case: every gas at the fee cap, the value, every blob at its fee cap.
        return CoversWorstCase(io.BalanceOf(tx.Sender), tx) ? null : InvalidTransaction.InsufficientFunds;
    }

    /// <summary>
    /// balance ≥ gasLimit × feeCap + value + blobs × blobGas × blobFeeCap, exactly: in 256 bits with
    /// every overflow caught (a cost past 2^256 exceeds any balance), so no BigInteger is needed.
    /// </summary>
    private static bool CoversWorstCase(in UInt256 balance, EthereumTransaction tx)
    {
        UInt256.MultiplyFull(new UInt256(tx.GasLimit), tx.FeeCap, out var cost, out var high);
        if (!UInt256.IsZero(high))
        {
            return false;
        }
        var blobGas = (ulong)tx.BlobVersionedHashes.Count * BlobGas.PerBlob;
        UInt256.MultiplyFull(new UInt256(blobGas), tx.MaxFeePerBlobGas ?? UInt256.Zero, out var blobCost, out high);
        if (!UInt256.IsZero(high) || !TryAdd(cost, tx.Value!.Value, out cost) || !TryAdd(cost, blobCost, out cost))
        {
            return false;
        }
        return !UInt256.GreaterThan(cost, balance);
    }

    /// <summary>a + b, false when it wraps past 2^256.</summary>
    private static bool TryAdd(in UInt256 a, in UInt256 b, out UInt256 sum)
    {
        sum = a + b;
        return !UInt256.LessThan(sum, a);
    }

    private static InvalidTransaction? ValidateBlobs(EthereumBlock block, EthereumTransaction tx)
    {
        if (tx.IsCreate)
        {
            return InvalidTransaction.BlobCreate;
        }
        if (tx.BlobVersionedHashes.Count == 0)
        {
            return InvalidTransaction.NoBlobs;
        }
        if (tx.BlobVersionedHashes.Count > BlobGas.MaxBlobsPerBlock)
        {
            return InvalidTransaction.TooManyBlobs;
        }
        Span<byte> hash = stackalloc byte[32];
        foreach (var versioned in tx.BlobVersionedHashes)
        {
            versioned.WriteTo(hash);
            if (hash[0] != BlobGas.VersionedHashVersionKzg)
            {
                return InvalidTransaction.InvalidBlobVersion;
            }
        }
        return UInt256.LessThan(tx.MaxFeePerBlobGas ?? UInt256.Zero, block.BlobBaseFee)
            ? InvalidTransaction.BlobFeeCapBelowBlobBaseFee
            : null;
    }

    /// <summary>EIP-2929 and EIP-2930: the sender, the recipient, the precompiles, the coinbase (EIP-3651) and the access list start warm.</summary>
    private void WarmUp(EthereumBlock block, EthereumTransaction tx)
    {
        io.WarmUp(tx.Sender);
        if (tx.To is { } to)
        {
            io.WarmUp(to);
        }
        // Indexed, not foreach: enumerating the IReadOnlyList would box its enumerator.
        var list = precompiles.Precompiles;
        for (var i = 0; i < list.Count; i++)
        {
            io.WarmUp(Address.FromUInt64(list[i].Address));
        }
        if (rules.WarmCoinbase)
        {
            io.WarmUp(block.Coinbase);
        }
        foreach (var entry in tx.AccessList)
        {
            io.WarmUp(entry.Address);
            foreach (var key in entry.StorageKeys)
            {
                io.WarmUp(entry.Address, key.ToUInt256());
            }
        }
    }
}

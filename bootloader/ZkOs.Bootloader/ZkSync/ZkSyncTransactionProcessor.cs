// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Runner;
using ZkOs.Bootloader.ZkSync.Transactions;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;
using ZkOs.System.Oracle;
using ZkOs.System.Variants;
using ZkOs.System.ZkSync;
using ZkOs.System.ZkSync.Commitments;

namespace ZkOs.Bootloader.ZkSync;

/// <summary>
/// The ZKsync transaction policy (reference/zksync-os.md §3, §5.4, §5.5): parsing, the native limit
/// derived from the fee, validation, the fee paid to the bootloader (0x8001), execution through the
/// runner, pubdata paid from native, the deltaGas top-up and the refund. It shares the EVM, the runner
/// and the IO subsystem with the Ethereum policy. L2 transactions are in .L2.cs, L1→L2 and upgrade
/// transactions in .L1.cs, pubdata accounting in .Pubdata.cs.
/// </summary>
/// <typeparam name="TSystem">The system variant: what it keeps of a transaction's results is a JIT constant.</typeparam>
public sealed partial class ZkSyncTransactionProcessor<TSystem>(
    IoSubsystem io, FrameRunner runner, IReadOnlyDictionary<Address, LoadedAccount> loadedAccounts, IStfMemory memory)
    where TSystem : struct, ISystemTypes
{
    private BlockMetadata _block;

    /// <summary>Starts a block; the processor is built once and reused for every block (the prover's machine).</summary>
    public void BeginBlock(BlockMetadata block) => _block = block;

    private readonly HashSet<(Address, UInt256)> _slotWrites = [];
    private readonly HashSet<Address> _accountWrites = [];
    private readonly List<L2ToL1Log> _messageLogs = [];
    private readonly List<ReadOnlyMemory<byte>> _messageBodies = [];
    private readonly ZkSyncTransaction _tx = new() { TxType = 0 };
    private readonly ZkSyncParseBuffers _parseBuffers = new();

    /// <param name="body">The transaction's bytes, in the run's memory: account calls pass them on without a copy.</param>
    public ZkSyncTransactionResult Process(ReadOnlyMemory<byte> body, int index, bool isFirst)
    {
        // The processor's one transaction, refilled per body: nothing keeps it past Process.
        var tx = _tx;
        try
        {
            ZkSyncTransactionParser.ParseInto(body, tx, _parseBuffers);
        }
        catch (ZkSyncTransactionException e)
        {
            return Rejected(index, default, 0, e.Kind, e.Message);
        }
        if (tx.IsUpgrade && !isFirst)
        {
            return Rejected(index, default, tx.TxType, InvalidTransaction.UpgradeTxNotFirst, "an upgrade transaction must be the block's first");
        }
        return tx.IsL1OrUpgrade ? ProcessL1(tx, body.Span, index) : ProcessL2(tx, body, index);
    }

    private static ZkSyncTransactionResult Rejected(int index, Bytes32 hash, byte type, InvalidTransaction kind, string reason) =>
        new() { Index = index, Hash = hash, Type = type, Invalid = kind, InvalidReason = reason };

    /// <summary><c>ceil(a / b)</c> in 64 bits, saturating.</summary>
    private static ulong CeilDiv(in UInt256 a, in UInt256 b)
    {
        UInt256.DivRem(in a, in b, out var quotient, out var remainder);
        if (!UInt256.IsZero(in remainder))
        {
            quotient += UInt256.One;
        }
        return UInt256.FitsInUlong(in quotient) ? quotient.U0 : ulong.MaxValue;
    }

    private static ulong SaturatingMul(ulong a, ulong b) => b != 0 && a > ulong.MaxValue / b ? ulong.MaxValue : a * b;

    /// <summary>Gas of calldata: 16 per non-zero byte, 4 per zero byte.</summary>
    private static ulong CalldataGas(ReadOnlySpan<byte> data)
    {
        ulong gas = 0;
        foreach (var b in data)
        {
            gas += b == 0 ? ZkSyncFeeModel.ZeroByteGas : ZkSyncFeeModel.NonZeroByteGas;
        }
        return gas;
    }

    /// <summary>
    /// The L2→L1 logs of the user messages this transaction sent (from the L1 messenger, in order). A
    /// variant that keeps results gets a list of its own; otherwise it is the processor's, valid until
    /// the next transaction (the bootloader copies the logs at once).
    /// </summary>
    private List<L2ToL1Log> MessageLogs(int index)
    {
        var logs = TSystem.KeepsResults ? new List<L2ToL1Log>(io.Messages.Count) : _messageLogs;
        logs.Clear();
        var messages = io.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            logs.Add(L2ToL1Log.UserMessage((ushort)index, messages[i].Sender, messages[i].Hash));
        }
        return logs;
    }

    /// <summary>The bodies of the messages behind <see cref="MessageLogs"/>, kept or reused alike.</summary>
    private List<ReadOnlyMemory<byte>> MessageBodies()
    {
        var bodies = TSystem.KeepsResults ? new List<ReadOnlyMemory<byte>>(io.Messages.Count) : _messageBodies;
        bodies.Clear();
        var messages = io.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            bodies.Add(messages[i].Data);
        }
        return bodies;
    }

    /// <summary>After every transaction the bootloader's whole balance (the fees) goes to the coinbase (§4.9).</summary>
    private void SweepFees()
    {
        var fees = io.BalanceOf(SystemAddresses.Bootloader);
        if (!UInt256.IsZero(in fees))
        {
            io.TryTransfer(SystemAddresses.Bootloader, _block.Coinbase, fees);
        }
    }

    private TransactionContext Context(in Address origin, in UInt256 gasPrice) => new() { Origin = origin, GasPrice = gasPrice };
}

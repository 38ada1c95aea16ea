// SPDX-License-Identifier: MIT
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ZkOs.Bootloader.Ethereum;
using ZkOs.Bootloader.Runner;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;
using ZkOs.System.Io;
using ZkOs.System.Precompiles;

namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>
/// Runs a state-test case the way Ethereum's own clients do: the pre-state in a fresh IO subsystem under
/// the Ethereum rules, the case's transaction through the Ethereum policy and the runner, with the EVM
/// the host supplies for the case's fork; then the MPT state root and the logs hash.
/// </summary>
/// <remarks>
/// With a tracer, an EVM that can trace (<see cref="ITraceableEnvironment"/>) is swapped for a traced copy
/// for this case only, reporting every instruction to the tracer as EIP-3155 steps; the executor then
/// ends the trace with the summary (<c>pass</c> is the transaction's success, as EIP-3155 defines it; a
/// rejected transaction has no steps and a failed summary). An EE that cannot trace yields the summary
/// alone; a case skipped as unsupported, neither.
/// </remarks>
/// <param name="evmForFork">The EVM for a fork name, or null when the fork is not supported.</param>
public sealed class EthereumStateTestExecutor(Func<string, IExecutionEnvironment?> evmForFork) : IStateTestExecutor
{
    // One pool for the runners of every case, as one runner serves a whole block: a case's transaction
    // then starts on frames that earlier cases of the same EVM left idle, instead of new ones. Cases run
    // one at a time (a prepared case is executed before the next one starts a frame).
    private readonly FramePool _frames = new();

    public StateTestResult Execute(StateTestCase testCase, IStateTestTracer? tracer)
    {
        if (!TryPrepare(testCase, tracer, out var prepared, out var unsupported))
        {
            return StateTestResult.NotSupported(unsupported);
        }
        prepared.Execute();
        return prepared.Finish();
    }

    /// <summary>
    /// Builds everything a case needs before its transaction runs (the pre-state, the block, the runner)
    /// so that a benchmark can time <see cref="PreparedStateTestCase.Execute"/> alone: the state build is
    /// setup, not execution. A prepared case runs once.
    /// </summary>
    /// <param name="unsupported">Why the case cannot run (its fork), when this returns false.</param>
    public bool TryPrepare(
        StateTestCase testCase,
        IStateTestTracer? tracer,
        [NotNullWhen(true)] out PreparedStateTestCase? prepared,
        [NotNullWhen(false)] out string? unsupported)
    {
        var rules = EthereumForkRules.For(testCase.Fork);
        var evm = evmForFork(testCase.Fork);
        if (rules is null || evm is null)
        {
            prepared = null;
            unsupported = $"fork {testCase.Fork}";
            return false;
        }

        var io = new IoSubsystem(IoRules.Ethereum);
        foreach (var (address, account) in testCase.Pre)
        {
            io.SeedAccount(address, account.Nonce, account.Balance, account.Code.ToArray(), account.Storage);
        }
        var block = Block(testCase.Environment);
        io.BeginBlock(ToContext(block), block.BlockHashes);
        if (tracer is not null && evm is ITraceableEnvironment traceable)
        {
            evm = traceable.WithTracer(new StateTestInstructionTracer(tracer, io));
        }

        var environments = new IExecutionEnvironment?[256];
        environments[evm.Type] = evm;
        var runner = new FrameRunner(environments, evm.Type, io, PrecompileSet.Cancun, frames: _frames);
        var processor = new EthereumTransactionProcessor(io, runner, PrecompileSet.Cancun, rules);
        prepared = new PreparedStateTestCase(testCase, io, processor, block, Transaction(testCase.Transaction), tracer);
        unsupported = null;
        return true;
    }

    private static EthereumBlock Block(StateTestEnvironment env) => new()
    {
        ChainId = env.ChainId,
        Number = env.Number,
        Timestamp = env.Timestamp,
        Coinbase = env.Coinbase,
        GasLimit = env.GasLimit,
        BaseFee = env.BaseFee ?? UInt256.Zero,
        PrevRandao = env.PrevRandao?.ToUInt256() ?? env.Difficulty,
        ExcessBlobGas = env.ExcessBlobGas ?? 0,
        BlockHashes = TestBlockHashes(env.Number),
    };

    /// <summary>
    /// The block hashes the state tests were filled with: block n's hash is keccak of n written in
    /// decimal (go-ethereum's test harness), for the 256 blocks before the current one.
    /// </summary>
    private static UInt256[] TestBlockHashes(ulong number)
    {
        var count = (int)Math.Min(number, 256);
        var hashes = new UInt256[count];
        for (var i = 0; i < count; i++)
        {
            var n = number - 1 - (ulong)i;
            hashes[i] = Keccak256.Hash(global::System.Text.Encoding.ASCII.GetBytes(n.ToString(CultureInfo.InvariantCulture))).ToUInt256();
        }
        return hashes;
    }

    private static BlockContext ToContext(EthereumBlock block) => new()
    {
        ChainId = block.ChainId,
        Number = block.Number,
        Timestamp = block.Timestamp,
        Coinbase = block.Coinbase,
        GasLimit = block.GasLimit,
        BaseFee = block.BaseFee,
        PrevRandao = block.PrevRandao,
        BlobBaseFee = block.BlobBaseFee,
    };

    private static EthereumTransaction Transaction(StateTestCaseTransaction tx) => new()
    {
        Type = (byte)tx.Type,
        Sender = tx.Sender,
        Nonce = tx.Nonce,
        GasPrice = tx.GasPrice,
        MaxFeePerGas = tx.MaxFeePerGas,
        MaxPriorityFeePerGas = tx.MaxPriorityFeePerGas,
        GasLimit = tx.GasLimit,
        To = tx.To,
        Value = tx.Value,
        Data = tx.Data,
        AccessList = tx.AccessList,
        BlobVersionedHashes = tx.BlobVersionedHashes,
        MaxFeePerBlobGas = tx.MaxFeePerBlobGas,
    };
}

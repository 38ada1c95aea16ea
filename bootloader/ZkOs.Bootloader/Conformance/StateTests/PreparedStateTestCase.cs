// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Ethereum;
using ZkOs.System.Io;

namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>
/// A state-test case with its pre-state built and its runner ready (<see cref="EthereumStateTestExecutor.TryPrepare"/>):
/// <see cref="Execute"/> runs the transaction and nothing else, so a benchmark can time it apart from the
/// setup; <see cref="Finish"/> then computes what the harness compares (the MPT root is commitment work,
/// not execution). Single use: the transaction changes the state it runs on.
/// </summary>
public sealed class PreparedStateTestCase
{
    private readonly IoSubsystem _io;
    private readonly EthereumTransactionProcessor _processor;
    private readonly EthereumBlock _block;
    private readonly EthereumTransaction _transaction;
    private readonly IStateTestTracer? _tracer;
    private EthereumReceipt? _receipt;

    internal PreparedStateTestCase(
        StateTestCase testCase, IoSubsystem io, EthereumTransactionProcessor processor, EthereumBlock block, EthereumTransaction transaction, IStateTestTracer? tracer)
    {
        Case = testCase;
        _io = io;
        _processor = processor;
        _block = block;
        _transaction = transaction;
        _tracer = tracer;
    }

    public StateTestCase Case { get; }

    /// <summary>Runs the case's transaction.</summary>
    /// <exception cref="InvalidOperationException">The case already ran.</exception>
    public EthereumReceipt Execute()
    {
        if (_receipt is not null)
        {
            throw new InvalidOperationException($"{Case.Name} already ran: prepare it again.");
        }
        var receipt = _processor.Execute(_block, _transaction);
        _receipt = receipt;
        return receipt;
    }

    /// <summary>The result of the run: the state root and logs hash, and the tracer's summary when tracing.</summary>
    /// <exception cref="InvalidOperationException">The case has not run yet.</exception>
    public StateTestResult Finish()
    {
        var receipt = _receipt ?? throw new InvalidOperationException($"{Case.Name} has not run: call Execute first.");
        if (receipt.Unsupported is { } unsupported)
        {
            return StateTestResult.NotSupported(unsupported);
        }
        var root = EthereumCommitment.StateRoot(_io);
        var logsHash = EthereumCommitment.LogsHashOf(receipt.Logs);
        // No time field: a trace that is the same on every run diffs cleanly against another client's.
        _tracer?.Summary(root, receipt.Output.Span, receipt.GasUsed, receipt.Success, Case.Fork, time: null);
        return receipt.Invalid is { } invalid
            ? StateTestResult.Rejected(root, logsHash, invalid.ToString())
            : StateTestResult.Executed(root, logsHash, receipt.GasUsed);
    }
}

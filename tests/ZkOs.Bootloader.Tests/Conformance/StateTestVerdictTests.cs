// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Conformance.StateTests;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Tests.Conformance;

/// <summary>The verdict logic with hand-made results: every pass, fail and skip path.</summary>
public sealed class StateTestVerdictTests
{
    private static readonly StateTestCase _valid = StateTestLoader.LoadCases(ConformanceData.StateTest("stExample/add11.json"), "Cancun").Single();
    private static readonly StateTestCase _invalid = _valid with { ExpectException = "TR_TypeNotSupported" };
    private static readonly Bytes32 _root = _valid.ExpectedStateRoot;
    private static readonly Bytes32 _logs = _valid.ExpectedLogsHash;
    private static readonly Bytes32 _other = Bytes32.FromUInt256(new UInt256(0xbad));

    [Fact]
    public void MatchingRootAndLogsPass()
    {
        var result = StateTestResult.Executed(_root, _logs);
        var verdict = StateTestVerdict.Judge(_valid, result);
        Assert.Equal(StateTestOutcome.Pass, verdict.Outcome);
        Assert.Null(verdict.Reason);
        Assert.Same(result, verdict.Result);
    }

    [Fact]
    public void WrongRootFails()
    {
        var verdict = StateTestVerdict.Judge(_valid, StateTestResult.Executed(_other, _logs));
        Assert.Equal(StateTestOutcome.Fail, verdict.Outcome);
        Assert.Equal($"state root {_other} expected {_root}", verdict.Reason);
    }

    [Fact]
    public void WrongLogsFail()
    {
        var verdict = StateTestVerdict.Judge(_valid, StateTestResult.Executed(_root, _other));
        Assert.Equal(StateTestOutcome.Fail, verdict.Outcome);
        Assert.Equal($"logs hash {_other} expected {_logs}", verdict.Reason);
    }

    [Fact]
    public void EveryMismatchIsNamed()
    {
        var verdict = StateTestVerdict.Judge(_valid, StateTestResult.Executed(_other, _other));
        Assert.Equal($"state root {_other} expected {_root}; logs hash {_other} expected {_logs}", verdict.Reason);
    }

    [Fact]
    public void ExpectedExceptionButValidFails()
    {
        var verdict = StateTestVerdict.Judge(_invalid, StateTestResult.Executed(_root, _logs));
        Assert.Equal(StateTestOutcome.Fail, verdict.Outcome);
        Assert.Equal("expected exception TR_TypeNotSupported but the transaction was valid", verdict.Reason);
    }

    [Fact]
    public void ExpectedExceptionButValidAndWrongRootNamesTheExceptionFirst()
    {
        var verdict = StateTestVerdict.Judge(_invalid, StateTestResult.Executed(_other, _logs));
        Assert.Equal($"expected exception TR_TypeNotSupported but the transaction was valid; state root {_other} expected {_root}", verdict.Reason);
    }

    [Fact]
    public void ExpectedExceptionAndRejectedPasses()
    {
        // The reason need not match the test's wording: each implementation names errors its own way.
        var verdict = StateTestVerdict.Judge(_invalid, StateTestResult.Rejected(_root, _logs, "intrinsic gas too low"));
        Assert.Equal(StateTestOutcome.Pass, verdict.Outcome);
    }

    [Fact]
    public void RejectedButStateChangedFails()
    {
        var verdict = StateTestVerdict.Judge(_invalid, StateTestResult.Rejected(_other, _logs, "intrinsic gas too low"));
        Assert.Equal(StateTestOutcome.Fail, verdict.Outcome);
        Assert.Equal($"state root {_other} expected {_root}", verdict.Reason);
    }

    [Fact]
    public void UnexpectedRejectionFails()
    {
        var verdict = StateTestVerdict.Judge(_valid, StateTestResult.Rejected(_root, _logs, "nonce too low"));
        Assert.Equal(StateTestOutcome.Fail, verdict.Outcome);
        Assert.Equal("unexpected invalid transaction: nonce too low", verdict.Reason);
    }

    [Fact]
    public void UnsupportedSkipsWhateverElse()
    {
        var verdict = StateTestVerdict.Judge(_invalid, StateTestResult.NotSupported("KZG point evaluation (0x0a) unsupported"));
        Assert.Equal(StateTestOutcome.Skip, verdict.Outcome);
        Assert.Equal("KZG point evaluation (0x0a) unsupported", verdict.Reason);
    }

    [Fact]
    public void ResultFactoriesRequireAReason()
    {
        Assert.Throws<ArgumentException>(() => StateTestResult.Rejected(_root, _logs, ""));
        Assert.Throws<ArgumentException>(() => StateTestResult.NotSupported(""));
        Assert.Equal(21_000UL, StateTestResult.Executed(_root, _logs, 21_000).GasUsed);
    }

    [Fact]
    public void RunPassesCaseAndTracerToTheExecutor()
    {
        var tracer = new Eip3155JsonTracer(TextWriter.Null);
        var executor = new FakeExecutor((c, t) =>
        {
            Assert.Same(_valid, c);
            Assert.Same(tracer, t);
            return StateTestResult.Executed(_root, _logs);
        });
        Assert.Equal(StateTestOutcome.Pass, StateTestVerdict.Run(executor, _valid, tracer).Outcome);
        Assert.Equal(1, executor.Calls);
    }

    [Fact]
    public void ExecutorExceptionsBecomeFailures()
    {
        var verdict = StateTestVerdict.Run(new FakeExecutor((_, _) => throw new InvalidOperationException("boom")), _valid);
        Assert.Equal(StateTestOutcome.Fail, verdict.Outcome);
        Assert.Equal("executor threw InvalidOperationException: boom", verdict.Reason);
        Assert.Null(verdict.Result);
    }

    [Fact]
    public void NullResultBecomesAFailure()
    {
        var verdict = StateTestVerdict.Run(new FakeExecutor((_, _) => null!), _valid);
        Assert.Equal(StateTestOutcome.Fail, verdict.Outcome);
        Assert.Equal("executor returned no result", verdict.Reason);
    }

    [Fact]
    public void TallyCountsAndGroupsSkips()
    {
        var tally = new StateTestTally();
        Assert.Equal("0 passed, 0 failed", tally.SummaryLine());
        tally.Add(new StateTestVerdict(StateTestOutcome.Pass, null, null));
        tally.Add(new StateTestVerdict(StateTestOutcome.Pass, null, null));
        tally.Add(new StateTestVerdict(StateTestOutcome.Fail, "state root", null));
        Assert.Equal("2 passed, 1 failed", tally.SummaryLine());
        Assert.Empty(tally.SkipLines());

        tally.Add(new StateTestVerdict(StateTestOutcome.Skip, "b unsupported", null));
        tally.Add(new StateTestVerdict(StateTestOutcome.Skip, "KZG point evaluation (0x0a) unsupported", null));
        tally.Add(new StateTestVerdict(StateTestOutcome.Skip, "KZG point evaluation (0x0a) unsupported", null));
        tally.Add(new StateTestVerdict(StateTestOutcome.Skip, "a unsupported", null));
        Assert.Equal("2 passed, 1 failed, 4 skipped", tally.SummaryLine());
        Assert.Equal(7, tally.Total);
        Assert.Equal(
            ["skipped: 2 × KZG point evaluation (0x0a) unsupported", "skipped: 1 × a unsupported", "skipped: 1 × b unsupported"],
            tally.SkipLines());
    }

    private sealed class FakeExecutor(Func<StateTestCase, IStateTestTracer?, StateTestResult> execute) : IStateTestExecutor
    {
        public int Calls { get; private set; }

        public StateTestResult Execute(StateTestCase testCase, IStateTestTracer? tracer)
        {
            Calls++;
            return execute(testCase, tracer);
        }
    }
}

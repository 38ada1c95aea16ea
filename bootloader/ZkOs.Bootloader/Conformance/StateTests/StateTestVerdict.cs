// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>The judgement of one case: its outcome, and for a failure or skip, the reason.</summary>
/// <param name="Outcome">Pass, fail or skip.</param>
/// <param name="Reason">Null for a pass; what went wrong for a failure; the missing feature for a skip.</param>
/// <param name="Result">What the executor reported; null when it threw.</param>
public sealed record StateTestVerdict(StateTestOutcome Outcome, string? Reason, StateTestResult? Result)
{
    /// <summary>
    /// Runs a case and judges it. Whatever the executor throws becomes a failure carrying the exception's
    /// type and message: one broken case never ends a run of thousands.
    /// </summary>
    public static StateTestVerdict Run(IStateTestExecutor executor, StateTestCase testCase, IStateTestTracer? tracer = null)
    {
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(testCase);
        StateTestResult? result;
        try
        {
            result = executor.Execute(testCase, tracer);
        }
        catch (Exception e)
        {
            return new(StateTestOutcome.Fail, $"executor threw {e.GetType().Name}: {e.Message}", null);
        }
        // A null from an executor written without nullable checks is its bug, reported like a throw.
        return result is null
            ? new(StateTestOutcome.Fail, "executor returned no result", null)
            : Judge(testCase, result);
    }

    /// <summary>
    /// Judges a result against the case: a skip when unsupported; otherwise a pass when the transaction
    /// was rejected exactly when <c>expectException</c> says so and the state root and logs hash match.
    /// A failure names every mismatch, the exception disagreement first (it explains the rest).
    /// </summary>
    public static StateTestVerdict Judge(StateTestCase testCase, StateTestResult result)
    {
        ArgumentNullException.ThrowIfNull(testCase);
        ArgumentNullException.ThrowIfNull(result);
        if (result.Unsupported is { } unsupported)
        {
            return new(StateTestOutcome.Skip, unsupported, result);
        }

        var problems = new List<string>(3);
        if (testCase.ExpectException is { } expected && result.InvalidTransaction is null)
        {
            problems.Add($"expected exception {expected} but the transaction was valid");
        }
        else if (testCase.ExpectException is null && result.InvalidTransaction is { } invalid)
        {
            problems.Add($"unexpected invalid transaction: {invalid}");
        }
        if (result.StateRoot != testCase.ExpectedStateRoot)
        {
            problems.Add($"state root {result.StateRoot} expected {testCase.ExpectedStateRoot}");
        }
        if (result.LogsHash != testCase.ExpectedLogsHash)
        {
            problems.Add($"logs hash {result.LogsHash} expected {testCase.ExpectedLogsHash}");
        }
        return problems.Count == 0
            ? new(StateTestOutcome.Pass, null, result)
            : new(StateTestOutcome.Fail, string.Join("; ", problems), result);
    }
}

// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.Conformance.StateTests;

/// <summary>
/// Runs one state-test case: builds the pre-state, applies the case's transaction in its environment
/// under the case's fork, and reports the post-state root and logs hash. The harness compares them; the
/// executor judges nothing.
/// </summary>
public interface IStateTestExecutor
{
    /// <summary>
    /// Executes <paramref name="testCase"/>. A transaction the fork's rules reject is not an error: return
    /// <see cref="StateTestResult.Rejected"/>. A case needing a missing feature returns
    /// <see cref="StateTestResult.NotSupported"/>. An exception is reported as the case failing.
    /// </summary>
    /// <param name="testCase">The case; its environment and pre-state are shared with other cases and must not be changed.</param>
    /// <param name="tracer">When not null, receives an EIP-3155 step for every instruction and one summary at the end.</param>
    StateTestResult Execute(StateTestCase testCase, IStateTestTracer? tracer);
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;

namespace ZkOs.Framework.Interpretation;

/// <summary>
/// An execution environment that can report its instructions. Environments are stateless apart from
/// configuration and shared by every block, so a tracer is configuration too: a traced copy, not a
/// switch on the shared instance.
/// </summary>
public interface ITraceableEnvironment
{
    /// <summary>A copy of this environment, same rules, whose frames report every instruction to <paramref name="tracer"/>.</summary>
    IExecutionEnvironment WithTracer(IInstructionTracer tracer);
}

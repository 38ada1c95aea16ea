// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Execution;

/// <summary>
/// One activation of an EE. The runner starts it, and whenever it yields a call or a deployment,
/// continues it with the outcome, until it completes. A frame object is reused for many activations
/// (pooled): <see cref="Start"/> resets it.
/// </summary>
public interface IExecutionFrame
{
    PreemptionPoint Start(ISystem system, in FrameLaunch launch);

    /// <param name="returned">The caller's resources: what it kept plus what the callee did not use.</param>
    PreemptionPoint ContinueAfterCall(ISystem system, in Resources returned, in CallResult result);

    /// <param name="returned">The deployer's resources: what it kept plus what the constructor did not use.</param>
    PreemptionPoint ContinueAfterDeployment(ISystem system, in Resources returned, in DeploymentResult result);
}

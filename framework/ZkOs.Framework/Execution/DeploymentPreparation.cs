// SPDX-License-Identifier: MIT
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Execution;

/// <summary>
/// The result of <see cref="IExecutionEnvironment.PrepareDeployment"/>: either a constructor ready to
/// launch at the derived address, or a failure that never ran (insufficient balance, nonce overflow,
/// collision, init code too large ...).
/// </summary>
public readonly struct DeploymentPreparation
{
    public bool IsReady { get; init; }

    /// <summary>Why the deployment failed before running, when not <see cref="IsReady"/>.</summary>
    public ExecutionError Error { get; init; }

    public Address Address { get; init; }

    /// <summary>The constructor frame's launch parameters when <see cref="IsReady"/>.</summary>
    public FrameLaunch Constructor { get; init; }

    /// <summary>What the deployer keeps (EVM: the 1/64 it may not forward).</summary>
    public Resources ReturnedToDeployer { get; init; }
}

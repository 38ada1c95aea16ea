// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Execution;

/// <summary>The outcome of a deployment, handed to the deployer's <see cref="IExecutionFrame.ContinueAfterDeployment"/>.</summary>
public readonly struct DeploymentResult
{
    public bool IsSuccess { get; init; }

    /// <summary>True when the constructor ran and reverted (its revert data is in <see cref="ReturnData"/>).</summary>
    public bool ExecutionReverted { get; init; }

    /// <summary>The new contract's address when <see cref="IsSuccess"/>.</summary>
    public Address DeployedAt { get; init; }

    /// <summary>Revert data of a failed constructor; empty on success (the caller sees no return data).</summary>
    public ReadOnlyMemory<byte> ReturnData { get; init; }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Execution;

/// <summary>A frame (or a deployment transaction) asks the runner to deploy a contract.</summary>
public readonly struct DeploymentRequest
{
    public Address Deployer { get; init; }

    /// <summary>The code that runs as the constructor. Valid until the requesting frame is continued.</summary>
    public ReadOnlyMemory<byte> InitCode { get; init; }

    /// <summary>Constructor input, for EEs that pass it apart from the init code (empty for the EVM).</summary>
    public ReadOnlyMemory<byte> ConstructorParameters { get; init; }

    public UInt256 Value { get; init; }

    public DeploymentScheme Scheme { get; init; }

    /// <summary>The salt of <see cref="DeploymentScheme.Create2"/>.</summary>
    public Bytes32 Salt { get; init; }

    /// <summary>
    /// The deployer's nonce before this deployment, from which CREATE-like schemes derive the address.
    /// The runner reads and bumps it before <see cref="IExecutionEnvironment.PrepareDeployment"/>; a
    /// deployment transaction supplies the nonce its validation already bumped.
    /// </summary>
    public ulong DeployerNonce { get; init; }

    /// <summary>Everything the deployer held when it yielded.</summary>
    public Resources AvailableResources { get; init; }
}

// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Execution;

/// <summary>How the address of a new contract is derived. EEs other than the EVM may define only <see cref="Create"/>.</summary>
public enum DeploymentScheme : byte
{
    /// <summary>From the deployer's address and nonce.</summary>
    Create,

    /// <summary>From the deployer's address, a salt and the init code's hash.</summary>
    Create2,
}

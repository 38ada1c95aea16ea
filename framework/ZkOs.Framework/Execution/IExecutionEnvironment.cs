// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Execution;

/// <summary>
/// One execution environment (a VM), as the host sees it: its identity, its rules, and a factory of
/// frames. Implementations are plugins named by <see cref="ExecutionEnvironmentPluginAttribute"/> and
/// must be stateless apart from configuration: one instance serves every block.
/// </summary>
public interface IExecutionEnvironment
{
    /// <summary>The type byte stored in accounts that run this EE (<see cref="EeType"/>; plugins from 3 up).</summary>
    byte Type { get; }

    string Name { get; }

    /// <summary>The EE's own version, for display (e.g. "1.0.0").</summary>
    string Version { get; }

    /// <summary>
    /// The <see cref="FrameworkAbi.Version"/> the plugin was compiled against. Implement it as
    /// <c>=&gt; FrameworkAbi.Version</c>: the constant is baked in at compile time, so the host can tell
    /// a plugin built for another framework apart.
    /// </summary>
    int AbiVersion { get; }

    CallModifiers SupportedModifiers { get; }

    /// <summary>
    /// The forwarding rule: from the caller's resources (everything it held when it yielded), take what
    /// the callee gets when <paramref name="ergsRequested"/> were asked for, and all the native. The EVM
    /// applies the 63/64 rule here.
    /// </summary>
    Resources TakeForwardedResources(ref Resources callerResources, ulong ergsRequested);

    /// <summary>A new frame. The runner pools frames, so this runs only when the pool is empty.</summary>
    IExecutionFrame CreateFrame();

    /// <summary>
    /// Checks a deployment request and derives the new address (bumping the deployer's nonce for
    /// CREATE-like requests), charging the deployer through <paramref name="system"/>.
    /// </summary>
    DeploymentPreparation PrepareDeployment(ISystem system, in DeploymentRequest request);
}

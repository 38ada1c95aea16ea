// SPDX-License-Identifier: MIT
using ZkOs.Framework;
using ZkOs.Framework.Execution;

namespace ZkOs.TestPlugins;

/// <summary>
/// The smallest execution environment the loader accepts, compiled into each test plugin (linked, so
/// every plugin has its own copy, as independent plugins would). These are test doubles for loading
/// only: nothing runs them, so creating frames and preparing deployments throw.
/// </summary>
public abstract class TestEnvironment : IExecutionEnvironment
{
    public abstract byte Type { get; }

    public abstract string Name { get; }

    public virtual string Version => "1.0.0";

    // Evaluated in the plugin at compile time: the constant of the framework the plugin was built against.
    public virtual int AbiVersion => FrameworkAbi.Version;

    public CallModifiers SupportedModifiers => CallModifiers.NoModifier;

    public Resources TakeForwardedResources(ref Resources callerResources, ulong ergsRequested) =>
        callerResources.Take(ergsRequested);

    public IExecutionFrame CreateFrame() =>
        throw new NotSupportedException($"{Name} is a test double for plugin loading; it runs no code.");

    public DeploymentPreparation PrepareDeployment(ISystem system, in DeploymentRequest request) =>
        throw new NotSupportedException($"{Name} is a test double for plugin loading; it deploys nothing.");
}

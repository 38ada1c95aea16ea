// SPDX-License-Identifier: MIT
using ZkOs.Framework;
using ZkOs.Framework.Execution;

namespace ZkOs.Hosting.Tests;

/// <summary>
/// A built-in stand-in (the real EVM and EraVM live in assemblies these tests do not reference). A test
/// double for registration only: it runs nothing.
/// </summary>
internal sealed class FakeEnvironment(byte type, string name, int abiVersion = FrameworkAbi.Version) : IExecutionEnvironment
{
    public byte Type => type;

    public string Name => name;

    public string Version => "0.0.0";

    public int AbiVersion => abiVersion;

    public CallModifiers SupportedModifiers => CallModifiers.NoModifier;

    public Resources TakeForwardedResources(ref Resources callerResources, ulong ergsRequested) =>
        callerResources.Take(ergsRequested);

    public IExecutionFrame CreateFrame() => throw new NotSupportedException("A registration test double.");

    public DeploymentPreparation PrepareDeployment(ISystem system, in DeploymentRequest request) =>
        throw new NotSupportedException("A registration test double.");

    /// <summary>The built-ins as a host with an EVM (1) and EraVM (2) registers them.</summary>
    public static BuiltInEnvironments BuiltIns() => new()
    {
        { BuiltInEnvironments.Evm, () => new FakeEnvironment(EeType.Evm, "EVM") },
        { BuiltInEnvironments.EraVm, () => new FakeEnvironment(EeType.EraVm, "EraVM") },
    };
}

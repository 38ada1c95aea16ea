// SPDX-License-Identifier: MIT
using ZkOs.Framework;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Samples.StackVm;

[assembly: ExecutionEnvironmentPlugin(typeof(StackVmEnvironment))]

namespace ZkOs.Samples.StackVm;

/// <summary>
/// StackVm as an execution environment: a small 256-bit stack machine with storage, events and calls,
/// here to show how a VM is added to ZkOs.Net. It forwards exactly the ergs a call asks for (capped by
/// what the caller holds) and cannot deploy contracts.
/// </summary>
public sealed class StackVmEnvironment : IExecutionEnvironment
{
    /// <summary>The first type byte free for plugins.</summary>
    public const byte TypeByte = EeType.FirstPlugin;

    public byte Type => TypeByte;

    public string Name => "StackVm";

    public string Version => "1.0.0";

    public int AbiVersion => FrameworkAbi.Version;

    public CallModifiers SupportedModifiers => CallModifiers.NoModifier | CallModifiers.Static;

    /// <summary>The instruction set frames run; opcodes newer than it are invalid.</summary>
    public StackVmVersion InstructionSet { get; init; } = StackVmVersion.V2;

    public Resources TakeForwardedResources(ref Resources callerResources, ulong ergsRequested) =>
        callerResources.Take(ergsRequested);

    public IExecutionFrame CreateFrame() => new StackVmFrame(InstructionSet);

    public DeploymentPreparation PrepareDeployment(ISystem system, in DeploymentRequest request) =>
        new() { IsReady = false, Error = ExecutionError.Unsupported, ReturnedToDeployer = request.AvailableResources };
}

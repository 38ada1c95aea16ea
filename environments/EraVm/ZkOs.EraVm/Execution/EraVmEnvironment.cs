// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ZkOs.EraVm.Execution;
using ZkOs.EraVm.Machine;
using ZkOs.Framework;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;

[assembly: ExecutionEnvironmentPlugin(typeof(EraVmEnvironment))]

namespace ZkOs.EraVm.Execution;

/// <summary>
/// EraVM as an execution environment (type 2, protocol 1.5 / ISA 2). Inside ZKsync OS every far call of
/// an EraVM frame is a preemption point: the runner resolves the callee (EraVM, EVM or a plugin), so
/// calls cross EEs in both directions. Storage and transient storage go to the system; the machine
/// prices them with EraVM's own table and refunds.
/// </summary>
public sealed class EraVmEnvironment : IExecutionEnvironment
{
    /// <summary>Decoded programs by code array: a contract is decoded once, not once per call.</summary>
    private static readonly ConditionalWeakTable<byte[], DecodedProgram> Programs = new();

    public byte Type => EeType.EraVm;

    public string Name => "EraVM";

    public string Version => "1.5.0 (ISA 2)";

    public int AbiVersion => FrameworkAbi.Version;

    public CallModifiers SupportedModifiers =>
        CallModifiers.NoModifier | CallModifiers.Static | CallModifiers.Delegate | CallModifiers.DelegateStatic
        | CallModifiers.ZkVmSystem | CallModifiers.ZkVmSystemStatic;

    /// <summary>
    /// The machine has already applied EraVM's rule (<c>min(abi ergs, remaining / 64 * 63)</c>) when it
    /// asked for <paramref name="ergsRequested"/>: the callee gets exactly that.
    /// </summary>
    public Resources TakeForwardedResources(ref Resources callerResources, ulong ergsRequested) =>
        callerResources.Take(ergsRequested);

    public IExecutionFrame CreateFrame() => new EraVmFrame();

    /// <summary>
    /// EraVM deploys through the ContractDeployer system contract (a far call with the constructor bit),
    /// never through a deployment preemption point, so such a request is refused.
    /// </summary>
    public DeploymentPreparation PrepareDeployment(ISystem system, in DeploymentRequest request) =>
        new() { Error = ExecutionError.Unsupported, ReturnedToDeployer = request.AvailableResources };

    internal static DecodedProgram ProgramOf(ReadOnlyMemory<byte> bytecode)
    {
        if (MemoryMarshal.TryGetArray(bytecode, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length)
        {
            return Programs.GetValue(segment.Array, static array => DecodedProgram.Decode(array));
        }
        return DecodedProgram.Decode(bytecode.Span);
    }
}

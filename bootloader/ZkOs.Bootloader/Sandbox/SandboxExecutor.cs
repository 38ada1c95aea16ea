// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Sandbox;

/// <summary>
/// Runs one frame of any execution environment against a <see cref="SandboxSystem"/>. The frame's
/// preemption points are answered as the runner answers them for an empty world: a call reaches an
/// account with no code, which succeeds with empty return data and spends nothing, so the forwarded
/// resources come straight back; a deployment is refused before it runs (the sandbox holds no code).
/// </summary>
public static class SandboxExecutor
{
    /// <summary>The address the sandboxed frame runs as, and its caller.</summary>
    public static readonly Address FrameAddress = Address.FromUInt256(new UInt256(0x10000));
    public static readonly Address CallerAddress = Address.FromUInt256(new UInt256(0x10001));

    public static SandboxResult Run(IExecutionEnvironment environment, ReadOnlyMemory<byte> code, ReadOnlyMemory<byte> calldata, in Resources resources, in UInt256 value = default, bool isStatic = false)
    {
        var system = new SandboxSystem();
        var frame = environment.CreateFrame();
        var calls = new List<SandboxCall>();
        var deploymentsRefused = 0;

        var point = frame.Start(system, new FrameLaunch
        {
            This = FrameAddress,
            Caller = CallerAddress,
            CodeAddress = FrameAddress,
            Value = value,
            Calldata = calldata,
            Bytecode = code,
            Modifier = isStatic ? CallModifier.Static : CallModifier.NoModifier,
            IsStatic = isStatic,
            Resources = resources,
        });

        while (point.Kind != PreemptionKind.Completed)
        {
            if (point.Kind == PreemptionKind.CallRequest)
            {
                var request = point.Call;
                var callerResources = request.AvailableResources;
                var passed = environment.TakeForwardedResources(ref callerResources, request.ErgsRequested);
                calls.Add(new SandboxCall(request.Callee, request.Modifier, request.Value, request.Calldata.ToArray(), request.ErgsRequested, passed.Ergs));
                callerResources.Reclaim(passed);
                point = frame.ContinueAfterCall(system, callerResources, new CallResult { Kind = CallResultKind.Successful });
            }
            else
            {
                deploymentsRefused++;
                point = frame.ContinueAfterDeployment(system, point.Deployment.AvailableResources, new DeploymentResult { IsSuccess = false });
            }
        }

        var completion = point.Completion;
        return new SandboxResult(completion, resources, completion.ReturnData.ToArray(), calls, deploymentsRefused, system.Events, system.StorageWrites);
    }
}

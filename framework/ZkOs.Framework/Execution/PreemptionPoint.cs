// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Execution;

/// <summary>
/// What a frame yields to the runner: a call request, a deployment request, or its completion. The
/// runner, not the EE, owns the call stack: an EE never calls another frame itself, so calls cross EEs
/// freely and no recursion happens across frames.
/// </summary>
public readonly struct PreemptionPoint
{
    private PreemptionPoint(PreemptionKind kind, in CallRequest call, in DeploymentRequest deployment, in FrameCompletion completion)
    {
        Kind = kind;
        Call = call;
        Deployment = deployment;
        Completion = completion;
    }

    public PreemptionKind Kind { get; }

    /// <summary>Meaningful when <see cref="Kind"/> is <see cref="PreemptionKind.CallRequest"/>.</summary>
    public CallRequest Call { get; }

    /// <summary>Meaningful when <see cref="Kind"/> is <see cref="PreemptionKind.DeploymentRequest"/>.</summary>
    public DeploymentRequest Deployment { get; }

    /// <summary>Meaningful when <see cref="Kind"/> is <see cref="PreemptionKind.Completed"/>.</summary>
    public FrameCompletion Completion { get; }

    public static PreemptionPoint RequestCall(in CallRequest request) => new(PreemptionKind.CallRequest, request, default, default);

    public static PreemptionPoint RequestDeployment(in DeploymentRequest request) => new(PreemptionKind.DeploymentRequest, default, request, default);

    public static PreemptionPoint Complete(in FrameCompletion completion) => new(PreemptionKind.Completed, default, default, completion);
}

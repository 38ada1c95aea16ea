// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;

namespace ZkOs.Bootloader.Runner;

/// <summary>
/// The outcome of a call or deployment as its caller receives it: the caller's resources afterwards and
/// the result, plus the raw completion for the entry frame's outcome.
/// </summary>
internal readonly struct ImmediateResult
{
    public Resources Resources { get; init; }

    public bool IsDeployment { get; init; }

    public CallResult Call { get; init; }

    public DeploymentResult Deployment { get; init; }

    public FrameCompletion Completion { get; init; }

    public static ImmediateResult ForCall(in Resources resources, in CallResult result, in FrameCompletion completion) =>
        new() { Resources = resources, Call = result, Completion = completion };

    public static ImmediateResult ForDeployment(in Resources resources, in DeploymentResult result, in FrameCompletion completion) =>
        new() { Resources = resources, IsDeployment = true, Deployment = result, Completion = completion };
}

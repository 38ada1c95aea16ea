// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Runner;

/// <summary>How a top-level call or deployment ended.</summary>
public readonly record struct RunOutcome
{
    public FrameStatus Status { get; init; }

    /// <summary>Why it failed, when <see cref="Status"/> is <see cref="FrameStatus.Failed"/>.</summary>
    public ExecutionError Error { get; init; }

    /// <summary>What was left of the resources given.</summary>
    public Resources Remaining { get; init; }

    /// <summary>
    /// The output, over a buffer the runner owns and reuses: valid until the runner's next call or
    /// deployment. Copy it (<c>ToArray</c>) to keep it longer.
    /// </summary>
    public ReadOnlyMemory<byte> ReturnData { get; init; }

    /// <summary>The new contract, for a deployment that succeeded.</summary>
    public Address? DeployedAt { get; init; }

    /// <summary>
    /// Set when native ran out anywhere: fatal for the transaction (reference §3.1), every frame was
    /// rolled back.
    /// </summary>
    public bool OutOfNative { get; init; }

    /// <summary>A feature the execution needed that is not implemented (e.g. a precompile), or null.</summary>
    public string? Unsupported { get; init; }

    public bool IsSuccess => Status == FrameStatus.Returned;
}

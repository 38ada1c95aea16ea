// SPDX-License-Identifier: MIT
using ZkOs.Framework.Interpretation;

namespace ZkOs.Framework.Execution;

/// <summary>
/// A frame has finished. For a constructor frame that returned, <see cref="ReturnData"/> is the code to
/// deploy, already checked by the EE (e.g. EIP-170 and EIP-3541 for the EVM).
/// </summary>
public readonly struct FrameCompletion
{
    public FrameStatus Status { get; init; }

    /// <summary>Set when <see cref="Status"/> is <see cref="FrameStatus.Failed"/>.</summary>
    public ExecutionError Error { get; init; }

    /// <summary>What the frame did not use; it goes back to the caller.</summary>
    public Resources ResourcesReturned { get; init; }

    /// <summary>Return or revert data. Valid until the frame is started again; the runner copies it out.</summary>
    public ReadOnlyMemory<byte> ReturnData { get; init; }

    public bool IsSuccess => Status == FrameStatus.Returned;
}

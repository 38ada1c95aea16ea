// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Execution;

/// <summary>How a frame ended.</summary>
public enum FrameStatus : byte
{
    /// <summary>Success; state changes are kept.</summary>
    Returned,

    /// <summary>An explicit revert: state changes are rolled back, unused ergs return to the caller.</summary>
    Reverted,

    /// <summary>An exceptional halt: rolled back and every ergs consumed. <see cref="FrameCompletion.Error"/> says why.</summary>
    Failed,
}

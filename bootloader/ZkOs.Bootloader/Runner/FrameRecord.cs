// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;

namespace ZkOs.Bootloader.Runner;

/// <summary>One entry of the runner's explicit call stack: a running frame and what its caller is owed.</summary>
internal struct FrameRecord
{
    public IExecutionFrame Frame;
    public IExecutionEnvironment Environment;

    /// <summary>Where the frame's changes roll back to if it does not succeed.</summary>
    public IoSnapshot Snapshot;

    public bool IsStatic;

    /// <summary>The frame is a constructor: on success its return data becomes the code at <see cref="DeployedAt"/>.</summary>
    public bool IsDeployment;

    public Address DeployedAt;

    /// <summary>What the caller kept while this frame runs (given back with what the frame returns).</summary>
    public Resources CallerKept;

    public int Depth;
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;

namespace ZkOs.Bootloader.Runner;

/// <summary>
/// Idle frames, one stack per execution environment, so that starting a frame allocates nothing once the
/// pool holds one per depth in use. A <see cref="FrameRunner"/> has its own by default; a caller that builds
/// a runner per unit of work (a state test, a benchmark run) passes one pool to all of them, so a new runner
/// does not create fresh frames, with their native stacks, code buffers and first-touch page faults, on
/// every transaction. Frames are kept per environment instance: a frame of another instance of the same
/// type (another fork, or a traced variant) is never handed out. Not thread-safe: one runner at a time.
/// </summary>
public sealed class FramePool
{
    private readonly Slot?[] _slots = new Slot?[256];

    internal IExecutionFrame Rent(IExecutionEnvironment environment)
    {
        var slot = _slots[environment.Type];
        return slot is not null && ReferenceEquals(slot.Environment, environment) && slot.Frames.Count > 0
            ? slot.Frames.Pop()
            : environment.CreateFrame();
    }

    internal void Return(IExecutionEnvironment environment, IExecutionFrame frame)
    {
        var slot = _slots[environment.Type];
        if (slot is null || !ReferenceEquals(slot.Environment, environment))
        {
            // Another instance of this type took the slot: its idle frames are dropped (their finalizers free them).
            slot = new Slot(environment);
            _slots[environment.Type] = slot;
        }
        slot.Frames.Push(frame);
    }

    private sealed class Slot(IExecutionEnvironment environment)
    {
        public IExecutionEnvironment Environment { get; } = environment;

        public Stack<IExecutionFrame> Frames { get; } = new();
    }
}

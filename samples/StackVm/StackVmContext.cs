// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;

namespace ZkOs.Samples.StackVm;

/// <summary>
/// The frame context the generated loop runs over: unmanaged, in native memory owned by the frame,
/// so the loop can hold it in one register. Handlers that need managed things (the system, the
/// frame's buffers) reach the frame through <see cref="FrameHandle"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct StackVmContext
{
    /// <summary>The loop registers; the generator requires this field.</summary>
    public InterpreterState State;

    /// <summary>The code, padded with zero bytes (STOP) so the loop never checks pc against the end.</summary>
    public byte* Code;

    public int CodeLength;

    /// <summary>One bit per code byte: set where an instruction starts, the only valid jump targets.</summary>
    public ulong* InstructionStarts;

    /// <summary>A GCHandle of the owning <see cref="StackVmFrame"/>.</summary>
    public nint FrameHandle;

    /// <summary>Set by a terminating instruction: returned or reverted.</summary>
    public FrameStatus Outcome;
}

// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;

namespace ZkOs.Evm;

/// <summary>
/// What the generated EVM loop runs over: unmanaged, in native memory owned by the frame, so the loop
/// keeps it in one register. Cold, managed things (the system, the launch parameters) are reached
/// through the frame (<see cref="EvmFrame.From"/>).
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct EvmContext
{
    /// <summary>The loop registers (required by the generator).</summary>
    public InterpreterState State;

    /// <summary>The code, followed by <see cref="EvmFrame.CodePadding"/> zero bytes (STOP).</summary>
    public byte* Code;

    public int CodeLength;

    /// <summary>One bit per code byte, set on each JUMPDEST that is not inside PUSH data.</summary>
    public ulong* JumpDestinations;

    public byte* Calldata;

    public int CalldataLength;

    /// <summary>The return data of the last call or create made by this frame (RETURNDATASIZE/COPY).</summary>
    public byte* ReturnData;

    public int ReturnDataLength;

    /// <summary>The frame's memory.</summary>
    public EvmMemory Memory;

    /// <summary>A GCHandle of the owning <see cref="EvmFrame"/>.</summary>
    public nint FrameHandle;

    /// <summary>Set by STOP, RETURN, REVERT, SELFDESTRUCT: how the frame ended.</summary>
    public FrameStatus Outcome;

    /// <summary>The memory window RETURN or REVERT named (already paid for and inside memory).</summary>
    public ulong OutputOffset;

    public ulong OutputLength;
}

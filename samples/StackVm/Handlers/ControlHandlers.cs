// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Samples.StackVm.Handlers;

/// <summary>
/// Jumps and the instructions that end a frame. A jump may land on any instruction start (never inside
/// a PUSH immediate); the frame marks the starts once when it begins.
/// </summary>
[OpcodeHandlers("stackvm")]
public static unsafe class ControlHandlers
{
    public static void Stop(StackVmContext* ctx)
    {
        ctx->Outcome = FrameStatus.Returned;
        StackVmFrame.From(ctx).SetReturnData(hasWord: false, default);
    }

    /// <summary>Returns the top word as 32 bytes of return data.</summary>
    public static void Return(StackVmContext* ctx, UInt256* s)
    {
        ctx->Outcome = FrameStatus.Returned;
        StackVmFrame.From(ctx).SetReturnData(hasWord: true, s[0]);
    }

    /// <summary>Reverts with the top word as 32 bytes of revert data.</summary>
    public static void Revert(StackVmContext* ctx, UInt256* s)
    {
        ctx->Outcome = FrameStatus.Reverted;
        StackVmFrame.From(ctx).SetReturnData(hasWord: true, s[0]);
    }

    public static byte* Jump(StackVmContext* ctx, UInt256* s) => Target(ctx, in s[0]);

    /// <summary>Jumps to the top word when the word below it is non-zero; otherwise falls through.</summary>
    public static byte* JumpIf(StackVmContext* ctx, UInt256* s, byte* pc) =>
        UInt256.IsZero(in s[0]) ? pc + 1 : Target(ctx, in s[1]);

    private static byte* Target(StackVmContext* ctx, in UInt256 destination)
    {
        if (!UInt256.FitsInUlong(in destination) || destination.U0 >= (ulong)ctx->CodeLength)
        {
            ctx->State.Error = ExecutionError.InvalidJump;
            return null;
        }
        var offset = (int)destination.U0;
        if ((ctx->InstructionStarts[offset >> 6] & (1UL << (offset & 63))) == 0)
        {
            ctx->State.Error = ExecutionError.InvalidJump;
            return null;
        }
        return ctx->Code + offset;
    }
}

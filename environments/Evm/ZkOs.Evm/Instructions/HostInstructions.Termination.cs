// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Instructions;

/// <summary>RETURN, REVERT, SELFDESTRUCT: the frame's end. STOP needs no memory and lives with the control instructions.</summary>
public static unsafe partial class HostInstructions
{
    /// <summary>Offset on top, then length.</summary>
    public static bool Return(EvmContext* ctx, UInt256* s) => End(ctx, s, FrameStatus.Returned);

    public static bool Revert(EvmContext* ctx, UInt256* s) => End(ctx, s, FrameStatus.Reverted);

    /// <summary>
    /// Sends the balance to the beneficiary on top; under EIP-6780 the account is removed only when it
    /// was created in this transaction. The system prices the beneficiary's access and its creation.
    /// </summary>
    public static bool SelfDestruct(EvmContext* ctx, UInt256* s)
    {
        var frame = EvmFrame.From(ctx);
        var resources = frame.TakeResources();
        var status = frame.System.MarkForDeconstruction(
            EeType.Evm, ref resources, frame.Launch.This, EvmFrame.ToAddress(in s[0]), frame.Launch.IsConstructor);
        ctx->Outcome = FrameStatus.Returned;
        ctx->OutputLength = 0;
        return frame.GiveBack(resources, status);
    }

    private static bool End(EvmContext* ctx, UInt256* s, FrameStatus outcome)
    {
        if (!Expand(ctx, in s[1], in s[0]))
        {
            return false;
        }
        ctx->Outcome = outcome;
        ctx->OutputOffset = UInt256.IsZero(in s[0]) ? 0 : s[1].U0;
        ctx->OutputLength = UInt256.IsZero(in s[0]) ? 0 : s[0].U0;
        return true;
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Instructions;

/// <summary>LOG0 to LOG4: the memory window is the EVM's to price; the event itself the system's.</summary>
public static unsafe partial class HostInstructions
{
    public static bool Log0(EvmContext* ctx, UInt256* s) => Log(ctx, s, 0);

    public static bool Log1(EvmContext* ctx, UInt256* s) => Log(ctx, s, 1);

    public static bool Log2(EvmContext* ctx, UInt256* s) => Log(ctx, s, 2);

    public static bool Log3(EvmContext* ctx, UInt256* s) => Log(ctx, s, 3);

    public static bool Log4(EvmContext* ctx, UInt256* s) => Log(ctx, s, 4);

    /// <summary>Offset on top, then the length, then topic 0, topic 1 ... deeper down.</summary>
    private static bool Log(EvmContext* ctx, UInt256* s, int topicCount)
    {
        ref var offset = ref s[topicCount + 1];
        ref var length = ref s[topicCount];
        if (!Expand(ctx, in offset, in length))
        {
            return false;
        }
        Span<UInt256> topics = stackalloc UInt256[4];
        for (var i = 0; i < topicCount; i++)
        {
            topics[i] = s[topicCount - 1 - i];
        }
        var data = UInt256.IsZero(in length) ? ReadOnlySpan<byte>.Empty : new ReadOnlySpan<byte>(ctx->Memory.Data + offset.U0, (int)length.U0);
        var frame = EvmFrame.From(ctx);
        var resources = frame.TakeResources();
        var status = frame.System.EmitEvent(EeType.Evm, ref resources, frame.Launch.This, topics[..topicCount], data);
        return frame.GiveBack(resources, status);
    }
}

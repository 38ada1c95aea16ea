// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Instructions;

/// <summary>BALANCE, SELFBALANCE, EXTCODESIZE, EXTCODECOPY, EXTCODEHASH, BLOCKHASH.</summary>
public static unsafe partial class HostInstructions
{
    public static bool Balance(EvmContext* ctx, UInt256* s)
    {
        var frame = EvmFrame.From(ctx);
        var resources = frame.TakeResources();
        var status = frame.System.GetBalance(EeType.Evm, ref resources, EvmFrame.ToAddress(in s[0]), out s[0]);
        return frame.GiveBack(resources, status);
    }

    public static bool SelfBalance(EvmContext* ctx, UInt256* s)
    {
        var frame = EvmFrame.From(ctx);
        var resources = frame.TakeResources();
        var status = frame.System.GetSelfBalance(EeType.Evm, ref resources, frame.Launch.This, out s[0]);
        return frame.GiveBack(resources, status);
    }

    public static bool ExtCodeSize(EvmContext* ctx, UInt256* s)
    {
        var frame = EvmFrame.From(ctx);
        var resources = frame.TakeResources();
        var status = frame.System.GetCodeSize(EeType.Evm, ref resources, EvmFrame.ToAddress(in s[0]), out var size);
        s[0] = new UInt256(size);
        return frame.GiveBack(resources, status);
    }

    public static bool ExtCodeHash(EvmContext* ctx, UInt256* s)
    {
        var frame = EvmFrame.From(ctx);
        var resources = frame.TakeResources();
        var status = frame.System.GetCodeHash(EeType.Evm, ref resources, EvmFrame.ToAddress(in s[0]), out var hash);
        s[0] = hash.ToUInt256();
        return frame.GiveBack(resources, status);
    }

    /// <summary>Address on top, then the memory offset, the code offset and the length.</summary>
    public static bool ExtCodeCopy(EvmContext* ctx, UInt256* s)
    {
        ref var length = ref s[0];
        if (!Expand(ctx, in s[2], in length) || !EvmMemoryOps.ChargeCopy(ctx, length.U0))
        {
            return false;
        }
        var frame = EvmFrame.From(ctx);
        var resources = frame.TakeResources();
        var status = frame.System.GetCode(EeType.Evm, ref resources, EvmFrame.ToAddress(in s[3]), out var code);
        if (!frame.GiveBack(resources, status) || UInt256.IsZero(in length))
        {
            return status == SystemStatus.Ok;
        }
        var destination = new Span<byte>(ctx->Memory.Data + s[2].U0, (int)length.U0);
        CopyZeroFilled(code.Span, in s[1], destination);
        return true;
    }

    public static bool BlockHash(EvmContext* ctx, UInt256* s)
    {
        var system = EvmFrame.From(ctx).System;
        s[0] = UInt256.FitsInUlong(in s[0]) ? system.GetBlockHash(s[0].U0) : UInt256.Zero;
        return true;
    }

    /// <summary>Copies <c>source[offset..]</c> into the destination, zeros past the source's end.</summary>
    private static void CopyZeroFilled(ReadOnlySpan<byte> source, in UInt256 offset, Span<byte> destination)
    {
        var start = UInt256.FitsInUlong(in offset) && offset.U0 < (ulong)source.Length ? (int)offset.U0 : source.Length;
        var available = Math.Min(source.Length - start, destination.Length);
        source.Slice(start, available).CopyTo(destination);
        destination[available..].Clear();
    }
}

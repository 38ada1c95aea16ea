// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Instructions;

/// <summary>SLOAD, SSTORE, TLOAD, TSTORE.</summary>
public static unsafe partial class HostInstructions
{
    /// <summary>EIP-2200: SSTORE needs more than the call stipend left, so a stipend-only frame cannot write.</summary>
    private const long SstoreSentryErgs = 2300 * (long)Resources.ErgsPerGas;

    public static bool SLoad(EvmContext* ctx, UInt256* s)
    {
        var frame = EvmFrame.From(ctx);
        var resources = frame.TakeResources();
        var status = frame.System.ReadStorage(EeType.Evm, ref resources, frame.Launch.This, in s[0], out s[0]);
        return frame.GiveBack(resources, status);
    }

    /// <summary>Key on top, value below it.</summary>
    public static bool SStore(EvmContext* ctx, UInt256* s)
    {
        if (ctx->State.Ergs <= SstoreSentryErgs)
        {
            ctx->State.Error = ExecutionError.OutOfErgs;
            return false;
        }
        var frame = EvmFrame.From(ctx);
        var resources = frame.TakeResources();
        var status = frame.System.WriteStorage(EeType.Evm, ref resources, frame.Launch.This, in s[1], in s[0]);
        return frame.GiveBack(resources, status);
    }

    public static bool TLoad(EvmContext* ctx, UInt256* s)
    {
        var frame = EvmFrame.From(ctx);
        var resources = frame.TakeResources();
        var status = frame.System.ReadTransientStorage(EeType.Evm, ref resources, frame.Launch.This, in s[0], out s[0]);
        return frame.GiveBack(resources, status);
    }

    public static bool TStore(EvmContext* ctx, UInt256* s)
    {
        var frame = EvmFrame.From(ctx);
        var resources = frame.TakeResources();
        var status = frame.System.WriteTransientStorage(EeType.Evm, ref resources, frame.Launch.This, in s[1], in s[0]);
        return frame.GiveBack(resources, status);
    }
}

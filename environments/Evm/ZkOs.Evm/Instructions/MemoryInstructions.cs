// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Instructions;

/// <summary>
/// MLOAD, MSTORE, MSTORE8, MSIZE and MCOPY (EIP-5656). Every access first expands memory to cover
/// its window (<see cref="EvmMemoryOps.Expand(EvmContext*, in UInt256, in UInt256)"/>), which also
/// guarantees the offsets fit in 32 bits afterwards.
/// </summary>
[OpcodeHandlers("evm")]
public static unsafe class MemoryInstructions
{
    /// <summary>The 32 bytes at the top word's offset, big-endian.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool MLoad(EvmContext* ctx, UInt256* s)
    {
        if (!EvmMemoryOps.Expand(ctx, in s[0], 32UL))
        {
            return false;
        }
        StackWord.LoadWord(s, ctx->Memory.Data + s[0].U0);
        return true;
    }

    /// <summary>Writes the word below the top at the top word's offset, big-endian.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool MStore(EvmContext* ctx, UInt256* s)
    {
        if (!EvmMemoryOps.Expand(ctx, in s[1], 32UL))
        {
            return false;
        }
        StackWord.StoreWord(ctx->Memory.Data + s[1].U0, s);
        return true;
    }

    /// <summary>Writes the low byte of the word below the top at the top word's offset.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool MStore8(EvmContext* ctx, UInt256* s)
    {
        if (!EvmMemoryOps.Expand(ctx, in s[1], 1UL))
        {
            return false;
        }
        ctx->Memory.Data[s[1].U0] = (byte)s[0].U0;
        return true;
    }

    /// <summary>The memory size in bytes, a multiple of 32.</summary>
    public static void MSize(EvmContext* ctx, UInt256* s) => StackWord.Set(s, ctx->Memory.Size);

    /// <summary>
    /// Copies length bytes (the word on the bottom) from the source offset (middle) to the destination
    /// offset (top); the windows may overlap. Memory grows to cover the further of the two windows,
    /// in one expansion as Ethereum prices it, and the copy costs 3 gas per word.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool MCopy(EvmContext* ctx, UInt256* s)
    {
        ref var length = ref s[0];
        ref var source = ref s[1];
        ref var destination = ref s[2];
        if (UInt256.IsZero(in length))
        {
            return EvmMemoryOps.ChargeCopy(ctx, 0);
        }
        ref var further = ref UInt256.LessThan(in destination, in source) ? ref source : ref destination;
        if (!EvmMemoryOps.Expand(ctx, in further, in length) || !EvmMemoryOps.ChargeCopy(ctx, length.U0))
        {
            return false;
        }
        var data = ctx->Memory.Data;
        Buffer.MemoryCopy(data + source.U0, data + destination.U0, length.U0, length.U0);
        return true;
    }
}

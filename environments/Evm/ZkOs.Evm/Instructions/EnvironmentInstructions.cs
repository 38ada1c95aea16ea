// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Instructions;

/// <summary>
/// What a frame reads about itself (address, caller, value, calldata, code, return data) and about
/// its transaction and block. Launch parameters and block facts are managed state, reached through
/// <see cref="EvmFrame.From"/>; calldata, code and return data sit in the context as raw buffers.
/// The copies charge the expansion of their destination, 3 gas per word and zksync-os's copy native,
/// and read zeros past the end of their source (RETURNDATACOPY faults instead, EIP-211).
/// </summary>
[OpcodeHandlers("evm")]
public static unsafe class EnvironmentInstructions
{
    public static void Address(EvmContext* ctx, UInt256* s) => StackWord.Set(s, EvmFrame.From(ctx).Launch.This.ToUInt256());

    public static void Origin(EvmContext* ctx, UInt256* s) => StackWord.Set(s, EvmFrame.From(ctx).System.Transaction.Origin.ToUInt256());

    public static void Caller(EvmContext* ctx, UInt256* s) => StackWord.Set(s, EvmFrame.From(ctx).Launch.Caller.ToUInt256());

    public static void CallValue(EvmContext* ctx, UInt256* s) => StackWord.Set(s, EvmFrame.From(ctx).Launch.Value);

    /// <summary>The 32 calldata bytes at the top word's offset, zeros past the end.</summary>
    public static void CallDataLoad(EvmContext* ctx, UInt256* s)
    {
        var offset = (ulong*)s;
        var size = (ulong)ctx->CalldataLength;
        if ((offset[1] | offset[2] | offset[3]) != 0 || offset[0] >= size)
        {
            StackWord.Set(s, 0, 0, 0, 0);
        }
        else if (size - offset[0] >= 32)
        {
            StackWord.LoadWord(s, ctx->Calldata + offset[0]);
        }
        else
        {
            LoadTail(s, ctx->Calldata + offset[0], (int)(size - offset[0]));
        }
    }

    public static void CallDataSize(EvmContext* ctx, UInt256* s) => StackWord.Set(s, (ulong)ctx->CalldataLength);

    /// <summary>Memory offset on top, then the calldata offset, then the length.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool CallDataCopy(EvmContext* ctx, UInt256* s) =>
        CopyToMemory(ctx, s, ctx->Calldata, (ulong)ctx->CalldataLength);

    public static void CodeSize(EvmContext* ctx, UInt256* s) => StackWord.Set(s, (ulong)ctx->CodeLength);

    /// <summary>Memory offset on top, then the code offset, then the length; the padding after the code is not code.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool CodeCopy(EvmContext* ctx, UInt256* s) =>
        CopyToMemory(ctx, s, ctx->Code, (ulong)ctx->CodeLength);

    public static void GasPrice(EvmContext* ctx, UInt256* s) => StackWord.Set(s, EvmFrame.From(ctx).System.Transaction.GasPrice);

    public static void ReturnDataSize(EvmContext* ctx, UInt256* s) => StackWord.Set(s, (ulong)ctx->ReturnDataLength);

    /// <summary>
    /// Memory offset on top, then the return-data offset, then the length. Reading past the end of the
    /// return data is an exceptional halt (EIP-211), even for an empty copy.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool ReturnDataCopy(EvmContext* ctx, UInt256* s)
    {
        ref var length = ref s[0];
        ref var offset = ref s[1];
        var size = (ulong)ctx->ReturnDataLength;
        if (!UInt256.FitsInUlong(in offset) || !UInt256.FitsInUlong(in length)
            || offset.U0 > size || length.U0 > size - offset.U0)
        {
            ctx->State.Error = ExecutionError.ReturnDataOutOfBounds;
            return false;
        }
        if (!EvmMemoryOps.Expand(ctx, in s[2], in length) || !EvmMemoryOps.ChargeCopy(ctx, length.U0))
        {
            return false;
        }
        if (length.U0 != 0)
        {
            Buffer.MemoryCopy(ctx->ReturnData + offset.U0, ctx->Memory.Data + s[2].U0, length.U0, length.U0);
        }
        return true;
    }

    public static void Coinbase(EvmContext* ctx, UInt256* s) => StackWord.Set(s, EvmFrame.From(ctx).System.Block.Coinbase.ToUInt256());

    public static void Timestamp(EvmContext* ctx, UInt256* s) => StackWord.Set(s, EvmFrame.From(ctx).System.Block.Timestamp);

    public static void Number(EvmContext* ctx, UInt256* s) => StackWord.Set(s, EvmFrame.From(ctx).System.Block.Number);

    /// <summary>The block's mix hash (EIP-4399); this byte was DIFFICULTY before the Merge.</summary>
    public static void PrevRandao(EvmContext* ctx, UInt256* s) => StackWord.Set(s, EvmFrame.From(ctx).System.Block.PrevRandao);

    public static void GasLimit(EvmContext* ctx, UInt256* s) => StackWord.Set(s, EvmFrame.From(ctx).System.Block.GasLimit);

    /// <summary>EIP-1344.</summary>
    public static void ChainId(EvmContext* ctx, UInt256* s) => StackWord.Set(s, EvmFrame.From(ctx).System.Block.ChainId);

    /// <summary>EIP-3198.</summary>
    public static void BaseFee(EvmContext* ctx, UInt256* s) => StackWord.Set(s, EvmFrame.From(ctx).System.Block.BaseFee);

    /// <summary>The transaction's versioned blob hash at the top word's index, 0 past the last (EIP-4844).</summary>
    public static void BlobHash(EvmContext* ctx, UInt256* s)
    {
        var hashes = EvmFrame.From(ctx).System.Transaction.BlobHashes.Span;
        var index = (ulong*)s;
        if ((index[1] | index[2] | index[3]) == 0 && index[0] < (ulong)hashes.Length)
        {
            StackWord.Set(s, hashes[(int)index[0]].ToUInt256());
        }
        else
        {
            StackWord.Set(s, 0, 0, 0, 0);
        }
    }

    /// <summary>EIP-7516.</summary>
    public static void BlobBaseFee(EvmContext* ctx, UInt256* s) => StackWord.Set(s, EvmFrame.From(ctx).System.Block.BlobBaseFee);

    /// <summary>
    /// The shared body of CALLDATACOPY and CODECOPY: expand the destination (top), charge the copy,
    /// copy from the source offset (middle) with zeros past the source, length at the bottom.
    /// </summary>
    private static bool CopyToMemory(EvmContext* ctx, UInt256* s, byte* source, ulong sourceLength)
    {
        ref var length = ref s[0];
        if (!EvmMemoryOps.Expand(ctx, in s[2], in length) || !EvmMemoryOps.ChargeCopy(ctx, length.U0))
        {
            return false;
        }
        if (length.U0 != 0)
        {
            EvmMemoryOps.CopyZeroFilled(ctx->Memory.Data + s[2].U0, length.U0, source, sourceLength, in s[1]);
        }
        return true;
    }

    /// <summary>A word from fewer than 32 remaining bytes, zero-filled on the right (CALLDATALOAD near the end).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void LoadTail(UInt256* s, byte* source, int available)
    {
        var buffer = stackalloc byte[32];
        new Span<byte>(buffer, 32).Clear();
        new ReadOnlySpan<byte>(source, available).CopyTo(new Span<byte>(buffer, 32));
        StackWord.LoadWord(s, buffer);
    }
}

// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;
using Keccak = ZkOs.Framework.Crypto.Keccak256;

namespace ZkOs.Evm.Instructions;

/// <summary>KECCAK256 (formerly SHA3), hashed straight over the frame's memory.</summary>
[OpcodeHandlers("evm")]
public static unsafe class KeccakInstructions
{
    /// <summary>The largest span the hash takes in one piece; longer windows are fed in pieces.</summary>
    private const ulong MaxPiece = 1 << 30;

    /// <summary>
    /// keccak256 of the memory window at the top word's offset, of the length below it. Beyond the row's
    /// static 30 gas and 90 native it costs 6 gas per word plus the expansion, and zksync-os's hashing
    /// native 2500 + 17500 per 136-byte round (at least one round, even for empty input).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool Keccak256(EvmContext* ctx, UInt256* s)
    {
        if (!EvmMemoryOps.Expand(ctx, in s[1], in s[0]))
        {
            return false;
        }
        // Zero when the window is empty; otherwise the expansion bounded it below 2^32.
        var length = s[0].U0;
        var words = (long)((length + 31) >> 5);
        if ((ctx->State.Ergs -= words * EvmInterpreter.Costs.KeccakWordErgs) < 0)
        {
            ctx->State.Error = ExecutionError.OutOfErgs;
            return false;
        }
        var rounds = Math.Max(1L, (long)((length + Keccak.Rate - 1) / Keccak.Rate));
        if ((ctx->State.Native -= EvmInterpreter.Costs.KeccakBaseNative + rounds * EvmInterpreter.Costs.KeccakRoundNative) < 0)
        {
            ctx->State.Error = ExecutionError.OutOfNative;
            return false;
        }

        var data = length == 0 ? null : ctx->Memory.Data + s[1].U0;
        if (length <= MaxPiece)
        {
            var digest = Keccak.Hash(new ReadOnlySpan<byte>(data, (int)length));
            StackWord.Set(s, digest.ToUInt256());
            return true;
        }
        var hasher = new Keccak.Hasher();
        for (ulong done = 0; done < length; done += MaxPiece)
        {
            hasher.Update(new ReadOnlySpan<byte>(data + done, (int)Math.Min(MaxPiece, length - done)));
        }
        StackWord.Set(s, hasher.Finish().ToUInt256());
        return true;
    }
}

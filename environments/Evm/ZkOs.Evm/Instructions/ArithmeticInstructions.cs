// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Instructions;

/// <summary>
/// 0x01-0x0b. A handler gets its deepest input: with two inputs <c>s[1]</c> is the top of the stack
/// (the first operand, a in "a - b") and <c>s[0]</c> the word below it; with three, <c>s[2]</c> is the
/// top. The result replaces <c>s[0]</c>. Stack checks and the static charge are done by the loop.
/// Cheap operations are inlined into the dispatch loop; division, modular arithmetic and EXP are
/// called out of line so the loop's switch stays compact (reference/performance.md rule 9).
/// </summary>
[OpcodeHandlers("evm")]
public static unsafe class ArithmeticInstructions
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(UInt256* s)
    {
        UInt256.Add(in s[1], in s[0], out var result);
        StackWord.Set(s, in result);
    }

    public static void Mul(UInt256* s)
    {
        UInt256.Multiply(in s[1], in s[0], out var result);
        StackWord.Set(s, in result);
    }

    /// <summary>Top minus the word below it, wrapping.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(UInt256* s)
    {
        UInt256.Subtract(in s[1], in s[0], out var result);
        StackWord.Set(s, in result);
    }

    /// <summary>Top divided by the word below it; 0 when dividing by 0.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Div(UInt256* s)
    {
        UInt256.Divide(in s[1], in s[0], out var result);
        StackWord.Set(s, in result);
    }

    /// <summary>Signed division truncated toward zero; 0 when dividing by 0, and -2^255 / -1 = -2^255.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void SDiv(UInt256* s)
    {
        UInt256.SignedDivide(in s[1], in s[0], out var result);
        StackWord.Set(s, in result);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Mod(UInt256* s)
    {
        UInt256.Modulo(in s[1], in s[0], out var result);
        StackWord.Set(s, in result);
    }

    /// <summary>Signed remainder with the dividend's sign; 0 when the modulus is 0.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void SMod(UInt256* s)
    {
        UInt256.SignedModulo(in s[1], in s[0], out var result);
        StackWord.Set(s, in result);
    }

    /// <summary>(a + b) mod N over the exact 257-bit sum, a on top, then b, then N; 0 when N is 0.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void AddMod(UInt256* s)
    {
        UInt256.AddMod(in s[2], in s[1], in s[0], out var result);
        StackWord.Set(s, in result);
    }

    /// <summary>(a * b) mod N over the exact 512-bit product, a on top, then b, then N; 0 when N is 0.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void MulMod(UInt256* s)
    {
        UInt256.MulMod(in s[2], in s[1], in s[0], out var result);
        StackWord.Set(s, in result);
    }

    /// <summary>
    /// The top raised to the word below it. Beyond the row's static 10 gas it costs 50 gas and 5000
    /// native per byte of the exponent (EIP-160), charged before the work.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool Exp(EvmContext* ctx, UInt256* s)
    {
        long bytes = UInt256.ByteLength(in s[0]);
        if ((ctx->State.Ergs -= bytes * EvmInterpreter.Costs.ExpByteErgs) < 0)
        {
            ctx->State.Error = ExecutionError.OutOfErgs;
            return false;
        }
        if ((ctx->State.Native -= bytes * EvmInterpreter.Costs.ExpByteNative) < 0)
        {
            ctx->State.Error = ExecutionError.OutOfNative;
            return false;
        }
        UInt256.Exp(in s[1], in s[0], out var result);
        StackWord.Set(s, in result);
        return true;
    }

    /// <summary>Extends the sign of byte b (counted from the least significant; b on top) through the word below it.</summary>
    public static void SignExtend(UInt256* s)
    {
        UInt256.SignExtend(in s[1], in s[0], out var result);
        StackWord.Set(s, in result);
    }
}

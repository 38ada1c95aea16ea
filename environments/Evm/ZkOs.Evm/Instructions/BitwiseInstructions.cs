// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Instructions;

/// <summary>
/// 0x16-0x1d. <c>s[1]</c> is the top of the stack and <c>s[0]</c> the word below it; the result
/// replaces <c>s[0]</c>. For BYTE the top is the index, for the shifts (EIP-145) the top is the shift
/// and the word below the value.
/// </summary>
[OpcodeHandlers("evm")]
public static unsafe class BitwiseInstructions
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void And(UInt256* s)
    {
        var a = (ulong*)(s + 1);
        var b = (ulong*)s;
        StackWord.Set(s, a[0] & b[0], a[1] & b[1], a[2] & b[2], a[3] & b[3]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Or(UInt256* s)
    {
        var a = (ulong*)(s + 1);
        var b = (ulong*)s;
        StackWord.Set(s, a[0] | b[0], a[1] | b[1], a[2] | b[2], a[3] | b[3]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Xor(UInt256* s)
    {
        var a = (ulong*)(s + 1);
        var b = (ulong*)s;
        StackWord.Set(s, a[0] ^ b[0], a[1] ^ b[1], a[2] ^ b[2], a[3] ^ b[3]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Not(UInt256* s)
    {
        var a = (ulong*)s;
        StackWord.Set(s, ~a[0], ~a[1], ~a[2], ~a[3]);
    }

    /// <summary>Byte i (the top; 0 is the most significant) of the word below it; 0 when i &gt;= 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Byte(UInt256* s)
    {
        UInt256.Byte(in s[1], in s[0], out var result);
        StackWord.Set(s, in result);
    }

    /// <summary>The value (below the top) shifted left by the top; 0 from 256 up.</summary>
    public static void Shl(UInt256* s)
    {
        UInt256.ShiftLeft(in s[0], in s[1], out var result);
        StackWord.Set(s, in result);
    }

    /// <summary>The value (below the top) shifted right by the top, logically; 0 from 256 up.</summary>
    public static void Shr(UInt256* s)
    {
        UInt256.ShiftRight(in s[0], in s[1], out var result);
        StackWord.Set(s, in result);
    }

    /// <summary>The value (below the top) shifted right by the top with its sign copied in.</summary>
    public static void Sar(UInt256* s)
    {
        UInt256.ShiftRightArithmetic(in s[0], in s[1], out var result);
        StackWord.Set(s, in result);
    }
}

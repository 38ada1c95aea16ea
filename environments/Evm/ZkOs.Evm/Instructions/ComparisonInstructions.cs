// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Instructions;

/// <summary>
/// 0x10-0x15: comparisons push 1 or 0. <c>s[1]</c> is the top of the stack (a in "a &lt; b"),
/// <c>s[0]</c> the word below it; the result replaces <c>s[0]</c>.
/// </summary>
[OpcodeHandlers("evm")]
public static unsafe class ComparisonInstructions
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Lt(UInt256* s) => StackWord.Set(s, UInt256.LessThan(in s[1], in s[0]));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Gt(UInt256* s) => StackWord.Set(s, UInt256.GreaterThan(in s[1], in s[0]));

    /// <summary>Two's complement a &lt; b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SLt(UInt256* s) => StackWord.Set(s, UInt256.SignedLessThan(in s[1], in s[0]));

    /// <summary>Two's complement a &gt; b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SGt(UInt256* s) => StackWord.Set(s, UInt256.SignedGreaterThan(in s[1], in s[0]));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Eq(UInt256* s)
    {
        var a = (ulong*)(s + 1);
        var b = (ulong*)s;
        StackWord.Set(s, ((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2]) | (a[3] ^ b[3])) == 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void IsZero(UInt256* s)
    {
        var a = (ulong*)s;
        StackWord.Set(s, (a[0] | a[1] | a[2] | a[3]) == 0);
    }
}

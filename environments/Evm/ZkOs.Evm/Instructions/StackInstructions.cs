// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Instructions;

/// <summary>
/// PUSH0-PUSH32, DUP1-DUP16, SWAP1-SWAP16 (POP needs no handler: the loop drops the word).
/// </summary>
/// <remarks>
/// <para>
/// Each PUSHn has its own handler with constant loads (a generic length loop costs 2-3x,
/// reference/performance.md rule 8). The value's low limb is the last 8 immediate bytes read
/// big-endian, and so on upward; a partial top limb is the first 8 bytes shifted right. Reading 8 bytes
/// from the immediate's start is always in bounds: an immediate starts at most one byte before the end
/// of the code and the code is followed by 33 zero bytes, which is also why an immediate cut off by the
/// end of the code reads as zeros on the right, as the EVM specifies.
/// </para>
/// <para>
/// DUPn receives the n-th word from the top as <c>s[0]</c> and writes the copy to <c>s[n]</c> (the new
/// top); SWAPn receives n + 1 words and exchanges <c>s[0]</c> with the top <c>s[n]</c>.
/// </para>
/// </remarks>
[OpcodeHandlers("evm")]
public static unsafe class StackInstructions
{
    /// <summary>EIP-3855 (Shanghai).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push0(UInt256* s) => StackWord.Set(s, 0, 0, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push1(UInt256* s, byte* immediate) => StackWord.Set(s, immediate[0], 0, 0, 0);


    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push2(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate) >> 48, 0, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push3(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate) >> 40, 0, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push4(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate) >> 32, 0, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push5(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate) >> 24, 0, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push6(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate) >> 16, 0, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push7(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate) >> 8, 0, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push8(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate), 0, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push9(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 1), StackWord.LoadBigEndian(immediate) >> 56, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push10(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 2), StackWord.LoadBigEndian(immediate) >> 48, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push11(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 3), StackWord.LoadBigEndian(immediate) >> 40, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push12(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 4), StackWord.LoadBigEndian(immediate) >> 32, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push13(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 5), StackWord.LoadBigEndian(immediate) >> 24, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push14(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 6), StackWord.LoadBigEndian(immediate) >> 16, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push15(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 7), StackWord.LoadBigEndian(immediate) >> 8, 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push16(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 8), StackWord.LoadBigEndian(immediate), 0, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push17(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 9), StackWord.LoadBigEndian(immediate + 1), StackWord.LoadBigEndian(immediate) >> 56, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push18(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 10), StackWord.LoadBigEndian(immediate + 2), StackWord.LoadBigEndian(immediate) >> 48, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push19(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 11), StackWord.LoadBigEndian(immediate + 3), StackWord.LoadBigEndian(immediate) >> 40, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push20(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 12), StackWord.LoadBigEndian(immediate + 4), StackWord.LoadBigEndian(immediate) >> 32, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push21(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 13), StackWord.LoadBigEndian(immediate + 5), StackWord.LoadBigEndian(immediate) >> 24, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push22(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 14), StackWord.LoadBigEndian(immediate + 6), StackWord.LoadBigEndian(immediate) >> 16, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push23(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 15), StackWord.LoadBigEndian(immediate + 7), StackWord.LoadBigEndian(immediate) >> 8, 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push24(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 16), StackWord.LoadBigEndian(immediate + 8), StackWord.LoadBigEndian(immediate), 0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push25(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 17), StackWord.LoadBigEndian(immediate + 9), StackWord.LoadBigEndian(immediate + 1), StackWord.LoadBigEndian(immediate) >> 56);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push26(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 18), StackWord.LoadBigEndian(immediate + 10), StackWord.LoadBigEndian(immediate + 2), StackWord.LoadBigEndian(immediate) >> 48);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push27(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 19), StackWord.LoadBigEndian(immediate + 11), StackWord.LoadBigEndian(immediate + 3), StackWord.LoadBigEndian(immediate) >> 40);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push28(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 20), StackWord.LoadBigEndian(immediate + 12), StackWord.LoadBigEndian(immediate + 4), StackWord.LoadBigEndian(immediate) >> 32);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push29(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 21), StackWord.LoadBigEndian(immediate + 13), StackWord.LoadBigEndian(immediate + 5), StackWord.LoadBigEndian(immediate) >> 24);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push30(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 22), StackWord.LoadBigEndian(immediate + 14), StackWord.LoadBigEndian(immediate + 6), StackWord.LoadBigEndian(immediate) >> 16);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push31(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 23), StackWord.LoadBigEndian(immediate + 15), StackWord.LoadBigEndian(immediate + 7), StackWord.LoadBigEndian(immediate) >> 8);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Push32(UInt256* s, byte* immediate) =>
        StackWord.Set(s, StackWord.LoadBigEndian(immediate + 24), StackWord.LoadBigEndian(immediate + 16), StackWord.LoadBigEndian(immediate + 8), StackWord.LoadBigEndian(immediate));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dup1(UInt256* s) => StackWord.Copy(s + 1, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dup2(UInt256* s) => StackWord.Copy(s + 2, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dup3(UInt256* s) => StackWord.Copy(s + 3, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dup4(UInt256* s) => StackWord.Copy(s + 4, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dup5(UInt256* s) => StackWord.Copy(s + 5, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dup6(UInt256* s) => StackWord.Copy(s + 6, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dup7(UInt256* s) => StackWord.Copy(s + 7, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dup8(UInt256* s) => StackWord.Copy(s + 8, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dup9(UInt256* s) => StackWord.Copy(s + 9, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dup10(UInt256* s) => StackWord.Copy(s + 10, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dup11(UInt256* s) => StackWord.Copy(s + 11, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dup12(UInt256* s) => StackWord.Copy(s + 12, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dup13(UInt256* s) => StackWord.Copy(s + 13, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dup14(UInt256* s) => StackWord.Copy(s + 14, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dup15(UInt256* s) => StackWord.Copy(s + 15, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dup16(UInt256* s) => StackWord.Copy(s + 16, s);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap1(UInt256* s) => StackWord.Swap(s, s + 1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap2(UInt256* s) => StackWord.Swap(s, s + 2);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap3(UInt256* s) => StackWord.Swap(s, s + 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap4(UInt256* s) => StackWord.Swap(s, s + 4);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap5(UInt256* s) => StackWord.Swap(s, s + 5);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap6(UInt256* s) => StackWord.Swap(s, s + 6);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap7(UInt256* s) => StackWord.Swap(s, s + 7);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap8(UInt256* s) => StackWord.Swap(s, s + 8);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap9(UInt256* s) => StackWord.Swap(s, s + 9);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap10(UInt256* s) => StackWord.Swap(s, s + 10);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap11(UInt256* s) => StackWord.Swap(s, s + 11);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap12(UInt256* s) => StackWord.Swap(s, s + 12);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap13(UInt256* s) => StackWord.Swap(s, s + 13);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap14(UInt256* s) => StackWord.Swap(s, s + 14);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap15(UInt256* s) => StackWord.Swap(s, s + 15);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Swap16(UInt256* s) => StackWord.Swap(s, s + 16);
}

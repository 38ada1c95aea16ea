// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Framework.Execution;

namespace ZkOs.System.ZkSync.Hooks;

/// <summary>What every system hook checks and charges first.</summary>
internal static class HookCalls
{
    /// <summary>The step every hook charges: 10 ergs, not 10 gas (reference §4.8, §11).</summary>
    public const ulong StepErgs = 10;

    public static bool ChargeStep(ref Resources resources) => resources.ChargeErgs(StepErgs) == ResourceStatus.Ok;

    /// <summary>A plain or system call: not static, not delegate or callcode (the value would not be at the hook).</summary>
    public static bool IsPlainCall(in CallRequest request) =>
        request.Modifier is CallModifier.NoModifier or CallModifier.ZkVmSystem;

    public static bool HasSelector(ReadOnlySpan<byte> calldata, uint selector) =>
        calldata.Length >= 4 && BinaryPrimitives.ReadUInt32BigEndian(calldata) == selector;

    /// <summary>An ABI address word: 12 zero bytes, then the address.</summary>
    public static bool TryReadAddress(ReadOnlySpan<byte> word, out Framework.Primitives.Address address)
    {
        address = default;
        if (word.Length < 32 || word[..12].IndexOfAnyExcept((byte)0) >= 0)
        {
            return false;
        }
        address = new Framework.Primitives.Address(word[12..32]);
        return true;
    }

    /// <summary>
    /// The strict ABI of a single dynamic <c>bytes</c> argument after a selector and <paramref name="headWords"/>
    /// static words: its offset must point right after the head, and the call data must end on a word.
    /// </summary>
    public static bool TryReadBytes(ReadOnlySpan<byte> calldata, int headWords, out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        var args = calldata[4..];
        var head = (headWords + 1) * 32;
        if (args.Length % 32 != 0 || args.Length < head + 32)
        {
            return false;
        }
        var offsetWord = args.Slice(headWords * 32, 32);
        if (offsetWord[..24].IndexOfAnyExcept((byte)0) >= 0 || BinaryPrimitives.ReadUInt64BigEndian(offsetWord[24..]) != (ulong)head)
        {
            return false;
        }
        var lengthWord = args.Slice(head, 32);
        if (lengthWord[..24].IndexOfAnyExcept((byte)0) >= 0)
        {
            return false;
        }
        var length = BinaryPrimitives.ReadUInt64BigEndian(lengthWord[24..]);
        if (length > (ulong)(args.Length - head - 32))
        {
            return false;
        }
        bytes = args.Slice(head + 32, (int)length);
        return true;
    }
}

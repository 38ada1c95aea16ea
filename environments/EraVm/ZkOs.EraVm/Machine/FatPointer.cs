// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Machine;

/// <summary>
/// The fat pointer in the low 128 bits of a word (eravm.md §1): offset, page, start and length as four
/// u32 fields from low to high. The high 128 bits of the word are not part of the pointer.
/// </summary>
public struct FatPointer
{
    public uint Offset;
    public uint Page;
    public uint Start;
    public uint Length;

    public FatPointer(uint offset, uint page, uint start, uint length)
    {
        Offset = offset;
        Page = page;
        Start = start;
        Length = length;
    }

    public static FatPointer From(in UInt256 word) =>
        new((uint)word.U0, (uint)(word.U0 >> 32), (uint)word.U1, (uint)(word.U1 >> 32));

    /// <summary>The pointer in the low 128 bits, the high 128 bits of <paramref name="high"/> kept.</summary>
    public readonly UInt256 ToWord(in UInt256 high) =>
        new(Offset | ((ulong)Page << 32), Start | ((ulong)Length << 32), high.U2, high.U3);

    public readonly UInt256 ToWord() => new(Offset | ((ulong)Page << 32), Start | ((ulong)Length << 32));

    /// <summary>Forwarding narrows a pointer to what is left after its offset.</summary>
    public void Narrow()
    {
        Start += Offset;
        Length -= Offset;
        Offset = 0;
    }
}

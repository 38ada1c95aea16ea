// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Machine;

namespace ZkOs.EraVm.Instructions;

/// <summary>Which memory a UMA instruction addresses: the heap, the aux heap or kernel static memory.</summary>
public interface IHeapSpace
{
    static abstract uint PageOf(CallFrame frame);

    /// <summary>The frame's paid bound, or false for a space without one (static memory).</summary>
    static abstract ref uint Bound(CallFrame frame, ref uint scratch, out bool bounded);
}

public struct HeapSpace : IHeapSpace
{
    public static uint PageOf(CallFrame frame) => frame.HeapPage;

    public static ref uint Bound(CallFrame frame, ref uint scratch, out bool bounded)
    {
        bounded = true;
        return ref frame.HeapBound;
    }
}

public struct AuxHeapSpace : IHeapSpace
{
    public static uint PageOf(CallFrame frame) => frame.AuxHeapPage;

    public static ref uint Bound(CallFrame frame, ref uint scratch, out bool bounded)
    {
        bounded = true;
        return ref frame.AuxHeapBound;
    }
}

/// <summary>Kernel static memory, page 1 (ISA 2): shared by kernel frames, no bound to pay.</summary>
public struct StaticSpace : IHeapSpace
{
    public const uint Page = 1;

    public static uint PageOf(CallFrame frame) => Page;

    public static ref uint Bound(CallFrame frame, ref uint scratch, out bool bounded)
    {
        bounded = false;
        return ref scratch;
    }
}

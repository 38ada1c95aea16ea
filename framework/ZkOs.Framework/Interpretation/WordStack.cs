// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using ZkOs.Framework.Numerics;

namespace ZkOs.Framework.Interpretation;

/// <summary>
/// A 1024-slot stack of 256-bit words in native memory, aligned to 64 KiB. The alignment lets generated
/// loops check bounds with no loop-carried bottom pointer: the depth in bytes is <c>(nuint)sp &amp; OffsetMask</c>.
/// One stack is allocated per pooled frame and reused, so calls allocate nothing.
/// </summary>
public sealed unsafe class WordStack : IDisposable
{
    public const int Capacity = 1024;
    public const int SlotSize = 32;
    public const nuint Alignment = 1 << 16;
    public const nuint OffsetMask = Alignment - 1;

    private UInt256* _bottom;

    public WordStack()
    {
        _bottom = (UInt256*)NativeMemory.AlignedAlloc(Capacity * SlotSize, Alignment);
    }

    /// <summary>The first slot; an empty stack has <c>Sp == Bottom</c>.</summary>
    public UInt256* Bottom => _bottom != null ? _bottom : ThrowDisposed();

    /// <summary>Number of words between <see cref="Bottom"/> and <paramref name="sp"/>.</summary>
    public static int Depth(UInt256* sp) => (int)(((nuint)sp & OffsetMask) / SlotSize);

    public void Dispose()
    {
        if (_bottom != null)
        {
            NativeMemory.AlignedFree(_bottom);
            _bottom = null;
        }
        GC.SuppressFinalize(this);
    }

    ~WordStack() => Dispose();

    private static UInt256* ThrowDisposed() => throw new ObjectDisposedException(nameof(WordStack));
}

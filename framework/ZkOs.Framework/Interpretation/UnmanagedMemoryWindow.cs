// SPDX-License-Identifier: MIT
using System.Buffers;

namespace ZkOs.Framework.Interpretation;

/// <summary>
/// A reusable <see cref="Memory{T}"/> over native memory: a frame keeps one per purpose (calldata it
/// passes, data it returns) and points it at a new window each time, so handing out memory allocates
/// nothing. A window is valid until it is pointed elsewhere or the memory under it moves.
/// </summary>
public sealed unsafe class UnmanagedMemoryWindow : MemoryManager<byte>
{
    private byte* _pointer;
    private int _length;

    public ReadOnlyMemory<byte> Point(byte* pointer, int length)
    {
        _pointer = pointer;
        _length = length;
        return Memory;
    }

    public override Span<byte> GetSpan() => new(_pointer, _length);

    public override MemoryHandle Pin(int elementIndex = 0) => new(_pointer + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }
}

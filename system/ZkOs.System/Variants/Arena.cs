// SPDX-License-Identifier: MIT
using System.Buffers;
using System.Runtime.InteropServices;

namespace ZkOs.System.Variants;

/// <summary>
/// A bump allocator over one block of native memory reserved at construction: allocation moves a
/// pointer, <see cref="Reset"/> moves it back, and nothing is ever handed to the garbage collector.
/// Buffers are slices of one <see cref="MemoryManager{T}"/>, so a <see cref="Memory{T}"/> of the arena
/// costs no managed allocation either.
/// </summary>
/// <remarks>
/// The whole capacity is reserved up front but the operating system commits pages only when they are
/// first written, so a large arena costs what a run actually uses. Allocations are 8-byte aligned.
/// There is deliberately no finalizer (CA2015: spans may outlive it); the owner disposes the arena.
/// </remarks>
public sealed unsafe class Arena : MemoryManager<byte>, IStfMemory
{
    private const int Alignment = 8;

    private readonly byte* _base;
    private readonly long _capacity;
    private long _used;
    private bool _disposed;

    public Arena(long capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, int.MaxValue);
        _capacity = capacity;
        _base = (byte*)NativeMemory.AlignedAlloc((nuint)capacity, Alignment);
    }

    public long Capacity => _capacity;

    public long Used => _used;

    public long HighWaterMark { get; private set; }

    public Memory<byte> Allocate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var aligned = (length + Alignment - 1) & ~(long)(Alignment - 1);
        if (aligned > _capacity - _used)
        {
            throw new ArenaExhaustedException(length, _used, _capacity);
        }
        var start = (int)_used;
        _used += aligned;
        HighWaterMark = Math.Max(HighWaterMark, _used);
        new Span<byte>(_base + start, length).Clear();
        return Memory.Slice(start, length);
    }

    public void Reset() => _used = 0;

    public override Span<byte> GetSpan() => new(_base, (int)_capacity);

    public override MemoryHandle Pin(int elementIndex = 0) => new(_base + elementIndex);

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (!_disposed)
        {
            _disposed = true;
            NativeMemory.AlignedFree(_base);
        }
    }
}

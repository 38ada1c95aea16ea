// SPDX-License-Identifier: MIT
namespace ZkOs.System.Variants;

/// <summary>Forward allocator: the .NET heap. Buffers are ordinary arrays the garbage collector reclaims.</summary>
public readonly struct HeapAllocator : IAllocatorComponent
{
    public static IStfMemory CreateMemory() => new HeapMemory();

    private sealed class HeapMemory : IStfMemory
    {
        private long _inUse;

        public long HighWaterMark { get; private set; }

        public Memory<byte> Allocate(int length)
        {
            _inUse += length;
            HighWaterMark = Math.Max(HighWaterMark, _inUse);
            return new byte[length];
        }

        public void Reset() => _inUse = 0;

        public void Dispose()
        {
        }
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.EraVm.World;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.EraVm.Machine;

/// <summary>
/// One far frame (eravm.md §1, §3): its code, its own stack of 2^16 tagged words, its memory pages and
/// paid bounds, its ergs, the context registers, and what the caller needs back (the exception handler,
/// the world snapshot). The stack array grows to the highest slot written (slots above read as zero), so
/// a deep chain of far calls holds only what its frames use; frames are pooled by depth, and a reused
/// frame clears only the stack chunks its previous activation wrote.
/// </summary>
public sealed class CallFrame
{
    public const int StackSize = 1 << 16;
    private const int ChunkShift = 4;

    /// <summary>The slots written so far (a power of two, at least 64); kept when the frame is reused.</summary>
    private UInt256[] _stack = new UInt256[64];

    /// <summary>One pointer-tag bit per slot of <see cref="_stack"/>.</summary>
    private ulong[] _stackTags = new ulong[1];

    /// <summary>One bit per 16-slot chunk written since the frame was reset.</summary>
    private readonly ulong[] _dirtyChunks = new ulong[StackSize >> ChunkShift >> 6];

    public readonly List<NearCallFrame> NearCalls = new(8);

    public DecodedProgram Program = DecodedProgram.Panicking;
    public ushort Pc;
    public ushort Sp;
    public uint Ergs;

    public Address This;
    public Address Caller;
    public Address CodeAddress;
    public UInt256 ContextU128;
    public bool IsStatic;
    public bool IsKernel;

    public uint CodePage;
    public uint HeapPage;
    public uint AuxHeapPage;
    public uint CalldataPage;
    public uint HeapBound;
    public uint AuxHeapBound;

    /// <summary>Free ergs the frame got (the EVM emulator's stipend), taken back from what it returns.</summary>
    public uint Stipend;

    /// <summary>Where the caller resumes when this frame reverts or panics.</summary>
    public ushort ExceptionHandler;

    /// <summary>The world snapshot taken when the frame was entered.</summary>
    public WorldSnapshot Snapshot;

    public void Reset()
    {
        for (var w = 0; w < _dirtyChunks.Length; w++)
        {
            var bits = _dirtyChunks[w];
            while (bits != 0)
            {
                var chunk = (w << 6) | System.Numerics.BitOperations.TrailingZeroCount(bits);
                _stack.AsSpan(chunk << ChunkShift, 1 << ChunkShift).Clear();
                // 16 slots per chunk, 64 tag bits per word: four chunks share a tag word.
                _stackTags[chunk >> 2] = 0;
                bits &= bits - 1;
            }
            _dirtyChunks[w] = 0;
        }
        NearCalls.Clear();
        Pc = 0;
        Sp = 0;
        Stipend = 0;
    }

    public UInt256 ReadStack(ushort slot) => slot < _stack.Length ? _stack[slot] : default;

    public bool IsStackPointer(ushort slot) => slot < _stack.Length && (_stackTags[slot >> 6] & (1UL << (slot & 63))) != 0;

    public void WriteStack(ushort slot, in UInt256 value, bool isPointer)
    {
        if (slot >= _stack.Length)
        {
            Grow(slot);
        }
        _stack[slot] = value;
        _dirtyChunks[slot >> ChunkShift >> 6] |= 1UL << ((slot >> ChunkShift) & 63);
        var bit = 1UL << (slot & 63);
        if (isPointer)
        {
            _stackTags[slot >> 6] |= bit;
        }
        else
        {
            _stackTags[slot >> 6] &= ~bit;
        }
    }

    private void Grow(ushort slot)
    {
        var size = (int)Math.Min(System.Numerics.BitOperations.RoundUpToPowerOf2((uint)slot + 1), StackSize);
        Array.Resize(ref _stack, size);
        Array.Resize(ref _stackTags, size / 64);
    }
}

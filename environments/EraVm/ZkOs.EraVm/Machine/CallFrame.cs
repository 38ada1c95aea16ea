// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

using ZkOs.EraVm.World;

namespace ZkOs.EraVm.Machine;

/// <summary>
/// One far frame (eravm.md §1, §3): its code, its own stack of 2^16 tagged words, its memory pages and
/// paid bounds, its ergs, the context registers, and what the caller needs back (the exception handler,
/// the world snapshot). Frames are pooled by depth; a reused frame clears only the stack chunks its
/// previous activation wrote.
/// </summary>
public sealed class CallFrame
{
    public const int StackSize = 1 << 16;
    private const int ChunkShift = 4;

    /// <summary>Words, 2 MiB per frame; allocated once per depth and reused.</summary>
    public readonly UInt256[] Stack = new UInt256[StackSize];

    /// <summary>One pointer-tag bit per stack slot.</summary>
    public readonly ulong[] StackTags = new ulong[StackSize / 64];

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

    /// <summary>Ergs given on top of the 63/64 share (the MsgValueSimulator stipend), taken back on return.</summary>
    public uint Stipend;

    /// <summary>Where the caller resumes when this frame reverts or panics.</summary>
    public ushort ExceptionHandler;

    /// <summary>The world snapshot taken when the frame was entered.</summary>
    public WorldSnapshot Snapshot;

    /// <summary>Set when the frame stands for a call the machine handed to its host (another EE's account).</summary>
    public bool IsExternalPlaceholder;

    public void Reset()
    {
        for (var w = 0; w < _dirtyChunks.Length; w++)
        {
            var bits = _dirtyChunks[w];
            while (bits != 0)
            {
                var chunk = (w << 6) | System.Numerics.BitOperations.TrailingZeroCount(bits);
                Stack.AsSpan(chunk << ChunkShift, 1 << ChunkShift).Clear();
                // 16 slots per chunk, 64 tag bits per word: four chunks share a tag word.
                StackTags[chunk >> 2] = 0;
                bits &= bits - 1;
            }
            _dirtyChunks[w] = 0;
        }
        NearCalls.Clear();
        Pc = 0;
        Sp = 0;
        Stipend = 0;
        IsExternalPlaceholder = false;
    }

    public void WriteStack(ushort slot, in UInt256 value, bool isPointer)
    {
        Stack[slot] = value;
        _dirtyChunks[slot >> ChunkShift >> 6] |= 1UL << ((slot >> ChunkShift) & 63);
        var bit = 1UL << (slot & 63);
        if (isPointer)
        {
            StackTags[slot >> 6] |= bit;
        }
        else
        {
            StackTags[slot >> 6] &= ~bit;
        }
    }

    public bool IsStackPointer(ushort slot) => (StackTags[slot >> 6] & (1UL << (slot & 63))) != 0;
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;

namespace ZkOs.EraVm.Machine;

/// <summary>
/// One byte-addressed memory page of up to 2^32 bytes (a heap, an aux heap, calldata, return data or
/// decommitted code), stored sparsely in 4 KiB chunks under a 1,024-entry directory, as vm2 pages its
/// heaps: chunks never written read as zero and cost nothing, so a bound paid (or granted, u32::MAX for
/// the bootloader) far above what is used takes no memory, and a write near 2^32 allocates one chunk.
/// Pages are pooled by the machine; a reset clears only the chunks written and keeps them for reuse.
/// </summary>
public sealed class HeapPage
{
    private const int ChunkShift = 12;
    private const int ChunkSize = 1 << ChunkShift;
    private const int GroupShift = 10;
    private const int GroupSize = 1 << GroupShift;

    /// <summary>directory[group].Chunks[chunk]: group = offset bits 22..31, chunk = bits 12..21.</summary>
    private readonly ChunkGroup?[] _directory = new ChunkGroup?[GroupSize];
    private readonly List<ChunkGroup> _touched = new(2);

    public void Reset()
    {
        foreach (var group in _touched)
        {
            group.ClearWritten();
        }
        // The chunks stay in the directory: a reused page writes into them without allocating.
        _touched.Clear();
    }

    public UInt256 ReadWord(uint offset)
    {
        Span<byte> buffer = stackalloc byte[32];
        Read(offset, buffer);
        return UInt256.ReadBigEndian(buffer);
    }

    /// <returns>false when the word would end past 2^32 (the caller checks offsets first, so never in practice).</returns>
    public bool WriteWord(uint offset, in UInt256 value)
    {
        Span<byte> buffer = stackalloc byte[32];
        value.WriteBigEndian(buffer);
        return Write(offset, buffer);
    }

    /// <summary>Reads bytes starting at <paramref name="offset"/>; bytes never written (or past 2^32) are zero.</summary>
    public void Read(ulong offset, Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            var inChunk = (int)(offset & (ChunkSize - 1));
            var count = Math.Min(destination.Length, ChunkSize - inChunk);
            var chunk = offset <= uint.MaxValue ? Find((uint)offset) : null;
            if (chunk is null)
            {
                destination[..count].Clear();
            }
            else
            {
                chunk.AsSpan(inChunk, count).CopyTo(destination);
            }
            destination = destination[count..];
            offset += (ulong)count;
        }
    }

    /// <returns>false when the bytes would end past 2^32: nothing is written then.</returns>
    public bool Write(ulong offset, ReadOnlySpan<byte> source)
    {
        if (offset + (ulong)source.Length > 1UL << 32)
        {
            return false;
        }
        while (!source.IsEmpty)
        {
            var inChunk = (int)(offset & (ChunkSize - 1));
            var count = Math.Min(source.Length, ChunkSize - inChunk);
            source[..count].CopyTo(Chunk((uint)offset).AsSpan(inChunk, count));
            source = source[count..];
            offset += (ulong)count;
        }
        return true;
    }

    /// <summary>Replaces the whole content (calldata, return data, decommitted code).</summary>
    public void Fill(ReadOnlySpan<byte> content)
    {
        Reset();
        Write(0, content);
    }

    private byte[]? Find(uint offset) =>
        _directory[offset >> (ChunkShift + GroupShift)]?.Chunks[(offset >> ChunkShift) & (GroupSize - 1)];

    private byte[] Chunk(uint offset)
    {
        ref var group = ref _directory[offset >> (ChunkShift + GroupShift)];
        group ??= new ChunkGroup();
        if (!group.IsTouched)
        {
            group.IsTouched = true;
            _touched.Add(group);
        }
        return group.Written((int)((offset >> ChunkShift) & (GroupSize - 1)));
    }

    /// <summary>1,024 chunks (4 MiB of address space) and which of them were written since the last reset.</summary>
    private sealed class ChunkGroup
    {
        public readonly byte[]?[] Chunks = new byte[]?[GroupSize];
        private readonly ulong[] _written = new ulong[GroupSize / 64];

        public bool IsTouched;

        public byte[] Written(int index)
        {
            _written[index >> 6] |= 1UL << (index & 63);
            return Chunks[index] ??= new byte[ChunkSize];
        }

        public void ClearWritten()
        {
            for (var w = 0; w < _written.Length; w++)
            {
                var bits = _written[w];
                while (bits != 0)
                {
                    Array.Clear(Chunks[(w << 6) | System.Numerics.BitOperations.TrailingZeroCount(bits)]!);
                    bits &= bits - 1;
                }
                _written[w] = 0;
            }
            IsTouched = false;
        }
    }
}

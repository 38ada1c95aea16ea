// SPDX-License-Identifier: MIT
namespace ZkOs.Evm;

/// <summary>
/// The jump maps of recently started code, shared by the frames of one <see cref="EvmEnvironment"/>. A frame
/// that starts code seen before copies its map instead of scanning the bytes again: a block calls the same
/// contracts over and over, and for a short transaction the scan was a large part of the fixed cost (about
/// 2 µs for swap_math's 1,921 bytes, against 0.1 µs to compare and copy). An entry matches on the whole code,
/// length then content, so a hit is exact wherever the bytes live; nothing depends on a hash or an address.
/// The native charge for the analysis (<c>BytecodePreprocessingByte</c>) is the frame's and does not change.
/// Bounded: <see cref="Capacity"/> entries replaced in turn, their buffers reused when large enough, so a
/// steady state allocates nothing. Frames of one environment may run on several threads: a lock guards it.
/// </summary>
internal sealed unsafe class JumpDestinationCache
{
    /// <summary>How many codes are remembered.</summary>
    internal const int Capacity = 16;

    /// <summary>Shorter code is scanned every time: the scan costs no more than the comparison would.</summary>
    internal const int MinimumLength = 128;

    private readonly Entry?[] _entries = new Entry?[Capacity];
    private readonly Lock _lock = new();
    private int _next;

    /// <summary>
    /// Writes the first <see cref="JumpDestinationAnalysis.BitmapWords"/> words of <paramref name="bitmap"/>
    /// for <paramref name="code"/>, from the cache or by <see cref="JumpDestinationAnalysis.Analyze"/> (then
    /// remembered).
    /// </summary>
    public void Analyze(ReadOnlySpan<byte> code, ulong* bitmap)
    {
        if (code.Length < MinimumLength)
        {
            JumpDestinationAnalysis.Analyze(code, bitmap);
            return;
        }

        var words = JumpDestinationAnalysis.BitmapWords(code.Length);
        var destination = new Span<ulong>(bitmap, words);
        lock (_lock)
        {
            foreach (var entry in _entries)
            {
                if (entry is not null && entry.Length == code.Length && code.SequenceEqual(entry.Code.AsSpan(0, entry.Length)))
                {
                    entry.Bitmap.AsSpan(0, words).CopyTo(destination);
                    return;
                }
            }
        }

        // Scanned outside the lock; two threads missing on the same code both add it, which is harmless.
        JumpDestinationAnalysis.Analyze(code, bitmap);
        lock (_lock)
        {
            var slot = _entries[_next] ??= new Entry();
            _next = (_next + 1) % Capacity;
            slot.Store(code, destination);
        }
    }

    private sealed class Entry
    {
        public byte[] Code { get; private set; } = [];

        public ulong[] Bitmap { get; private set; } = [];

        public int Length { get; private set; }

        public void Store(ReadOnlySpan<byte> code, ReadOnlySpan<ulong> bitmap)
        {
            if (Code.Length < code.Length)
            {
                Code = new byte[code.Length];
                Bitmap = new ulong[bitmap.Length];
            }
            code.CopyTo(Code);
            bitmap.CopyTo(Bitmap);
            Length = code.Length;
        }
    }
}

// SPDX-License-Identifier: MIT
namespace ZkOs.Evm;

/// <summary>
/// Finds the valid jump targets of a piece of code: every JUMPDEST (0x5b) byte that is an instruction,
/// not part of a PUSH immediate. zksync-os redoes this at every frame start (and charges 6 native per
/// byte for it, <c>BytecodePreprocessingByte</c>), so it must be fast: one pass over the bytes.
/// </summary>
public static unsafe class JumpDestinationAnalysis
{
    private const byte JumpDest = 0x5b;
    private const byte Push1 = 0x60;
    private const byte Push32 = 0x7f;

    /// <summary>The number of <c>ulong</c> words the bitmap of <paramref name="codeLength"/> bytes needs.</summary>
    public static int BitmapWords(int codeLength) => (codeLength + 63) >> 6;

    /// <summary>
    /// Writes one bit per code byte into <paramref name="bitmap"/> (bit <c>i &amp; 63</c> of word
    /// <c>i &gt;&gt; 6</c>), set where a jump may land. The first <see cref="BitmapWords"/> words are
    /// overwritten, cleared first; the caller allocates at least that many.
    /// </summary>
    public static void Analyze(ReadOnlySpan<byte> code, ulong* bitmap)
    {
        new Span<ulong>(bitmap, BitmapWords(code.Length)).Clear();
        fixed (byte* start = code)
        {
            var length = code.Length;
            var i = 0;
            while (i < length)
            {
                var op = start[i];
                if (op == JumpDest)
                {
                    bitmap[i >> 6] |= 1UL << (i & 63);
                }
                else if ((uint)(op - Push1) <= Push32 - Push1)
                {
                    // Skip the immediate: PUSHn is followed by n data bytes (possibly cut off by the end).
                    i += op - Push1 + 1;
                }
                i++;
            }
        }
    }
}

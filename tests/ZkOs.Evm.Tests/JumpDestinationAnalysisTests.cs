// SPDX-License-Identifier: MIT
using ZkOs.Evm.Tests.Infrastructure;

namespace ZkOs.Evm.Tests;

/// <summary>The jump map: JUMPDEST bytes that are instructions, never PUSH data.</summary>
public sealed unsafe class JumpDestinationAnalysisTests
{
    private static List<int> Destinations(byte[] code)
    {
        var words = JumpDestinationAnalysis.BitmapWords(code.Length);
        // Garbage beyond and inside the bitmap: Analyze must clear what it owns and nothing more.
        var bitmap = Enumerable.Repeat(ulong.MaxValue, words + 1).ToArray();
        fixed (ulong* map = bitmap)
        {
            JumpDestinationAnalysis.Analyze(code, map);
        }
        Assert.Equal(ulong.MaxValue, bitmap[words]);
        return [.. Enumerable.Range(0, words * 64).Where(i => (bitmap[i >> 6] & (1UL << (i & 63))) != 0)];
    }

    [Fact]
    public void Marks_jumpdests_that_are_instructions()
    {
        var code = new Bytecode().JumpDest().Push(1).JumpDest().Stop().JumpDest().ToArray();
        Assert.Equal([0, 3, 5], Destinations(code));
    }

    [Fact]
    public void Skips_push_data_of_every_width()
    {
        for (var n = 1; n <= 32; n++)
        {
            // PUSHn whose data is all 0x5b, then a real JUMPDEST.
            byte[] code = [(byte)(0x5f + n), .. Enumerable.Repeat((byte)0x5b, n), 0x5b];
            Assert.Equal([n + 1], Destinations(code));
        }
    }

    [Fact]
    public void Push_data_cut_off_by_the_end_hides_nothing_after_it()
    {
        byte[] code = [0x5b, 0x7f, 0x5b, 0x5b];
        Assert.Equal([0], Destinations(code));
    }

    [Fact]
    public void Push0_has_no_data()
    {
        byte[] code = [0x5f, 0x5b];
        Assert.Equal([1], Destinations(code));
    }

    [Fact]
    public void Works_across_bitmap_words()
    {
        var code = new byte[200];
        code[63] = 0x5b;
        code[64] = 0x5b;
        code[127] = 0x60; // PUSH1 hides 128
        code[128] = 0x5b;
        code[199] = 0x5b;
        Assert.Equal([63, 64, 199], Destinations(code));
    }

    [Fact]
    public void Empty_code_has_no_destinations()
    {
        Assert.Empty(Destinations([]));
        Assert.Equal(0, JumpDestinationAnalysis.BitmapWords(0));
    }
}

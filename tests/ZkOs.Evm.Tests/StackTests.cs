// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOs.Evm.Tests.Infrastructure;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Tests;

/// <summary>PUSH0-32, DUP1-16, SWAP1-16, POP, and the loop's stack bounds.</summary>
public sealed class StackTests
{
    /// <summary>zksync-os's native per PUSHn (native_resource_constants.rs), index n.</summary>
    private static readonly long[] _pushNative =
    [
        40, 50, 60, 140, 150, 160, 160, 170, 170, 180, 180, 190, 190, 200, 200, 210, 210,
        220, 220, 230, 220, 250, 240, 240, 240, 270, 280, 280, 270, 290, 300, 300, 290,
    ];

    public static TheoryData<int> PushSizes => [.. Enumerable.Range(1, 32)];

    public static TheoryData<int> DupSwapDepths => [.. Enumerable.Range(1, 16)];

    [Theory]
    [MemberData(nameof(PushSizes))]
    public void PushN_reads_its_immediate_big_endian(int n)
    {
        var immediate = Enumerable.Range(0, n).Select(i => (byte)(0xA1 + 7 * i)).ToArray();
        byte[] code = [(byte)(0x5f + n), .. immediate, 0x00];
        using var run = EvmMachine.Run(code);
        run.AssertHalted();
        var expected = new BigInteger(immediate, isUnsigned: true, isBigEndian: true);
        Assert.Equal(Words.FromBig(expected), run.Top);
        Assert.Equal(n + 2, run.Pc);
        Assert.Equal(3, run.GasUsed);
        Assert.Equal(20 + _pushNative[n] + 20, run.NativeUsed);
    }

    [Theory]
    [MemberData(nameof(PushSizes))]
    public void PushN_cut_off_by_the_end_of_the_code_reads_zeros_on_the_right(int n)
    {
        // Only the first immediate byte is present: the value is that byte followed by n - 1 zero bytes.
        using var run = EvmMachine.Run([(byte)(0x5f + n), 0xAB]);
        run.AssertHalted();
        Assert.Equal(Words.FromBig(new BigInteger(0xAB) << (8 * (n - 1))), run.Top);
    }

    [Fact]
    public void Push0_pushes_zero_from_Shanghai()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(1).Push0().Stop(), fork: EvmFork.Shanghai);
        run.AssertHalted();
        Assert.Equal(UInt256.Zero, run.Top);
        Assert.Equal(2, run.Depth);
        Assert.Equal(3 + 2, run.GasUsed);
        Assert.Equal(70 + 60 + 20, run.NativeUsed);
    }

    [Fact]
    public void Push0_is_invalid_before_Shanghai()
    {
        using var run = EvmMachine.Run(new Bytecode().Push0().Stop(), fork: EvmFork.London);
        run.AssertFaulted(ExecutionError.InvalidOpcode);
        Assert.Equal(0, run.Pc);
    }

    [Theory]
    [MemberData(nameof(DupSwapDepths))]
    public void DupN_copies_the_nth_word_to_the_top(int n)
    {
        var code = new Bytecode();
        for (var i = 1; i <= 16; i++)
        {
            code.Push((ulong)(100 + i));
        }
        using var run = EvmMachine.Run(code.Dup(n).Stop());
        run.AssertHalted();
        Assert.Equal(17, run.Depth);
        Assert.Equal(new UInt256((ulong)(100 + 17 - n)), run.Top);
        Assert.Equal(new UInt256(116), run.Peek(1));
        Assert.Equal(16 * 3 + 3, run.GasUsed);
    }

    [Theory]
    [MemberData(nameof(DupSwapDepths))]
    public void SwapN_exchanges_the_top_with_the_word_n_below(int n)
    {
        var code = new Bytecode();
        for (var i = 1; i <= 17; i++)
        {
            code.Push((ulong)i);
        }
        using var run = EvmMachine.Run(code.Swap(n).Stop());
        run.AssertHalted();
        Assert.Equal(17, run.Depth);
        Assert.Equal(new UInt256((ulong)(17 - n)), run.Top);
        Assert.Equal(new UInt256(17), run.Peek(n));
        for (var i = 1; i < n; i++)
        {
            Assert.Equal(new UInt256((ulong)(17 - i)), run.Peek(i));
        }
        Assert.Equal(17 * 3 + 3, run.GasUsed);
        Assert.Equal(17 * 70 + 80 + 20, run.NativeUsed);
    }

    [Fact]
    public void Pop_drops_the_top()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(1).Push(2).Pop().Stop());
        run.AssertHalted();
        Assert.Equal(1, run.Depth);
        Assert.Equal(UInt256.One, run.Top);
        Assert.Equal(3 + 3 + 2, run.GasUsed);
        Assert.Equal(70 + 70 + 50 + 20, run.NativeUsed);
    }

    [Theory]
    [InlineData(new byte[] { 0x60, 0x01, 0x01 })] // ADD with one word
    [InlineData(new byte[] { 0x50 })] // POP on an empty stack
    [InlineData(new byte[] { 0x60, 0x01, 0x60, 0x01, 0x08 })] // ADDMOD with two words
    [InlineData(new byte[] { 0x80 })] // DUP1 on an empty stack
    [InlineData(new byte[] { 0x60, 0x01, 0x90 })] // SWAP1 with one word
    [InlineData(new byte[] { 0x56 })] // JUMP on an empty stack
    public void Too_few_words_underflow(byte[] code)
    {
        using var run = EvmMachine.Run(code);
        run.AssertFaulted(ExecutionError.StackUnderflow);
        Assert.Equal(code.Length - 1, run.Pc);
    }

    [Fact]
    public void Dup16_needs_sixteen_words_and_Swap16_seventeen()
    {
        var fifteen = Enumerable.Repeat(UInt256.One, 15).ToArray();
        using (var run = EvmMachine.Run([0x8f], stack: fifteen))
        {
            run.AssertFaulted(ExecutionError.StackUnderflow);
        }
        using (var run = EvmMachine.Run([0x8f, 0x00], stack: [.. fifteen, UInt256.One]))
        {
            run.AssertHalted();
        }
        using (var run = EvmMachine.Run([0x9f], stack: [.. fifteen, UInt256.One]))
        {
            run.AssertFaulted(ExecutionError.StackUnderflow);
        }
    }

    [Fact]
    public void The_stack_holds_1024_words_and_no_more()
    {
        var full = Enumerable.Repeat(UInt256.One, 1023).ToArray();
        using (var run = EvmMachine.Run(new Bytecode().Push(7).Stop(), stack: full))
        {
            run.AssertHalted();
            Assert.Equal(1024, run.Depth);
        }
        using (var run = EvmMachine.Run(new Bytecode().Push(7).Push(8).Stop(), stack: full))
        {
            run.AssertFaulted(ExecutionError.StackOverflow);
            Assert.Equal(2, run.Pc);
            Assert.Equal(1024, run.Depth);
        }
        using (var run = EvmMachine.Run(new Bytecode().Dup(1).Stop(), stack: [.. full, UInt256.One]))
        {
            run.AssertFaulted(ExecutionError.StackOverflow);
        }
        // A full stack can still swap and consume.
        using (var run = EvmMachine.Run(new Bytecode().Swap(1).Add().Stop(), stack: [.. full, UInt256.One]))
        {
            run.AssertHalted();
            Assert.Equal(1023, run.Depth);
        }
    }

    [Fact]
    public void A_thousand_and_twenty_five_pushes_overflow_on_the_last()
    {
        var code = new Bytecode();
        for (var i = 0; i < 1025; i++)
        {
            code.Push0();
        }
        using var run = EvmMachine.Run(code);
        run.AssertFaulted(ExecutionError.StackOverflow);
        Assert.Equal(1024, run.Pc);
    }
}

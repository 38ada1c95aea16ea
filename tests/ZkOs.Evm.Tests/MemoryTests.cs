// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOs.Evm.Tests.Infrastructure;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Tests;

/// <summary>MLOAD, MSTORE, MSTORE8, MSIZE, MCOPY and the price of memory expansion.</summary>
public sealed class MemoryTests
{
    private const ulong MaxEnd = uint.MaxValue - 31;

    /// <summary>The Yellow Paper's memory cost of w words: 3w + floor(w² / 512).</summary>
    private static long Cost(long words) => 3 * words + words * words / 512;

    [Fact]
    public void MStore_then_MLoad_round_trips_big_endian()
    {
        var value = Words.Parse("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
        using var run = EvmMachine.Run(new Bytecode().Store(5, value).Push(5).MLoad().MSize().Stop());
        run.AssertHalted();
        Assert.Equal(new UInt256(64), run.Top);
        Assert.Equal(value, run.Peek(1));
        var memory = run.Memory;
        Assert.Equal(64, memory.Length);
        Assert.Equal(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), memory[5..37]);
        Assert.All(memory[..5], b => Assert.Equal(0, b));
        Assert.All(memory[37..], b => Assert.Equal(0, b));
    }

    [Fact]
    public void MLoad_of_fresh_memory_is_zero_and_expands_it()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(0).MLoad().Stop());
        run.AssertHalted();
        Assert.Equal(UInt256.Zero, run.Top);
        Assert.Equal(32UL, run.MemorySize);
        Assert.Equal(3 + 3 + 3, run.GasUsed);
        Assert.Equal(70 + 270 + 35 + 32 + 20, run.NativeUsed);
    }

    [Fact]
    public void MStore8_writes_the_low_byte()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(0x1234).Push(3).MStore8().MSize().Stop());
        run.AssertHalted();
        Assert.Equal(new UInt256(32), run.Top);
        Assert.Equal(0x34, run.Memory[3]);
        Assert.Equal(1, run.Memory.Count(b => b != 0));
    }

    /// <summary>MSTORE8 at end - 1 grows memory to ceil(end / 32) words: exact gas and native at the boundaries.</summary>
    [Theory]
    [InlineData(1UL)]
    [InlineData(32UL)]
    [InlineData(33UL)]
    [InlineData(64UL)]
    [InlineData(1024UL * 32)]
    [InlineData(1024UL * 32 + 1)]
    [InlineData(32768UL * 32)]
    public void Expansion_costs_3w_plus_w_squared_over_512(ulong end)
    {
        var words = (long)((end + 31) / 32);
        using var run = EvmMachine.Run(new Bytecode().Push(1, new UInt256(0xAA)).Push(3, new UInt256(end - 1)).MStore8().MSize().Stop());
        run.AssertHalted();
        Assert.Equal(new UInt256((ulong)words * 32), run.Top);
        Assert.Equal(3 + 3 + 3 + Cost(words) + 2, run.GasUsed);
        Assert.Equal(70 + 160 + 100 + 35 + 32 * words + 70 + 20, run.NativeUsed);
    }

    [Fact]
    public void A_second_expansion_pays_only_the_difference()
    {
        using var run = EvmMachine.Run(new Bytecode().Store(0, UInt256.One).Store(64, UInt256.One).Stop());
        run.AssertHalted();
        Assert.Equal(96UL, run.MemorySize);
        Assert.Equal(12 + 9 + (Cost(3) - Cost(1)), run.GasUsed);
        Assert.Equal(2 * (70 + 70 + 270) + (35 + 32) + (35 + 64) + 20, run.NativeUsed);
    }

    [Fact]
    public void Access_inside_memory_pays_no_expansion()
    {
        using var run = EvmMachine.Run(new Bytecode().Store(0, UInt256.One).Store(0, UInt256.One).Push(31).MLoad().Stop());
        run.AssertHalted();
        Assert.Equal(Words.FromBig(BigInteger.One << 248), run.Top);
        Assert.Equal(64UL, run.MemorySize);
        Assert.Equal(12 + 9 + 6 + 3, run.GasUsed);
        Assert.Equal(2 * 410 + 67 + 70 + 270 + 67 + 20, run.NativeUsed);
    }

    [Fact]
    public void Expansion_without_the_gas_for_it_faults()
    {
        var code = new Bytecode().Store(0, UInt256.One).Stop().ToArray();
        using (var run = EvmMachine.Run(code, gas: 12))
        {
            run.AssertHalted();
        }
        using (var run = EvmMachine.Run(code, gas: 11))
        {
            run.AssertFaulted(ExecutionError.OutOfErgs);
            Assert.Equal(4, run.Pc);
            Assert.Equal(0, run.ErgsLeft);
            Assert.Equal(0UL, run.MemorySize);
        }
    }

    [Fact]
    public void Expansion_without_the_native_for_it_faults()
    {
        var code = new Bytecode().Store(0, UInt256.One).Stop().ToArray();
        using var run = EvmMachine.Run(code, native: 410 + 66);
        run.AssertFaulted(ExecutionError.OutOfNative);
        Assert.Equal(0UL, run.MemorySize);
    }

    [Theory]
    [InlineData(MaxEnd - 31)] // end = u32::MAX - 30: one past the limit
    [InlineData(MaxEnd)]
    [InlineData(1UL << 32)]
    [InlineData(ulong.MaxValue)] // offset + 32 wraps 64 bits
    public void MLoad_past_the_heap_limit_is_a_memory_limit_error(ulong offset)
    {
        using var run = EvmMachine.Run(new Bytecode().Push(offset).MLoad().Stop());
        run.AssertFaulted(ExecutionError.MemoryLimit);
    }

    [Fact]
    public void Offsets_beyond_64_bits_are_a_memory_limit_error()
    {
        using (var run = EvmMachine.Run(new Bytecode().Push(Words.FromBig(BigInteger.One << 64)).MLoad().Stop()))
        {
            run.AssertFaulted(ExecutionError.MemoryLimit);
        }
        using (var run = EvmMachine.Run(new Bytecode().Push(1).Push(UInt256.MaxValue).MStore8().Stop()))
        {
            run.AssertFaulted(ExecutionError.MemoryLimit);
        }
    }

    [Fact]
    public void A_window_ending_exactly_at_the_limit_is_priced_not_refused()
    {
        // End = u32::MAX - 31 is allowed; 30 million gas cannot pay for 4 GiB, so it runs out of gas.
        using (var run = EvmMachine.Run(new Bytecode().Push(MaxEnd - 32).MLoad().Stop()))
        {
            run.AssertFaulted(ExecutionError.OutOfErgs);
        }
        using (var run = EvmMachine.Run(new Bytecode().Push(1).Push(MaxEnd - 1).MStore8().Stop()))
        {
            run.AssertFaulted(ExecutionError.OutOfErgs);
        }
        using (var run = EvmMachine.Run(new Bytecode().Push(1).Push(MaxEnd).MStore8().Stop()))
        {
            run.AssertFaulted(ExecutionError.MemoryLimit);
        }
    }

    [Fact]
    public void MCopy_moves_overlapping_windows_forward()
    {
        var pattern = Words.Parse("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
        // MCOPY pops the destination (top), the source, then the length.
        using var run = EvmMachine.Run(new Bytecode().Store(0, pattern).Push(32).Push(0).Push(1).MCopy().Stop());
        run.AssertHalted();
        var memory = run.Memory;
        Assert.Equal(64, memory.Length);
        Assert.Equal(1, memory[0]);
        Assert.Equal(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray(), memory[1..33]);
        Assert.Equal(12 + 9 + 3 + 3 + (Cost(2) - Cost(1)), run.GasUsed);
        Assert.Equal((310 + 70 + 270 + 67) + 3 * 70 + (20 + 100) + (80 + 32) + (35 + 32) + 20, run.NativeUsed);
    }

    [Fact]
    public void MCopy_moves_overlapping_windows_backward()
    {
        var pattern = Words.Parse("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");
        using var run = EvmMachine.Run(new Bytecode().Store(0, pattern).Push(31).Push(1).Push(0).MCopy().Stop());
        run.AssertHalted();
        var memory = run.Memory;
        Assert.Equal(32, memory.Length);
        Assert.Equal(Enumerable.Range(2, 31).Select(i => (byte)i).ToArray(), memory[0..31]);
        Assert.Equal(32, memory[31]);
    }

    [Fact]
    public void MCopy_expands_to_the_further_of_source_and_destination()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(10).Push(100).Push(0).MCopy().MSize().Stop());
        run.AssertHalted();
        Assert.Equal(new UInt256(128), run.Top);
        Assert.Equal(9 + 3 + 3 + Cost(4) + 2, run.GasUsed);
    }

    [Fact]
    public void MCopy_of_nothing_touches_no_memory_at_any_offset()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(0).Push(UInt256.MaxValue).Push(UInt256.MaxValue).MCopy().MSize().Stop());
        run.AssertHalted();
        Assert.Equal(UInt256.Zero, run.Top);
        Assert.Equal(3 + 3 + 3 + 3 + 2, run.GasUsed);
        Assert.Equal(70 + 310 + 310 + (20 + 100 + 80) + 70 + 20, run.NativeUsed);
    }

    [Fact]
    public void MCopy_arrived_in_Cancun()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(0).Push(0).Push(0).MCopy().Stop(), fork: EvmFork.Shanghai);
        run.AssertFaulted(ExecutionError.InvalidOpcode);
    }
}

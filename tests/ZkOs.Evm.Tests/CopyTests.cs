// SPDX-License-Identifier: MIT
using ZkOs.Evm.Tests.Infrastructure;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Tests;

/// <summary>
/// CALLDATALOAD, CALLDATASIZE, CALLDATACOPY, CODESIZE, CODECOPY, RETURNDATASIZE and RETURNDATACOPY:
/// the frame's own buffers, which the harness provides without a frame.
/// </summary>
public sealed class CopyTests
{
    private static readonly byte[] _calldata = [.. Enumerable.Range(1, 40).Select(i => (byte)i)];

    private static UInt256 Word(ReadOnlySpan<byte> source, int offset)
    {
        var word = new byte[32];
        if (offset < source.Length)
        {
            source[offset..Math.Min(source.Length, offset + 32)].CopyTo(word);
        }
        return UInt256.ReadBigEndian(word);
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(8UL)] // the last full word
    [InlineData(9UL)] // one byte short: zero-filled on the right
    [InlineData(39UL)]
    [InlineData(40UL)] // exactly at the end
    [InlineData(1000UL)]
    public void CallDataLoad_reads_a_word_zero_filled_past_the_end(ulong offset)
    {
        using var run = EvmMachine.Run(new Bytecode().Push(offset).CallDataLoad().Stop(), calldata: _calldata);
        run.AssertHalted();
        Assert.Equal(Word(_calldata, (int)offset), run.Top);
        Assert.Equal(3 + 3, run.GasUsed);
        Assert.Equal(70 + (offset > 255 ? 10 : 0) + 320 + 20, run.NativeUsed);
    }

    [Fact]
    public void CallDataLoad_at_an_offset_beyond_64_bits_is_zero()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(new UInt256(0, 1)).CallDataLoad().Stop(), calldata: _calldata);
        Assert.Equal(UInt256.Zero, run.AssertHalted().Top);
    }

    [Fact]
    public void CallDataSize_is_the_calldata_length()
    {
        using (var run = EvmMachine.Run(new Bytecode().CallDataSize().Stop(), calldata: _calldata))
        {
            Assert.Equal(new UInt256(40), run.AssertHalted().Top);
            Assert.Equal(2, run.GasUsed);
        }
        using (var run = EvmMachine.Run(new Bytecode().CallDataSize().Stop()))
        {
            Assert.Equal(UInt256.Zero, run.AssertHalted().Top);
        }
    }

    [Fact]
    public void CallDataCopy_overwrites_memory_with_zeros_past_the_source()
    {
        // Memory first holds 0xff..ff; then copy 32 bytes from calldata offset 20 (20 real bytes, 12 past the end).
        var code = new Bytecode().Store(0, UInt256.MaxValue).Push(32).Push(20).Push(0).CallDataCopy().Stop();
        using var run = EvmMachine.Run(code, calldata: _calldata);
        run.AssertHalted();
        var memory = run.Memory;
        Assert.Equal(_calldata[20..], memory[..20]);
        Assert.All(memory[20..32], b => Assert.Equal(0, b));
        // The store (12 gas), three pushes, CALLDATACOPY's 3 and one copied word; no new memory.
        Assert.Equal(12 + 9 + 3 + 3, run.GasUsed);
        Assert.Equal((310 + 70 + 270 + 67) + 3 * 70 + (20 + 100) + (80 + 32) + 20, run.NativeUsed);
    }

    [Fact]
    public void CallDataCopy_from_an_offset_past_any_source_writes_zeros()
    {
        var code = new Bytecode().Store(0, UInt256.MaxValue).Push(32).Push(UInt256.MaxValue).Push(0).CallDataCopy().Stop();
        using var run = EvmMachine.Run(code, calldata: _calldata);
        run.AssertHalted();
        Assert.All(run.Memory, b => Assert.Equal(0, b));
    }

    [Fact]
    public void CallDataCopy_expands_and_charges_per_word()
    {
        // 70 bytes to memory offset 10: memory grows to 96 bytes (3 words); 3 words copied.
        var code = new Bytecode().Push(70).Push(0).Push(10).CallDataCopy().Stop();
        using var run = EvmMachine.Run(code, calldata: _calldata);
        run.AssertHalted();
        Assert.Equal(96UL, run.MemorySize);
        Assert.Equal(_calldata, run.Memory[10..50]);
        Assert.All(run.Memory[50..], b => Assert.Equal(0, b));
        Assert.Equal(9 + 3 + 3 * 3 + 9, run.GasUsed);
        Assert.Equal(3 * 70 + (20 + 100) + (80 + 70) + (35 + 96) + 20, run.NativeUsed);
    }

    [Fact]
    public void A_copy_of_nothing_at_a_huge_offset_is_free_of_memory()
    {
        var code = new Bytecode().Push(0).Push(0).Push(UInt256.MaxValue).CallDataCopy().MSize().Stop();
        using var run = EvmMachine.Run(code, calldata: _calldata);
        run.AssertHalted();
        Assert.Equal(UInt256.Zero, run.Top);
        Assert.Equal(9 + 3 + 2, run.GasUsed);
        Assert.Equal(70 + 70 + 310 + (20 + 100) + 80 + 70 + 20, run.NativeUsed);
    }

    [Fact]
    public void A_copy_longer_than_the_heap_limit_is_a_memory_limit_error()
    {
        var code = new Bytecode().Push(1UL << 32).Push(0).Push(0).CallDataCopy().Stop();
        using var run = EvmMachine.Run(code, calldata: _calldata);
        run.AssertFaulted(ExecutionError.MemoryLimit);
    }

    [Fact]
    public void CodeSize_and_CodeCopy_see_the_code_but_not_its_padding()
    {
        // CODECOPY 64 bytes from code offset 0: the code (11 bytes), then zeros.
        byte[] code = new Bytecode().CodeSize().Push(64).Push(0).Push(0).CodeCopy().Stop().Raw(0xAA, 0xBB);
        using var run = EvmMachine.Run(code);
        run.AssertHalted();
        Assert.Equal(new UInt256((ulong)code.Length), run.Top);
        Assert.Equal(code, run.Memory[..code.Length]);
        Assert.All(run.Memory[code.Length..], b => Assert.Equal(0, b));
        Assert.Equal(2 + 9 + 3 + 6 + 6, run.GasUsed);
    }

    [Fact]
    public void ReturnDataSize_and_ReturnDataCopy_read_the_last_return_data()
    {
        byte[] returnData = [.. Enumerable.Range(0, 50).Select(i => (byte)(0x80 + i))];
        var code = new Bytecode().ReturnDataSize().Push(20).Push(30).Push(0).ReturnDataCopy().Stop();
        using var run = EvmMachine.Run(code, returnData: returnData);
        run.AssertHalted();
        Assert.Equal(new UInt256(50), run.Top);
        Assert.Equal(returnData[30..50], run.Memory[..20]);
        Assert.Equal(2 + 9 + 3 + 3 + 3, run.GasUsed);
        Assert.Equal(70 + 3 * 70 + (20 + 100) + (80 + 20) + (35 + 32) + 20, run.NativeUsed);
    }

    [Theory]
    [InlineData(31UL, 20UL)] // 31 + 20 > 50
    [InlineData(51UL, 0UL)] // an empty copy starting past the end still faults
    [InlineData(0UL, 51UL)]
    [InlineData(ulong.MaxValue, 2UL)] // offset + length wraps 64 bits
    public void ReturnDataCopy_past_the_end_faults(ulong offset, ulong length)
    {
        var code = new Bytecode().Push(length).Push(offset).Push(0).ReturnDataCopy().Stop();
        using var run = EvmMachine.Run(code, returnData: new byte[50]);
        run.AssertFaulted(ExecutionError.ReturnDataOutOfBounds);
        Assert.Equal(0UL, run.MemorySize);
    }

    [Fact]
    public void ReturnDataCopy_of_nothing_at_the_end_is_fine()
    {
        var code = new Bytecode().Push(0).Push(50).Push(0).ReturnDataCopy().Stop();
        using var run = EvmMachine.Run(code, returnData: new byte[50]);
        run.AssertHalted();
        Assert.Equal(0UL, run.MemorySize);
    }

    [Fact]
    public void ReturnData_opcodes_arrived_in_Byzantium()
    {
        using var run = EvmMachine.Run(new Bytecode().ReturnDataSize().Stop(), fork: EvmFork.Homestead);
        run.AssertFaulted(ExecutionError.InvalidOpcode);
    }
}

// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Tests;

/// <summary><see cref="EvmMemoryOps"/> on a bare context: growth, pricing, reuse, limits.</summary>
public sealed unsafe class EvmMemoryOpsTests : IDisposable
{
    private const long Ergs = 1_000_000 * 256;
    private const long Native = 1_000_000_000;

    private readonly EvmContext* _ctx;

    public EvmMemoryOpsTests()
    {
        _ctx = (EvmContext*)NativeMemory.AllocZeroed((nuint)sizeof(EvmContext));
        _ctx->State.Ergs = Ergs;
        _ctx->State.Native = Native;
    }

    public void Dispose()
    {
        EvmMemoryOps.Free(ref _ctx->Memory);
        NativeMemory.Free(_ctx);
    }

    private long GasUsed => (Ergs - _ctx->State.Ergs) / 256;

    private long NativeUsed => Native - _ctx->State.Native;

    [Fact]
    public void A_zero_length_never_expands_or_fails()
    {
        Assert.True(EvmMemoryOps.Expand(_ctx, UInt256.MaxValue, UInt256.Zero));
        Assert.True(EvmMemoryOps.Expand(_ctx, ulong.MaxValue, 0UL));
        Assert.True(EvmMemoryOps.Expand(_ctx, UInt256.MaxValue, 0UL));
        Assert.Equal(0UL, _ctx->Memory.Size);
        Assert.Equal(0, GasUsed);
        Assert.Equal(0, NativeUsed);
    }

    [Fact]
    public void Grows_in_whole_words_and_charges_the_difference()
    {
        Assert.True(EvmMemoryOps.Expand(_ctx, 0UL, 1UL));
        Assert.Equal(32UL, _ctx->Memory.Size);
        Assert.Equal(3, GasUsed);
        Assert.Equal(35 + 32, NativeUsed);

        Assert.True(EvmMemoryOps.Expand(_ctx, 10UL, 22UL));
        Assert.Equal(32UL, _ctx->Memory.Size);
        Assert.Equal(3, GasUsed);

        Assert.True(EvmMemoryOps.Expand(_ctx, 32UL * 1023, 33UL));
        Assert.Equal(32UL * 1025, _ctx->Memory.Size);
        Assert.Equal(3 * 1025 + 1025 * 1025 / 512, GasUsed);
        Assert.Equal(35 + 32 + 35 + 32 * 1024, NativeUsed);
        Assert.True(_ctx->Memory.Capacity >= _ctx->Memory.Size);
    }

    [Fact]
    public void Reset_keeps_the_buffer_and_growth_zeroes_stale_bytes()
    {
        Assert.True(EvmMemoryOps.Expand(_ctx, 0UL, 64UL));
        var buffer = _ctx->Memory.Data;
        new Span<byte>(buffer, 64).Fill(0xEE);

        EvmMemoryOps.Reset(ref _ctx->Memory);
        Assert.Equal(0UL, _ctx->Memory.Size);
        Assert.True(EvmMemoryOps.Expand(_ctx, 0UL, 40UL));
        Assert.True(buffer == _ctx->Memory.Data);
        Assert.Equal(64UL, _ctx->Memory.Size);
        Assert.All(new ReadOnlySpan<byte>(_ctx->Memory.Data, 64).ToArray(), b => Assert.Equal(0, b));
    }

    [Fact]
    public void Growth_keeps_existing_contents()
    {
        Assert.True(EvmMemoryOps.Expand(_ctx, 0UL, 32UL));
        new Span<byte>(_ctx->Memory.Data, 32).Fill(0x42);
        Assert.True(EvmMemoryOps.Expand(_ctx, 0UL, 100_000UL));
        var memory = new ReadOnlySpan<byte>(_ctx->Memory.Data, (int)_ctx->Memory.Size).ToArray();
        Assert.All(memory[..32], b => Assert.Equal(0x42, b));
        Assert.All(memory[32..], b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(ulong.MaxValue, 2UL)] // the sum wraps 64 bits
    [InlineData(2UL, ulong.MaxValue)]
    [InlineData(uint.MaxValue - 31UL, 1UL)]
    [InlineData(0UL, uint.MaxValue - 30UL)]
    public void Windows_past_the_limit_fail_with_MemoryLimit(ulong offset, ulong length)
    {
        Assert.False(EvmMemoryOps.Expand(_ctx, offset, length));
        Assert.Equal(ExecutionError.MemoryLimit, _ctx->State.Error);
        Assert.Equal(0UL, _ctx->Memory.Size);
        Assert.Equal(0, GasUsed);
    }

    [Fact]
    public void Wide_offsets_or_lengths_fail_with_MemoryLimit()
    {
        Assert.False(EvmMemoryOps.Expand(_ctx, new UInt256(0, 1), UInt256.One));
        Assert.Equal(ExecutionError.MemoryLimit, _ctx->State.Error);
        _ctx->State.Error = ExecutionError.None;
        Assert.False(EvmMemoryOps.Expand(_ctx, UInt256.Zero, new UInt256(1, 0, 0, 1)));
        Assert.Equal(ExecutionError.MemoryLimit, _ctx->State.Error);
    }

    [Fact]
    public void Unaffordable_growth_fails_and_leaves_the_memory()
    {
        _ctx->State.Ergs = 2 * 256;
        Assert.False(EvmMemoryOps.Expand(_ctx, 0UL, 1UL));
        Assert.Equal(ExecutionError.OutOfErgs, _ctx->State.Error);
        Assert.Equal(0UL, _ctx->Memory.Size);
    }

    [Fact]
    public void Copies_cost_three_gas_a_word_and_eighty_plus_a_byte_native()
    {
        Assert.True(EvmMemoryOps.ChargeCopy(_ctx, 0));
        Assert.Equal(0, GasUsed);
        Assert.Equal(80, NativeUsed);

        Assert.True(EvmMemoryOps.ChargeCopy(_ctx, 33));
        Assert.Equal(6, GasUsed);
        Assert.Equal(80 + 80 + 33, NativeUsed);
    }

    [Fact]
    public void An_unaffordable_copy_fails()
    {
        _ctx->State.Ergs = 5 * 256;
        Assert.False(EvmMemoryOps.ChargeCopy(_ctx, 64));
        Assert.Equal(ExecutionError.OutOfErgs, _ctx->State.Error);
    }

    [Fact]
    public void CopyZeroFilled_pads_with_zeros()
    {
        byte[] source = [1, 2, 3, 4, 5];
        var destination = new byte[8];
        destination.AsSpan().Fill(0xFF);
        fixed (byte* s = source)
        fixed (byte* d = destination)
        {
            EvmMemoryOps.CopyZeroFilled(d, 8, s, 5, new UInt256(2));
        }
        Assert.Equal(new byte[] { 3, 4, 5, 0, 0, 0, 0, 0 }, destination);
    }
}

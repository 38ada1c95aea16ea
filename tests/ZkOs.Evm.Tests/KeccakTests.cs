// SPDX-License-Identifier: MIT
using ZkOs.Evm.Tests.Infrastructure;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Interpretation;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Tests;

/// <summary>KECCAK256: the digest of a memory window, 30 + 6 per word gas plus expansion, and zksync-os's hashing native.</summary>
public sealed class KeccakTests
{
    private const long PushNative = 70;
    private const long KeccakStaticNative = 20 + 90;
    private const long StopNative = 20;

    private static readonly UInt256 _emptyDigest = Words.Parse("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");

    private static long HashNative(long length) => 2500 + 17500 * Math.Max(1, (length + 135) / 136);

    [Fact]
    public void The_empty_window_hashes_to_keccak_of_nothing_for_one_round()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(0).Push(0).Keccak256().Stop());
        run.AssertHalted();
        Assert.Equal(_emptyDigest, run.Top);
        Assert.Equal(0UL, run.MemorySize);
        Assert.Equal(3 + 3 + 30, run.GasUsed);
        Assert.Equal(2 * PushNative + KeccakStaticNative + 2500 + 17500 + StopNative, run.NativeUsed);
    }

    [Fact]
    public void An_empty_window_at_any_offset_touches_no_memory()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(0).Push(UInt256.MaxValue).Keccak256().Stop());
        run.AssertHalted();
        Assert.Equal(_emptyDigest, run.Top);
        Assert.Equal(0UL, run.MemorySize);
    }

    [Fact]
    public void Thirty_two_zero_bytes()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(32).Push(0).Keccak256().Stop());
        run.AssertHalted();
        Assert.Equal(Words.Parse("0x290decd9548b62a8d60345a988386fc84ba6bc95484008f6362f93160ef3e563"), run.Top);
        Assert.Equal(3 + 3 + 30 + 6 + 3, run.GasUsed);
        Assert.Equal(2 * PushNative + KeccakStaticNative + HashNative(32) + 35 + 32 + StopNative, run.NativeUsed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(135)]
    [InlineData(136)]
    [InlineData(137)]
    [InlineData(1000)]
    public void Hashes_the_window_and_pays_per_word_and_round(int length)
    {
        var value = Words.Parse("0xdeadbeef00112233445566778899aabbccddeeff0102030405060708090a0b0c");
        // Fill the first word, then hash [3, 3 + length).
        var code = new Bytecode().Store(0, value).Push((ulong)length).Push(3).Keccak256().Stop();
        using var run = EvmMachine.Run(code);
        run.AssertHalted();

        var memory = new byte[3 + length];
        var word = new byte[32];
        value.WriteBigEndian(word);
        word.AsSpan(0, Math.Min(32, memory.Length)).CopyTo(memory);
        Assert.Equal(Keccak256.Hash(memory.AsSpan(3)).ToUInt256(), run.Top);

        long words = (length + 31) / 32;
        long memoryWords = (3 + length + 31) / 32;
        long memoryCost = 3 * memoryWords + memoryWords * memoryWords / 512;
        Assert.Equal(12 + 3 + 3 + 30 + 6 * words + (memoryCost - 3), run.GasUsed);
        var expansionNative = memoryWords > 1 ? 35 + 32 * (memoryWords - 1) : 0;
        var fillNative = (20 + 290) + PushNative + (20 + 250) + 35 + 32;
        var lengthPushNative = length > 255 ? 20 + 60 : PushNative;
        Assert.Equal(
            fillNative + lengthPushNative + PushNative + KeccakStaticNative + HashNative(length) + expansionNative + StopNative,
            run.NativeUsed);
    }

    [Fact]
    public void A_window_past_the_heap_limit_is_a_memory_limit_error()
    {
        using var run = EvmMachine.Run(new Bytecode().Push(1UL << 32).Push(0).Keccak256().Stop());
        run.AssertFaulted(ExecutionError.MemoryLimit);
    }

    [Fact]
    public void Without_gas_for_the_words_it_faults()
    {
        // 36 gas covers the pushes and the static 30; the one word needs 6 more (and 3 for memory).
        using var run = EvmMachine.Run(new Bytecode().Push(1).Push(0).Keccak256().Stop(), gas: 36 + 3 + 5);
        run.AssertFaulted(ExecutionError.OutOfErgs);
    }
}

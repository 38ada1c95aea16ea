// SPDX-License-Identifier: MIT
namespace ZkOs.Evm.Tests;

/// <summary>The environment's cache of jump maps: a hit is exact, a miss scans, old entries give way.</summary>
public sealed unsafe class JumpDestinationCacheTests
{
    /// <summary>Code of <paramref name="length"/> bytes with JUMPDESTs and PUSH data that looks like them, varied by <paramref name="seed"/>.</summary>
    private static byte[] Code(int length, int seed)
    {
        var code = new byte[length];
        var random = new Random(seed);
        for (var i = 0; i < length; i++)
        {
            code[i] = random.Next(4) switch
            {
                0 => 0x5b,
                1 => (byte)(0x60 + random.Next(32)),
                _ => (byte)random.Next(256),
            };
        }
        return code;
    }

    private static ulong[] Scanned(byte[] code)
    {
        var bitmap = new ulong[JumpDestinationAnalysis.BitmapWords(code.Length)];
        fixed (ulong* map = bitmap)
        {
            JumpDestinationAnalysis.Analyze(code, map);
        }
        return bitmap;
    }

    private static ulong[] FromCache(JumpDestinationCache cache, byte[] code)
    {
        // Garbage first: the cache must write every word it owns.
        var bitmap = Enumerable.Repeat(0xA5A5A5A5A5A5A5A5UL, JumpDestinationAnalysis.BitmapWords(code.Length)).ToArray();
        fixed (ulong* map = bitmap)
        {
            cache.Analyze(code, map);
        }
        return bitmap;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(JumpDestinationCache.MinimumLength)]
    [InlineData(1921)]
    public void Analyze_RepeatedCode_GivesTheScannedMapEveryTime(int length)
    {
        var cache = new JumpDestinationCache();
        var code = Code(length, seed: length);
        var expected = Scanned(code);

        Assert.Equal(expected, FromCache(cache, code));
        Assert.Equal(expected, FromCache(cache, code));
        // Another buffer with the same bytes is the same code.
        Assert.Equal(expected, FromCache(cache, [.. code]));
    }

    [Fact]
    public void Analyze_SameLengthDifferentBytes_IsNotAHit()
    {
        var cache = new JumpDestinationCache();
        var first = Enumerable.Repeat((byte)0x5b, 600).ToArray();
        var second = (byte[])first.Clone();
        // A PUSH1 in the middle turns the next JUMPDEST into data: the maps differ in two bits.
        second[300] = 0x60;
        Assert.NotEqual(Scanned(first), Scanned(second));

        FromCache(cache, first);
        Assert.Equal(Scanned(second), FromCache(cache, second));
        Assert.Equal(Scanned(first), FromCache(cache, first));
    }

    [Fact]
    public void Analyze_MoreCodesThanCapacity_KeepsEveryAnswerExact()
    {
        var cache = new JumpDestinationCache();
        // Lengths shrink and grow so that replaced entries reuse, and outgrow, their buffers.
        var codes = Enumerable.Range(0, (3 * JumpDestinationCache.Capacity) + 1)
            .Select(i => Code(200 + (i * 37 % 500), seed: i))
            .ToArray();
        for (var round = 0; round < 2; round++)
        {
            foreach (var code in codes)
            {
                Assert.Equal(Scanned(code), FromCache(cache, code));
            }
        }
    }
}

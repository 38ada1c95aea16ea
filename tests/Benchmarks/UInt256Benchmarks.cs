// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using ZkOs.Framework.Numerics;

namespace ZkOs.Benchmarks;

/// <summary>
/// Throughput of the 256-bit operations: each benchmark runs one operation over 1024 independent random
/// operand sets, so the figures are nanoseconds per operation. Dividends are full 256-bit values; the
/// divisor width is the operand the division paths dispatch on.
/// </summary>
[MemoryDiagnoser]
public class UInt256Benchmarks
{
    private const int _count = 1024;

    private readonly UInt256[] _a = new UInt256[_count];
    private readonly UInt256[] _b = new UInt256[_count];
    private readonly UInt256[] _modulus = new UInt256[_count];
    private readonly UInt256[] _divisor64 = new UInt256[_count];
    private readonly UInt256[] _divisor128 = new UInt256[_count];
    private readonly UInt256[] _divisor192 = new UInt256[_count];
    private readonly UInt256[] _divisor256 = new UInt256[_count];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        ulong Limb() => (ulong)random.NextInt64() ^ ((ulong)random.Next() << 63);
        ulong NonZeroLimb() => Limb() | 1UL << random.Next(0, 64);

        for (int i = 0; i < _count; i++)
        {
            _a[i] = new UInt256(Limb(), Limb(), Limb(), NonZeroLimb());
            _b[i] = new UInt256(Limb(), Limb(), Limb(), NonZeroLimb());
            _modulus[i] = new UInt256(Limb(), Limb(), Limb(), NonZeroLimb());
            _divisor64[i] = new UInt256(NonZeroLimb());
            _divisor128[i] = new UInt256(Limb(), NonZeroLimb());
            _divisor192[i] = new UInt256(Limb(), Limb(), NonZeroLimb());

            // A top limb below 2^32 keeps the dividend above the divisor, so the four-limb division
            // really runs instead of the quotient-is-0-or-1 shortcut.
            _divisor256[i] = new UInt256(Limb(), Limb(), Limb(), (NonZeroLimb() >> 32) | 1);
        }
    }

    [Benchmark(OperationsPerInvoke = _count)]
    public ulong Add()
    {
        ulong sink = 0;
        for (int i = 0; i < _count; i++)
        {
            UInt256.Add(in _a[i], in _b[i], out UInt256 r);
            sink ^= r.U0 ^ r.U3;
        }

        return sink;
    }

    [Benchmark(OperationsPerInvoke = _count)]
    public ulong Multiply()
    {
        ulong sink = 0;
        for (int i = 0; i < _count; i++)
        {
            UInt256.Multiply(in _a[i], in _b[i], out UInt256 r);
            sink ^= r.U0 ^ r.U3;
        }

        return sink;
    }

    [Benchmark(OperationsPerInvoke = _count)]
    public ulong MultiplyFull()
    {
        ulong sink = 0;
        for (int i = 0; i < _count; i++)
        {
            UInt256.MultiplyFull(in _a[i], in _b[i], out UInt256 low, out UInt256 high);
            sink ^= low.U0 ^ high.U3;
        }

        return sink;
    }

    [Benchmark(OperationsPerInvoke = _count)]
    public ulong Divide64() => Divide(_divisor64);

    [Benchmark(OperationsPerInvoke = _count)]
    public ulong Divide128() => Divide(_divisor128);

    [Benchmark(OperationsPerInvoke = _count)]
    public ulong Divide192() => Divide(_divisor192);

    [Benchmark(OperationsPerInvoke = _count)]
    public ulong Divide256() => Divide(_divisor256);

    [Benchmark(OperationsPerInvoke = _count)]
    public ulong AddMod()
    {
        ulong sink = 0;
        for (int i = 0; i < _count; i++)
        {
            UInt256.AddMod(in _a[i], in _b[i], in _modulus[i], out UInt256 r);
            sink ^= r.U0;
        }

        return sink;
    }

    [Benchmark(OperationsPerInvoke = _count)]
    public ulong MulMod()
    {
        ulong sink = 0;
        for (int i = 0; i < _count; i++)
        {
            UInt256.MulMod(in _a[i], in _b[i], in _modulus[i], out UInt256 r);
            sink ^= r.U0;
        }

        return sink;
    }

    /// <summary>Full 256-bit exponents: about 255 squarings and 128 multiplications each.</summary>
    [Benchmark(OperationsPerInvoke = _count)]
    public ulong Exp()
    {
        ulong sink = 0;
        for (int i = 0; i < _count; i++)
        {
            UInt256.Exp(in _a[i], in _b[i], out UInt256 r);
            sink ^= r.U0;
        }

        return sink;
    }

    private ulong Divide(UInt256[] divisors)
    {
        ulong sink = 0;
        for (int i = 0; i < _count; i++)
        {
            UInt256.Divide(in _a[i], in divisors[i], out UInt256 q);
            sink ^= q.U0;
        }

        return sink;
    }
}

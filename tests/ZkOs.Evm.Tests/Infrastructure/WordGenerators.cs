// SPDX-License-Identifier: MIT
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using ZkOs.Framework.Numerics;

namespace ZkOs.Evm.Tests.Infrastructure;

/// <summary>
/// Operand generators for the property tests, biased toward what breaks 256-bit arithmetic: zero and
/// one, short values, the sign boundary, powers of two and their neighbours, all-ones limbs, and small
/// shift amounts and byte indices.
/// </summary>
public static class WordGenerators
{
    private static readonly Gen<ulong> _limb = Gen.Zip(
        Gen.Choose(int.MinValue, int.MaxValue),
        Gen.Choose(int.MinValue, int.MaxValue),
        (high, low) => ((ulong)(uint)high << 32) | (uint)low);

    public static Gen<UInt256> Word { get; } = Build();

    /// <summary>Mostly 0-300 (shift amounts and byte indices around their limits), sometimes any word.</summary>
    public static Gen<UInt256> SmallOrAny { get; } = Gen.Frequency(
        (3, Gen.Choose(0, 300).Select(i => new UInt256((ulong)i))),
        (1, Word));

    private static Gen<UInt256> Build()
    {
        var random = Gen.Zip(Gen.Zip(_limb, _limb, (a, b) => (a, b)), Gen.Zip(_limb, _limb, (c, d) => (c, d)),
            (low, high) => new UInt256(low.a, low.b, high.c, high.d));
        var shortened = Gen.Zip(random, Gen.Choose(0, 255), (v, bits) => Words.FromBig(Words.ToBig(v) >> bits));
        var small = Gen.Choose(0, 40).Select(i => new UInt256((ulong)i));
        var smallNegative = Gen.Choose(1, 40).Select(i => Words.FromBig(-i));
        var powerNeighbour = Gen.Zip(Gen.Choose(0, 255), Gen.Choose(-1, 1),
            (k, delta) => Words.FromBig((BigInteger.One << k) + delta));
        var special = Gen.Elements(
            UInt256.Zero,
            UInt256.One,
            UInt256.MaxValue,
            Words.FromBig(Words.SignBit),
            Words.FromBig(Words.SignBit - 1),
            new UInt256(ulong.MaxValue),
            new UInt256(0, 1),
            new UInt256(0, 0, 0, 1));
        return Gen.Frequency(
            (4, random),
            (3, shortened),
            (2, small),
            (1, smallNegative),
            (2, powerNeighbour),
            (1, special));
    }
}

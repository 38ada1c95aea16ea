// SPDX-License-Identifier: MIT
using FsCheck;
using FsCheck.Fluent;
using ZkOs.Framework.Numerics;

namespace ZkOs.Framework.Tests.Numerics;

/// <summary>
/// Generators biased toward the values that break 256-bit arithmetic: short values (one-limb divisors),
/// random bit lengths, powers of two and their neighbours, the sign boundary, and limbs such as 2^63 and
/// 2^64 - 1 that drive Knuth division into its clamp and add-back corrections.
/// </summary>
internal static class UInt256Generators
{
    private static readonly ulong[] _specialLimbs =
    [
        0, 1, 2, 0xFFFF_FFFF, 0x1_0000_0000, 0x7FFF_FFFF_FFFF_FFFF, 0x8000_0000_0000_0000,
        0x8000_0000_0000_0001, 0xFFFF_FFFF_FFFF_FFFE, 0xFFFF_FFFF_FFFF_FFFF,
    ];

    public static Gen<ulong> Limb { get; } = Gen.Zip(
        Gen.Choose(int.MinValue, int.MaxValue),
        Gen.Choose(int.MinValue, int.MaxValue),
        (high, low) => ((ulong)(uint)high << 32) | (uint)low);

    public static Gen<UInt256> Value { get; } = BuildValue();

    /// <summary>Mostly small shift amounts or byte indices around the interesting boundaries.</summary>
    public static Gen<UInt256> SmallOrAny { get; } = Gen.Frequency(
        (3, Gen.Choose(0, 300).Select(i => new UInt256((ulong)i))),
        (1, Value));

    public static Arbitrary<UInt256> Single { get; } = Arb.From(Value);

    public static Arbitrary<(UInt256 A, UInt256 B)> Pair { get; } =
        Arb.From(Gen.Zip(Value, Value, (a, b) => (a, b)));

    /// <summary>(value, shift) pairs for the shifts.</summary>
    public static Arbitrary<(UInt256 A, UInt256 B)> ValueAndShift { get; } =
        Arb.From(Gen.Zip(Value, SmallOrAny, (a, b) => (a, b)));

    /// <summary>(index, value) pairs for BYTE and SIGNEXTEND.</summary>
    public static Arbitrary<(UInt256 A, UInt256 B)> IndexAndValue { get; } =
        Arb.From(Gen.Zip(SmallOrAny, Value, (a, b) => (a, b)));

    public static Arbitrary<(UInt256 A, UInt256 B, UInt256 M)> Triple { get; } =
        Arb.From(Gen.Zip(Gen.Zip(Value, Value, (a, b) => (a, b)), Value, (ab, m) => (ab.a, ab.b, m)));

    public static Arbitrary<(UInt256 Value, int Shift)> ValueAndIntShift { get; } =
        Arb.From(Gen.Zip(Value, Gen.Choose(-3, 300), (a, s) => (a, s)));

    private static Gen<UInt256> BuildValue()
    {
        Gen<UInt256> random = Gen.Zip(Gen.Zip(Limb, Limb, (a, b) => (a, b)), Gen.Zip(Limb, Limb, (c, d) => (c, d)),
            (low, high) => new UInt256(low.a, low.b, high.c, high.d));

        Gen<UInt256> randomBitLength = Gen.Zip(random, Gen.Choose(0, 255), (v, s) => ShiftRight(v, s));

        Gen<UInt256> fewLimbs = Gen.Zip(random, Gen.Choose(1, 3), (v, limbs) => limbs switch
        {
            1 => new UInt256(v.U0),
            2 => new UInt256(v.U0, v.U1),
            _ => new UInt256(v.U0, v.U1, v.U2),
        });

        Gen<UInt256> small = Gen.Choose(0, 20).Select(i => new UInt256((ulong)i));

        Gen<UInt256> smallNegative = Gen.Choose(1, 20).Select(i => UInt256Oracle.FromBig(-i));

        Gen<UInt256> powerOfTwoNeighbour = Gen.Zip(Gen.Choose(0, 255), Gen.Choose(-1, 1),
            (k, delta) => UInt256Oracle.FromBig((System.Numerics.BigInteger.One << k) + delta));

        Gen<ulong> specialLimb = Gen.Elements(_specialLimbs);
        Gen<UInt256> specialLimbs = Gen.Zip(Gen.Zip(specialLimb, specialLimb, (a, b) => (a, b)),
            Gen.Zip(specialLimb, specialLimb, (c, d) => (c, d)),
            (low, high) => new UInt256(low.a, low.b, high.c, high.d));

        Gen<UInt256> boundaries = Gen.Elements(
            UInt256.Zero,
            UInt256.One,
            UInt256.MaxValue,
            UInt256Oracle.Literal("0x8000000000000000000000000000000000000000000000000000000000000000"),
            UInt256Oracle.Literal("0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"),
            UInt256Oracle.Literal("0x8000000000000000000000000000000000000000000000000000000000000001"),
            new UInt256(0, 1),
            new UInt256(0, 0, 1),
            new UInt256(0, 0, 0, 1),
            new UInt256(ulong.MaxValue));

        return Gen.Frequency(
            (4, random),
            (3, randomBitLength),
            (2, fewLimbs),
            (2, small),
            (1, smallNegative),
            (2, powerOfTwoNeighbour),
            (2, specialLimbs),
            (1, boundaries));
    }

    private static UInt256 ShiftRight(UInt256 value, int shift) =>
        UInt256Oracle.FromBig(UInt256Oracle.ToBig(value) >> shift);
}

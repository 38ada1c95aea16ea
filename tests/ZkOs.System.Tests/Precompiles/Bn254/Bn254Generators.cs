// SPDX-License-Identifier: MIT
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Fq = ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>;
using Fq12 = ZkOs.System.Precompiles.Bn254.Fp12<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>, ZkOs.System.Precompiles.Bn254.Bn254Tower>;
using Fq2 = ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>;
using Fq6 = ZkOs.System.Precompiles.Bn254.Fp6<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>, ZkOs.System.Precompiles.Bn254.Bn254Tower>;

namespace ZkOs.System.Tests.Precompiles.Bn254;

/// <summary>FsCheck generators of BN254 field elements: uniform values mixed with the edges (0, 1, p - 1, ...).</summary>
internal static class Bn254Generators
{
    private static readonly BigInteger _p = Bn254Reference.P;

    /// <summary>Integers in [0, p): one in five is an edge value.</summary>
    public static Gen<BigInteger> Element { get; } = Gen.Frequency(
        (4, Gen.Choose(0, int.MaxValue).Select(seed => Bn254Reference.RandomBelow(new Random(seed), _p))),
        (1, Gen.Elements(
            BigInteger.Zero, BigInteger.One, new BigInteger(2), _p - 1, _p - 2, (_p - 1) / 2, (_p + 1) / 2,
            BigInteger.One << 64, (BigInteger.One << 128) - 1, (BigInteger.One << 253) + 1, _p >> 1)));

    public static Gen<Fq> Fq { get; } = Element.Select(Bn254Reference.ToFq);

    public static Gen<Fq2> Fq2 { get; } = Gen.Zip(Fq, Fq, (a, b) => new Fq2(a, b));

    public static Gen<Fq6> Fq6 { get; } = Gen.Zip(Gen.Zip(Fq2, Fq2), Fq2, (ab, c) => new Fq6(ab.Item1, ab.Item2, c));

    public static Gen<Fq12> Fq12 { get; } = Gen.Zip(Fq6, Fq6, (a, b) => new Fq12(a, b));

    /// <summary>Random Fp12 elements from a seed: faster than composing generators for the expensive checks.</summary>
    public static Fq12 RandomFq12(Random random)
    {
        Fq2 Next() => new(Bn254Reference.ToFq(Bn254Reference.RandomBelow(random, _p)), Bn254Reference.ToFq(Bn254Reference.RandomBelow(random, _p)));
        return new Fq12(new Fq6(Next(), Next(), Next()), new Fq6(Next(), Next(), Next()));
    }

    public static Gen<int> Seed { get; } = Gen.Choose(0, int.MaxValue);
}

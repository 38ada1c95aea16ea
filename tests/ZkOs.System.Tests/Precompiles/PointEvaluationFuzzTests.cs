// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Security.Cryptography;
using ZkOs.System.Precompiles;

namespace ZkOs.System.Tests.Precompiles;

/// <summary>
/// Mutated and random inputs to the point-evaluation precompile: thousands of them never throw and never
/// verify unless they still state a true evaluation. A KZG proof is unique for its (commitment, z, y), so a
/// mutation of a valid input is valid only when it changes nothing, with one exception the math allows: a
/// proof at infinity belongs to a constant polynomial, whose value y is the same at every z.
/// </summary>
public class PointEvaluationFuzzTests
{
    private const int MutationsPerVector = 180;

    private static readonly BigInteger _r = Bls12381.Bls12381Reference.R;

    [Fact]
    public void MutatedValidInputs_NeverCrash_NorVerifyFalsely()
    {
        var random = new Random(4844);
        var valid = PointEvaluationVectors.All.Where(v => v.Output == true).ToArray();
        var others = PointEvaluationVectors.All;
        int verified = 0, rejected = 0;
        foreach (var vector in valid)
        {
            var original = PointEvaluationPrecompileTests.Input(vector);
            for (int i = 0; i < MutationsPerVector; i++)
            {
                var input = Mutate(original, random, others);
                bool expected = input.AsSpan().SequenceEqual(original) || IsConstantPolynomialAtAnotherPoint(original, input);
                var run = PrecompileRun.Execute(PointEvaluationPrecompile.Instance, input);
                Assert.True(
                    run.Status == (expected ? PrecompileStatus.Success : PrecompileStatus.InvalidInput),
                    $"{vector.Name}: {Convert.ToHexStringLower(input)} gave {run.Status}, expected {(expected ? "success" : "failure")}");
                if (expected)
                    verified++;
                else
                    rejected++;
            }
        }

        Assert.True(rejected > 3000, $"only {rejected} mutations were rejected");
        Assert.True(verified > 0);
    }

    [Fact]
    public void RandomInputs_WithMatchingVersionedHash_NeverVerify()
    {
        var random = new Random(4845);
        for (int i = 0; i < 1500; i++)
        {
            var input = new byte[192];
            random.NextBytes(input);

            // Mostly well-formed flags and field elements below r, so that decoding and the pairing run.
            if (i % 4 != 0)
            {
                input[32] &= 0x3f;
                input[64] &= 0x3f;
                input[96] = (byte)((input[96] & 0x1f) | 0x80 | (input[96] & 0x20));
                input[144] = (byte)((input[144] & 0x1f) | 0x80 | (input[144] & 0x20));
            }

            FixVersionedHash(input);
            var run = PrecompileRun.Execute(PointEvaluationPrecompile.Instance, input);
            Assert.Equal(PrecompileStatus.InvalidInput, run.Status);
            Assert.Empty(run.Output);
        }
    }

    /// <summary>One mutation of a valid input, usually keeping the versioned hash consistent so that the KZG check runs.</summary>
    internal static byte[] Mutate(byte[] original, Random random, PointEvaluationVectors.Case[] others)
    {
        var input = (byte[])original.Clone();
        switch (random.Next(9))
        {
            case 0:
            case 1:
                // One bit anywhere past the versioned hash.
                int bit = random.Next(32 * 8, 192 * 8);
                input[bit / 8] ^= (byte)(1 << (bit % 8));
                break;
            case 2:
                // A few random bytes.
                for (int n = random.Next(1, 4); n > 0; n--)
                    input[random.Next(32, 192)] = (byte)random.Next(256);
                break;
            case 3:
                // z or y replaced by a value near or above r, or by a random value below r.
                var value = random.Next(3) switch
                {
                    0 => _r + random.Next(0, 3),
                    1 => (BigInteger.One << 256) - 1 - random.Next(0, 3),
                    _ => Bls12381.Bls12381Reference.RandomBelow(random, _r),
                };
                Bls12381.Bls12381Reference.Word(value).CopyTo(input, random.Next(2) == 0 ? 32 : 64);
                break;
            case 4:
                // The commitment or the proof of another vector (valid points that do not belong here).
                var other = others[random.Next(others.Length)];
                var point = Convert.FromHexString(random.Next(2) == 0 ? other.Commitment : other.Proof);
                point.CopyTo(input, random.Next(2) == 0 ? 96 : 144);
                break;
            case 5:
                // The sort flag of a point: -C or -π.
                input[random.Next(2) == 0 ? 96 : 144] ^= 0x20;
                break;
            case 6:
                // Swap the commitment and the proof, or z and y.
                if (random.Next(2) == 0)
                {
                    var commitment = input[96..144];
                    input.AsSpan(144, 48).CopyTo(input.AsSpan(96));
                    commitment.CopyTo(input, 144);
                }
                else
                {
                    var z = input[32..64];
                    input.AsSpan(64, 32).CopyTo(input.AsSpan(32));
                    z.CopyTo(input, 64);
                }

                break;
            case 7:
                // A point's x replaced by random bytes under valid flags (mostly off the curve or outside G1).
                int offset = random.Next(2) == 0 ? 96 : 144;
                random.NextBytes(input.AsSpan(offset, 48));
                input[offset] = (byte)(0x80 | (input[offset] & 0x3f & ~0x40) | (random.Next(8) == 0 ? 0x40 : 0));
                break;
            default:
                // The versioned hash itself (left inconsistent on purpose).
                input[random.Next(32)] ^= (byte)(1 << random.Next(8));
                return input;
        }

        if (random.Next(8) != 0)
            FixVersionedHash(input);
        return input;
    }

    /// <summary>True when the original proves a constant polynomial (proof at infinity) and only z changed, to another value below r.</summary>
    private static bool IsConstantPolynomialAtAnotherPoint(byte[] original, byte[] input)
    {
        bool proofAtInfinity = original[144] == 0xC0 && original.AsSpan(145, 47).IndexOfAnyExcept((byte)0) < 0;
        bool onlyZChanged = input.AsSpan(0, 32).SequenceEqual(original.AsSpan(0, 32)) && input.AsSpan(64).SequenceEqual(original.AsSpan(64));
        var z = new BigInteger(input.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        return proofAtInfinity && onlyZChanged && z < _r;
    }

    private static void FixVersionedHash(byte[] input)
    {
        var hash = SHA256.HashData(input.AsSpan(96, 48));
        hash[0] = 0x01;
        hash.CopyTo(input, 0);
    }
}

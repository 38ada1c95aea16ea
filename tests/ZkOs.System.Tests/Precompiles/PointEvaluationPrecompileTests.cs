// SPDX-License-Identifier: MIT
using System.Numerics;
using System.Security.Cryptography;
using ZkOs.Framework.Execution;
using ZkOs.System.Precompiles;
using ZkOs.System.Precompiles.Bls12381;

namespace ZkOs.System.Tests.Precompiles;

/// <summary>
/// The point-evaluation precompile (EIP-4844) on the consensus specs' verify_kzg_proof vectors: the verdicts,
/// the 192-byte layout and versioned-hash rule, the range checks, the exact price and the output.
/// </summary>
public class PointEvaluationPrecompileTests
{
    /// <summary>U256(4096) ‖ U256(BLS_MODULUS).</summary>
    private const string ReturnValue =
        "0000000000000000000000000000000000000000000000000000000000001000"
        + "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001";

    private static readonly BigInteger _r = Bls12381.Bls12381Reference.R;

    public static TheoryData<string> Vectors() => [.. PointEvaluationVectors.All.Select(v => v.Name)];

    public static TheoryData<string> WrongLengthVectors() => [.. PointEvaluationVectors.WrongLength.Select(v => v.Name)];

    [Theory]
    [MemberData(nameof(Vectors))]
    [MemberData(nameof(WrongLengthVectors))]
    public void Verifier_MatchesTheConsensusSpecVectors(string name)
    {
        var vector = PointEvaluationVectors.Find(name);
        var status = KzgVerifier.VerifyProof(
            Convert.FromHexString(vector.Commitment), Convert.FromHexString(vector.Z), Convert.FromHexString(vector.Y), Convert.FromHexString(vector.Proof));
        var expected = vector.Output switch
        {
            true => KzgProofStatus.Valid,
            false => KzgProofStatus.Invalid,
            null => KzgProofStatus.Malformed,
        };
        Assert.Equal(expected, status);
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Precompile_MatchesTheConsensusSpecVectors_AndChargesExactly50000Gas(string name)
    {
        var vector = PointEvaluationVectors.Find(name);
        var run = PrecompileRun.Execute(PointEvaluationPrecompile.Instance, Input(vector));
        Assert.Equal(PointEvaluationPrecompile.Gas * Resources.ErgsPerGas, run.ErgsUsed);
        Assert.Equal(PointEvaluationPrecompile.NativeCost, run.NativeUsed);
        if (vector.Output == true)
        {
            Assert.Equal(PrecompileStatus.Success, run.Status);
            Assert.Equal(ReturnValue, run.OutputHex);
        }
        else
        {
            Assert.Equal(PrecompileStatus.InvalidInput, run.Status);
            Assert.Empty(run.Output);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(191)]
    [InlineData(193)]
    [InlineData(384)]
    public void WrongLength_FailsAfterCharging(int length)
    {
        var valid = Input(PointEvaluationVectors.All[0]);
        var input = new byte[length];
        valid.AsSpan(0, Math.Min(length, valid.Length)).CopyTo(input);
        var run = PrecompileRun.Execute(PointEvaluationPrecompile.Instance, input);
        Assert.Equal(PrecompileStatus.InvalidInput, run.Status);
        Assert.Empty(run.Output);
        Assert.Equal(PointEvaluationPrecompile.Gas * Resources.ErgsPerGas, run.ErgsUsed);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x02)]
    [InlineData(0xff)]
    public void VersionedHash_OtherVersion_Fails(byte version)
    {
        var input = Input(PointEvaluationVectors.All[0]);
        input[0] = version;
        Assert.Equal(PrecompileStatus.InvalidInput, PrecompileRun.Execute(PointEvaluationPrecompile.Instance, input).Status);
    }

    [Fact]
    public void VersionedHash_OfAnotherCommitment_Fails()
    {
        var input = Input(PointEvaluationVectors.All[0]);
        for (int i = 1; i < 32; i++)
        {
            var changed = (byte[])input.Clone();
            changed[i] ^= 0x01;
            Assert.Equal(PrecompileStatus.InvalidInput, PrecompileRun.Execute(PointEvaluationPrecompile.Instance, changed).Status);
        }
    }

    [Fact]
    public void FieldElements_NotBelowTheModulus_Fail()
    {
        // z = y = 0 with the zero polynomial's commitment and proof (infinity) verifies; z or y raised to r,
        // r + 1 or 2^256 - 1 must not, although they equal 0, 1, ... modulo r.
        var vector = PointEvaluationVectors.All.Single(v => v.Name == "correct_proof_point_at_infinity_for_zero_poly_c3d4322ec17fe7cd");
        Assert.Equal(PrecompileStatus.Success, PrecompileRun.Execute(PointEvaluationPrecompile.Instance, Input(vector)).Status);
        foreach (var value in new[] { _r, _r + 1, (BigInteger.One << 256) - 1 })
        {
            var hex = Convert.ToHexStringLower(Bls12381.Bls12381Reference.Word(value));
            Assert.Equal(PrecompileStatus.InvalidInput, PrecompileRun.Execute(PointEvaluationPrecompile.Instance, Input(vector with { Z = hex })).Status);
            Assert.Equal(PrecompileStatus.InvalidInput, PrecompileRun.Execute(PointEvaluationPrecompile.Instance, Input(vector with { Y = hex })).Status);
        }

        // r - 1 is accepted as a value (and here simply wrong).
        var rMinusOne = Convert.ToHexStringLower(Bls12381.Bls12381Reference.Word(_r - 1));
        Assert.Equal(PrecompileStatus.InvalidInput, PrecompileRun.Execute(PointEvaluationPrecompile.Instance, Input(vector with { Y = rMinusOne })).Status);
        Assert.Equal(PrecompileStatus.Success, PrecompileRun.Execute(PointEvaluationPrecompile.Instance, Input(vector with { Z = rMinusOne })).Status);
    }

    [Fact]
    public void Points_NotInG1_Fail()
    {
        // A curve point outside the subgroup (x = 0, y = 2, of order 3) as commitment and as proof.
        var notInGroup = new byte[48];
        notInGroup[0] = 0x80;
        var vector = PointEvaluationVectors.All[0];
        var hex = Convert.ToHexStringLower(notInGroup);
        Assert.Equal(PrecompileStatus.InvalidInput, PrecompileRun.Execute(PointEvaluationPrecompile.Instance, Input(vector with { Commitment = hex })).Status);
        Assert.Equal(PrecompileStatus.InvalidInput, PrecompileRun.Execute(PointEvaluationPrecompile.Instance, Input(vector with { Proof = hex })).Status);
    }

    [Fact]
    public void ShortOfErgs_OrNative_FailsWithoutOutput()
    {
        var input = Input(PointEvaluationVectors.All[0]);
        var ergs = PointEvaluationPrecompile.Gas * Resources.ErgsPerGas;
        var exact = PrecompileRun.Execute(PointEvaluationPrecompile.Instance, input, new Resources(ergs, PointEvaluationPrecompile.NativeCost));
        Assert.Equal(PrecompileStatus.Success, exact.Status);
        Assert.Equal(new Resources(0, 0), exact.Left);

        var run = PrecompileRun.Execute(PointEvaluationPrecompile.Instance, input, new Resources(ergs - 1, 1UL << 40));
        Assert.Equal(PrecompileStatus.OutOfErgs, run.Status);
        Assert.Empty(run.Output);
        Assert.Equal(0UL, run.Left.Ergs);

        run = PrecompileRun.Execute(PointEvaluationPrecompile.Instance, input, new Resources(ergs, PointEvaluationPrecompile.NativeCost - 1));
        Assert.Equal(PrecompileStatus.OutOfNative, run.Status);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Precompile_DoesNotAllocate_InSteadyState()
    {
        // The arithmetic lives on the stack (structs, stackalloc, inline arrays) and the fixed G2 lines are built
        // once. No assertion inside the measured loop: xunit's own comparisons allocate.
        var input = Input(PointEvaluationVectors.All[0]);
        var output = new global::System.Buffers.ArrayBufferWriter<byte>(128);
        var resources = PrecompileRun.Ample;
        Assert.Equal(PrecompileStatus.Success, PointEvaluationPrecompile.Instance.Execute(input, ref resources, output));
        int successes = 0;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 5; i++)
        {
            output.ResetWrittenCount();
            resources = PrecompileRun.Ample;
            successes += PointEvaluationPrecompile.Instance.Execute(input, ref resources, output) == PrecompileStatus.Success ? 1 : 0;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(5, successes);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Precompile_IsInTheCancunSet()
    {
        Assert.True(PrecompileSet.Cancun.TryGet(0x0a, out var precompile));
        Assert.Same(PointEvaluationPrecompile.Instance, precompile);
    }

    /// <summary>The precompile input of a vector: kzg_to_versioned_hash(commitment) ‖ z ‖ y ‖ commitment ‖ proof.</summary>
    internal static byte[] Input(PointEvaluationVectors.Case vector)
    {
        var commitment = Convert.FromHexString(vector.Commitment);
        var hash = SHA256.HashData(commitment);
        hash[0] = 0x01;
        return [.. hash, .. Convert.FromHexString(vector.Z), .. Convert.FromHexString(vector.Y), .. commitment, .. Convert.FromHexString(vector.Proof)];
    }
}

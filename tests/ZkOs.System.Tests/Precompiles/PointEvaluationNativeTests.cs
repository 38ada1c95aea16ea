// SPDX-License-Identifier: MIT
using Xunit.Abstractions;
using ZkOs.System.Precompiles;
using ZkOs.System.Precompiles.Bls12381;

namespace ZkOs.System.Tests.Precompiles;

/// <summary>
/// The optional native path (c-kzg-4844 with blst) against the managed one: the same verdicts on the consensus
/// vectors and on thousands of mutated inputs, the same precompile results. Every test returns early (passing,
/// with the reason in its output) when no native library can be found or built: the managed path is what the
/// project ships and must not depend on it.
/// </summary>
public class PointEvaluationNativeTests(ITestOutputHelper output)
{
    private NativeKzg? Native()
    {
        var kzg = NativeKzgBuild.TryGet(out var reason);
        output.WriteLine(kzg is null ? $"SKIPPED: native KZG not available ({reason}); only the managed path was tested." : reason);
        return kzg;
    }

    [Fact]
    public void Vectors_NativeAndManagedAgreeWithTheExpectedVerdicts()
    {
        if (Native() is not { } native)
            return;
        foreach (var vector in PointEvaluationVectors.All.Concat(PointEvaluationVectors.WrongLength))
        {
            byte[] commitment = Convert.FromHexString(vector.Commitment), z = Convert.FromHexString(vector.Z);
            byte[] y = Convert.FromHexString(vector.Y), proof = Convert.FromHexString(vector.Proof);
            var managed = KzgVerifier.VerifyProof(commitment, z, y, proof) switch
            {
                KzgProofStatus.Valid => true,
                KzgProofStatus.Invalid => false,
                _ => (bool?)null,
            };
            Assert.Equal(vector.Output, native.VerifyProof(commitment, z, y, proof));
            Assert.Equal(vector.Output, managed);
        }
    }

    [Fact]
    public void MutatedInputs_NativeAndManagedPrecompilesAgree()
    {
        if (Native() is not { } native)
            return;
        var nativePrecompile = PointEvaluationPrecompile.WithNative(native);
        Assert.True(nativePrecompile.IsNative);
        var random = new Random(4846);
        int successes = 0;
        var vectors = PointEvaluationVectors.All;
        var valid = vectors.Where(v => v.Output == true).ToArray();
        for (int i = 0; i < 2500; i++)
        {
            var original = PointEvaluationPrecompileTests.Input(valid[random.Next(valid.Length)]);
            var input = i % 10 == 0 ? original : PointEvaluationFuzzTests.Mutate(original, random, vectors);
            var managed = PrecompileRun.Execute(PointEvaluationPrecompile.Instance, input);
            var accelerated = PrecompileRun.Execute(nativePrecompile, input);
            Assert.True(managed == accelerated || (managed.Status == accelerated.Status && managed.Output.AsSpan().SequenceEqual(accelerated.Output) && managed.Left == accelerated.Left),
                $"{Convert.ToHexStringLower(input)}: managed {managed.Status}, native {accelerated.Status}");
            successes += managed.Status == PrecompileStatus.Success ? 1 : 0;
        }

        Assert.True(successes >= 250);
    }
}

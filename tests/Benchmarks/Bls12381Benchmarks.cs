// SPDX-License-Identifier: MIT
extern alias ZkOsSystem;

using System.Buffers;
using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using ZkOs.Framework.Execution;
using ZkOsSystem::ZkOs.System.Precompiles;
using ZkOsSystem::ZkOs.System.Precompiles.Bls12381;
using Fq = ZkOsSystem::ZkOs.System.Precompiles.Bls12381.Fp384<ZkOsSystem::ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>;
using Fq12 = ZkOsSystem::ZkOs.System.Precompiles.Bn254.Fp12<ZkOsSystem::ZkOs.System.Precompiles.Bls12381.Fp384<ZkOsSystem::ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>, ZkOsSystem::ZkOs.System.Precompiles.Bls12381.Bls12381Tower>;
using Fq2 = ZkOsSystem::ZkOs.System.Precompiles.Bn254.Fp2<ZkOsSystem::ZkOs.System.Precompiles.Bls12381.Fp384<ZkOsSystem::ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>;
using G1 = ZkOsSystem::ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOsSystem::ZkOs.System.Precompiles.Bls12381.Fp384<ZkOsSystem::ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>, ZkOsSystem::ZkOs.System.Precompiles.Bls12381.Bls12381G1Params>;
using G2 = ZkOsSystem::ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOsSystem::ZkOs.System.Precompiles.Bn254.Fp2<ZkOsSystem::ZkOs.System.Precompiles.Bls12381.Fp384<ZkOsSystem::ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>, ZkOsSystem::ZkOs.System.Precompiles.Bls12381.Bls12381G2Params>;
using PreparedPair = ZkOsSystem::ZkOs.System.Precompiles.Bn254.PreparedPair<ZkOsSystem::ZkOs.System.Precompiles.Bls12381.Fp384<ZkOsSystem::ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>;

namespace ZkOs.Benchmarks;

/// <summary>
/// BLS12-381 and KZG point evaluation: the base-field and Fp2 multiplications (dependent chains of 1024, so
/// latency), the parts of a point evaluation (decoding with the subgroup test, the Miller loop over two
/// prepared pairs, the final exponentiation) and the whole precompile on a consensus-specs vector.
/// </summary>
[MemoryDiagnoser]
public class Bls12381Benchmarks
{
    private const int _chain = 1024;

    /// <summary>verify_kzg_proof_case_correct_proof_31ebd010e6098750: z, y, commitment, proof.</summary>
    private const string _vector =
        "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000"
        + "1522a4a7f34e1ea350ae07c29c96c7e79655aa926122e95fe69fcbd932ca49e9"
        + "8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7"
        + "a62ad71d14c5719385c0686f1871430475bf3a00f0aa3f7b8dd99a9abc2160744faf0070725e00b60ad9a026a15b1a8c";

    private readonly ArrayBufferWriter<byte> _output = new(64);
    private byte[] _input = [];
    private Fq _a;
    private Fq _b;
    private Fq2 _a2;
    private Fq2 _b2;
    private Fq12 _millerOutput;
    private PreparedPair[] _pairs = [];

    [GlobalSetup]
    public void Setup()
    {
        var body = Convert.FromHexString(_vector);
        var hash = SHA256.HashData(body.AsSpan(64, 48));
        hash[0] = PointEvaluationPrecompile.VersionedHashVersionKzg;
        _input = [.. hash, .. body];

        _a = Fq.FromUInt64(0x1234_5678_9abc_def0);
        _b = Fq.FromUInt64(0x0fed_cba9_8765_4321);
        _a2 = new Fq2(_a, _b);
        _b2 = new Fq2(_b, _a);

        G2.ToAffine(Bls12381G2.Generator, out var qx, out var qy);
        var lines = Bls12381Pairing.Prepare(in qx, in qy);
        G1.ToAffine(Bls12381G1.Generator, out var px, out var py);
        _pairs = [new PreparedPair(px, py, lines), new PreparedPair(px, py, lines)];
        Bls12381Pairing.MillerLoop(_pairs, out _millerOutput);
    }

    [Benchmark(OperationsPerInvoke = _chain)]
    public ulong FpMultiply()
    {
        var x = _a;
        for (int i = 0; i < _chain; i++)
            Fq.Multiply(in x, in _b, out x);
        return x.L0;
    }

    [Benchmark(OperationsPerInvoke = _chain)]
    public ulong Fp2Multiply()
    {
        var x = _a2;
        for (int i = 0; i < _chain; i++)
            Fq2.Multiply(in x, in _b2, out x);
        return x.C0.L0;
    }

    /// <summary>Decompression of the commitment plus its subgroup test (twice per point evaluation).</summary>
    [Benchmark]
    public bool G1DecodeAndSubgroup() =>
        Bls12381Encoding.TryDecompressG1(_input.AsSpan(96, 48), out var point) && Bls12381G1.IsInSubgroup(in point);

    [Benchmark]
    public ulong MillerLoopTwoPreparedPairs()
    {
        Bls12381Pairing.MillerLoop(_pairs, out var f);
        return f.C0.C0.C0.L0;
    }

    [Benchmark]
    public ulong FinalExponentiation()
    {
        Bls12381Pairing.FinalExponentiation(in _millerOutput, out var f);
        return f.C0.C0.C0.L0;
    }

    [Benchmark]
    public PrecompileStatus PointEvaluation()
    {
        var resources = new Resources(1UL << 50, 1UL << 60);
        _output.ResetWrittenCount();
        return PointEvaluationPrecompile.Instance.Execute(_input, ref resources, _output);
    }
}

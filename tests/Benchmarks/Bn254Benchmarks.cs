// SPDX-License-Identifier: MIT
extern alias ZkOsSystem;

using System.Buffers;
using BenchmarkDotNet.Attributes;
using ZkOs.Framework.Execution;
using ZkOsSystem::ZkOs.System.Precompiles;
using ZkOsSystem::ZkOs.System.Precompiles.Bn254;
using Bn254Pair = ZkOsSystem::ZkOs.System.Precompiles.Bn254.G1G2Pair<ZkOsSystem::ZkOs.System.Precompiles.Bn254.Fp256<ZkOsSystem::ZkOs.System.Precompiles.Bn254.Bn254FpParams>>;
using Fq = ZkOsSystem::ZkOs.System.Precompiles.Bn254.Fp256<ZkOsSystem::ZkOs.System.Precompiles.Bn254.Bn254FpParams>;
using Fq12 = ZkOsSystem::ZkOs.System.Precompiles.Bn254.Fp12<ZkOsSystem::ZkOs.System.Precompiles.Bn254.Fp256<ZkOsSystem::ZkOs.System.Precompiles.Bn254.Bn254FpParams>, ZkOsSystem::ZkOs.System.Precompiles.Bn254.Bn254Tower>;

namespace ZkOs.Benchmarks;

/// <summary>
/// BN254: the base-field multiplication (a dependent chain of 1024, so latency), the three precompiles
/// end to end (decoding, validation including the G2 subgroup test, and encoding), and the two halves of
/// the pairing. Pairing inputs repeat the two pairs of go-ethereum's "jeff1" vector.
/// </summary>
[MemoryDiagnoser]
public class Bn254Benchmarks
{
    private const int _chain = 1024;

    /// <summary>go-ethereum bn256Pairing.json "jeff1": two pairs whose pairing product is 1.</summary>
    private const string _jeff1 =
        "1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f593034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41"
        + "209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf704bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a41678"
        + "2bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550"
        + "111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c2032c61a830e3c17286de9462bf242fca2883585b93870a73853face6a6bf411"
        + "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
        + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";

    private readonly ArrayBufferWriter<byte> _output = new(64);
    private byte[] _pairingInput = [];
    private byte[] _addInput = [];
    private byte[] _mulInput = [];
    private Fq _a;
    private Fq _b;
    private Fq12 _millerOutput;
    private Bn254Pair[] _pairs = [];

    [Params(1, 2, 4)]
    public int Pairs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var jeff1 = Convert.FromHexString(_jeff1);
        _pairingInput = new byte[Pairs * 192];
        for (int i = 0; i < Pairs; i++)
            jeff1.AsSpan(i % 2 * 192, 192).CopyTo(_pairingInput.AsSpan(i * 192));

        // Two points of G1 from jeff1, and a full 256-bit scalar.
        _addInput = [.. jeff1.AsSpan(0, 64), .. jeff1.AsSpan(192, 64)];
        _mulInput = [.. jeff1.AsSpan(0, 64), .. Convert.FromHexString("f0e1d2c3b4a5968778695a4b3c2d1e0f00112233445566778899aabbccddeeff")];

        _a = Fq.FromUInt64(0x1234_5678_9abc_def0);
        _b = Fq.FromUInt64(0x0fed_cba9_8765_4321);

        _pairs = new Bn254Pair[Pairs];
        for (int i = 0; i < Pairs; i++)
        {
            var pair = jeff1.AsSpan(i % 2 * 192, 192);
            Bn254Encoding.TryReadG1(pair[..64], out var px, out var py, out _);
            Bn254Encoding.TryReadG2(pair[64..], out var qx, out var qy, out _);
            _pairs[i] = new Bn254Pair(px, py, qx, qy);
        }

        Bn254Pairing.MillerLoop(_pairs, out _millerOutput);
    }

    [Benchmark(OperationsPerInvoke = _chain)]
    public ulong FpMultiply()
    {
        var x = _a;
        for (int i = 0; i < _chain; i++)
            Fq.Multiply(in x, in _b, out x);
        return x.L0;
    }

    [Benchmark]
    public PrecompileStatus EcAdd() => Run(Bn254AddPrecompile.Instance, _addInput);

    [Benchmark]
    public PrecompileStatus EcMul() => Run(Bn254MulPrecompile.Instance, _mulInput);

    /// <summary>The whole precompile for <see cref="Pairs"/> pairs; divide by Pairs for the cost per pair.</summary>
    [Benchmark]
    public PrecompileStatus Pairing() => Run(Bn254PairingPrecompile.Instance, _pairingInput);

    [Benchmark]
    public ulong MillerLoop()
    {
        Bn254Pairing.MillerLoop(_pairs, out var f);
        return f.C0.C0.C0.L0;
    }

    [Benchmark]
    public ulong FinalExponentiation()
    {
        Bn254Pairing.FinalExponentiation(in _millerOutput, out var f);
        return f.C0.C0.C0.L0;
    }

    private PrecompileStatus Run(IPrecompile precompile, byte[] input)
    {
        var resources = new Resources(1UL << 50, 1UL << 60);
        _output.ResetWrittenCount();
        return precompile.Execute(input, ref resources, _output);
    }
}

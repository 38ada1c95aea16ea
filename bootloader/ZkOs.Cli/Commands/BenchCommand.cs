// SPDX-License-Identifier: MIT
using System.Buffers;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ZkOs.Framework.Execution;
using ZkOs.System.Precompiles;

namespace ZkOs.Cli.Commands;

/// <summary>
/// <c>zkos bench [--seconds S]</c>: times the costly precompiles in process on fixed valid inputs (mean time
/// per call after a warm-up) and prints the native cost the BN254 pairing's model implies for KZG point
/// evaluation, which is how <see cref="PointEvaluationPrecompile.NativeCost"/> was chosen. When
/// <c>ZKOS_CKZG_LIBRARY</c> and <c>ZKOS_KZG_TRUSTED_SETUP</c> name a c-kzg-4844 library and its trusted setup,
/// point evaluation through the native library is timed too, for comparison.
/// </summary>
internal static class BenchCommand
{
    /// <summary>consensus-specs verify_kzg_proof_case_correct_proof_31ebd010e6098750 (c-kzg-4844 tests): z, y, commitment, proof.</summary>
    private const string KzgVector =
        "73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000"
        + "1522a4a7f34e1ea350ae07c29c96c7e79655aa926122e95fe69fcbd932ca49e9"
        + "8f59a8d2a1a625a17f3fea0fe5eb8c896db3764f3185481bc22f91b4aaffcca25f26936857bc3a7c2539ea8ec3a952b7"
        + "a62ad71d14c5719385c0686f1871430475bf3a00f0aa3f7b8dd99a9abc2160744faf0070725e00b60ad9a026a15b1a8c";

    /// <summary>go-ethereum bn256Pairing.json "jeff1": two pairs whose pairing product is 1.</summary>
    private const string Bn254Jeff1 =
        "1c76476f4def4bb94541d57ebba1193381ffa7aa76ada664dd31c16024c43f593034dd2920f673e204fee2811c678745fc819b55d3e9d294e45c9b03a76aef41"
        + "209dd15ebff5d46c4bd888e51a93cf99a7329636c63514396b4a452003a35bf704bf11ca01483bfa8b34b43561848d28905960114c8ac04049af4b6315a41678"
        + "2bb8324af6cfc93537a2ad1a445cfd0ca2a71acd7ac41fadbf933c2a51be344d120a2a4cf30c1bf9845f20c6fe39e07ea2cce61f0c9bb048165fe5e4de877550"
        + "111e129f1cf1097710d41c4ac70fcdfa5ba2023c6ff1cbeac322de49d1b6df7c2032c61a830e3c17286de9462bf242fca2883585b93870a73853face6a6bf411"
        + "198e9393920d483a7260bfb731fb5d25f1aa493335a9e71297e485b7aef312c21800deef121f1e76426a00665e5c4479674322d4f75edadd46debd5cd992f6ed"
        + "090689d0585ff075ec9e99ad690c3395bc4b313370b38ef355acdadcd122975b12c85ea5db8c6deb4aab71808dcb408fe3d1e7690c43d37b4ce6cc0166fa7daa";

    public static Command Create()
    {
        var seconds = new Option<double>("--seconds")
        {
            Description = "Measuring time per benchmark, after a warm-up of a quarter of it.",
            DefaultValueFactory = _ => 2.0,
        };
        var command = new Command("bench", "Time the costly precompiles (KZG point evaluation, the BN254 pairing) in process.") { seconds };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var budget = parse.GetValue(seconds);
            if (!(budget > 0 && budget <= 600))
            {
                throw new CliInputException("--seconds: give a positive number of seconds (at most 600).");
            }

            var pointEvaluation = Measure(PointEvaluationPrecompile.Instance, PointEvaluationInput(), budget);
            var pairing = Measure(Bn254PairingPrecompile.Instance, Convert.FromHexString(Bn254Jeff1), budget);
            Print("point_evaluation (0x0a), valid proof", pointEvaluation);
            Print("bn254_pairing (0x08), 2 pairs", pairing);
            if (Environment.GetEnvironmentVariable("ZKOS_CKZG_LIBRARY") is { Length: > 0 } library
                && Environment.GetEnvironmentVariable("ZKOS_KZG_TRUSTED_SETUP") is { Length: > 0 } setup)
            {
                using var native = NativeKzg.Load(library, setup);
                Print("point_evaluation (0x0a), native c-kzg", Measure(PointEvaluationPrecompile.WithNative(native), PointEvaluationInput(), budget));
            }

            // The BN254 pairing's native model for two pairs, scaled by the measured time ratio.
            var bnNative = Bn254PairingPrecompile.NativeCost(2 * Bn254PairingPrecompile.PairLength);
            var implied = bnNative * pointEvaluation.MeanMicroseconds / pairing.MeanMicroseconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"native for 0x0a implied by the BN254 model ({bnNative:N0} for 2 pairs × time ratio {pointEvaluation.MeanMicroseconds / pairing.MeanMicroseconds:F3}): {implied:N0}; charged: {PointEvaluationPrecompile.NativeCost:N0}"));
            return 0;
        }));
        return command;
    }

    /// <summary>versioned_hash ‖ z ‖ y ‖ commitment ‖ proof for <see cref="KzgVector"/>.</summary>
    private static byte[] PointEvaluationInput()
    {
        var body = Convert.FromHexString(KzgVector);
        var hash = global::System.Security.Cryptography.SHA256.HashData(body.AsSpan(64, 48));
        hash[0] = PointEvaluationPrecompile.VersionedHashVersionKzg;
        return [.. hash, .. body];
    }

    private static (int Calls, double MeanMicroseconds) Measure(IPrecompile precompile, byte[] input, double seconds)
    {
        var output = new ArrayBufferWriter<byte>(64);
        if (Run(precompile, input, output) != PrecompileStatus.Success)
        {
            throw new InvalidOperationException($"{precompile.Name} rejected its benchmark input.");
        }

        RunFor(precompile, input, output, seconds / 4);
        var (calls, elapsed) = RunFor(precompile, input, output, seconds);
        return (calls, elapsed.TotalMicroseconds / calls);
    }

    private static (int Calls, TimeSpan Elapsed) RunFor(IPrecompile precompile, byte[] input, ArrayBufferWriter<byte> output, double seconds)
    {
        var start = Stopwatch.GetTimestamp();
        var limit = TimeSpan.FromSeconds(seconds);
        int calls = 0;
        TimeSpan elapsed;
        do
        {
            Run(precompile, input, output);
            calls++;
            elapsed = Stopwatch.GetElapsedTime(start);
        }
        while (elapsed < limit);
        return (calls, elapsed);
    }

    private static PrecompileStatus Run(IPrecompile precompile, byte[] input, ArrayBufferWriter<byte> output)
    {
        output.ResetWrittenCount();
        var resources = new Resources(1UL << 40, 1UL << 40);
        return precompile.Execute(input, ref resources, output);
    }

    private static void Print(string name, (int Calls, double MeanMicroseconds) measurement) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-40} {measurement.MeanMicroseconds,10:F1} µs/call  ({measurement.Calls} calls)"));
}

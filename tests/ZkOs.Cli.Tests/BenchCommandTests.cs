// SPDX-License-Identifier: MIT
using System.Text.Json;

namespace ZkOs.Cli.Tests;

/// <summary><c>zkos bench</c>: the precompile timings and the native cost they imply for point evaluation, the EVM workloads, the STF block.</summary>
public class BenchCommandTests
{
    [Fact]
    public void Bench_ReportsThePointEvaluationTime()
    {
        var result = Zkos.Run("bench", "--seconds", "0.2", "--suite", "precompiles");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("point_evaluation (0x0a), valid proof", result.Stdout);
        Assert.Contains("bn254_pairing (0x08), 2 pairs", result.Stdout);
        Assert.Contains("bn254_pairing (0x08), 1 pair", result.Stdout);
        Assert.Contains("native for 0x0a implied by the BN254 model", result.Stdout);
        Assert.Contains("µs/call", result.Stdout);
        Assert.Contains("ecrecover (0x01)", result.Stdout);
        Assert.Contains("keccak256, 64-byte input", result.Stdout);
    }

    [Fact]
    public void Bench_Json_NamesWorkloadAndInputAsTheBenchmarkFiles()
    {
        var result = Zkos.Run("bench", "--seconds", "0.05", "--evm", EvmBenchmarks(), "--filter", "swap_math/spent", "--json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var entry = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("swap_math", entry.GetProperty("workload").GetString());
        Assert.Equal("spent", entry.GetProperty("input").GetString());
        Assert.True(entry.GetProperty("medianNs").GetDouble() > 0);
        Assert.Equal(943, entry.GetProperty("instructions").GetInt64());
        Assert.True(entry.GetProperty("gas").GetUInt64() > 21_000);
        Assert.True(entry.GetProperty("stateRootMatches").GetBoolean());
    }

    [Fact]
    public void Bench_StfBlock_ReportsTransactionsPerSecond()
    {
        var result = Zkos.Run("bench", "--seconds", "0.1", "--suite", "stf", "--transfers", "5");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("block of 5 ERC-20 transfers (forward)", result.Stdout);
        Assert.Contains("block of 5 ERC-20 transfers (proving)", result.Stdout);
        Assert.Contains("tx/s", result.Stdout);
        Assert.Contains("x the forward time", result.Stdout);
    }

    [Fact]
    public void Bench_UnknownSuite_Exit2()
    {
        var result = Zkos.Run("bench", "--suite", "nope");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--suite", result.Stderr);
    }

    [Fact]
    public void Bench_BadSeconds_OneLineOnStderrAndExit2()
    {
        var result = Zkos.Run("bench", "--seconds", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--seconds", result.Stderr);
    }

    private static string EvmBenchmarks() => ConformanceData.Path("evm-benchmarks");
}

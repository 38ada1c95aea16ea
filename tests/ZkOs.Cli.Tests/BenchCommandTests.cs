// SPDX-License-Identifier: MIT
namespace ZkOs.Cli.Tests;

/// <summary><c>zkos bench</c>: the precompile timings and the native cost they imply for point evaluation.</summary>
public class BenchCommandTests
{
    [Fact]
    public void Bench_ReportsThePointEvaluationTime()
    {
        var result = Zkos.Run("bench", "--seconds", "0.2");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("point_evaluation (0x0a), valid proof", result.Stdout);
        Assert.Contains("bn254_pairing (0x08), 2 pairs", result.Stdout);
        Assert.Contains("native for 0x0a implied by the BN254 model", result.Stdout);
        Assert.Contains("µs/call", result.Stdout);
    }

    [Fact]
    public void Bench_BadSeconds_OneLineOnStderrAndExit2()
    {
        var result = Zkos.Run("bench", "--seconds", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--seconds", result.Stderr);
    }
}

// SPDX-License-Identifier: MIT
using System.Text.Json;

namespace ZkOs.Cli.Tests;

/// <summary><c>zkos witness</c> and <c>zkos prove-run</c>: the prover's input and the proving run over it alone.</summary>
public sealed class ProvingCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zkos-witness-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void WitnessThenProveRun_GiveTheForwardPublicInput()
    {
        var path = Path.Combine(_folder, "sample.witness");
        var forward = Zkos.Run("run");
        var publicInput = forward.Stdout.Split('\n').Single(l => l.StartsWith("public input: ", StringComparison.Ordinal))["public input: ".Length..].Trim();

        var witness = Zkos.Run("witness", "-o", path);
        Assert.Equal(0, witness.ExitCode);
        Assert.Contains($"public input {publicInput}", witness.Stdout);
        Assert.True(File.Exists(path));

        var proved = Zkos.Run("prove-run", path);
        Assert.Equal(0, proved.ExitCode);
        Assert.Contains($"public input  {publicInput}", proved.Stdout);
        Assert.Matches(@"words         (0x[0-9a-f]{8} ){7}0x[0-9a-f]{8}", proved.Stdout);
        Assert.Contains("next free slot 15", proved.Stdout);
        Assert.Matches(@"witness       \d+ words read", proved.Stdout);
        Assert.Matches(@"arena         \d+ bytes at the high-water mark", proved.Stdout);

        var json = Zkos.Run("prove-run", path, "--json");
        Assert.Equal(0, json.ExitCode);
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal(publicInput, document.RootElement.GetProperty("publicInput").GetString());
        Assert.Equal(8, document.RootElement.GetProperty("publicInputWords").GetArrayLength());
    }

    [Fact]
    public void ProveRun_ATruncatedWitness_FailsWithTheReason()
    {
        var path = Path.Combine(_folder, "sample.witness");
        Assert.Equal(0, Zkos.Run("witness", "-o", path).ExitCode);
        var lines = File.ReadAllLines(path);
        File.WriteAllLines(path, lines[..^10]);

        var result = Zkos.Run("prove-run", path);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the proving run failed after reading", result.Stderr);
        Assert.Contains("the witness ends after", result.Stderr);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void ProveRun_AMalformedWitnessFile_IsReportedWithItsLine()
    {
        var path = Path.Combine(_folder, "bad.witness");
        File.WriteAllText(path, "00000001\nnot-a-word\n");

        var result = Zkos.Run("prove-run", path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{path}:2:", result.Stderr);
    }

    [Fact]
    public void ProveRun_AMissingFile_IsAUserError()
    {
        var result = Zkos.Run("prove-run", Path.Combine(_folder, "missing.witness"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot read the witness", result.Stderr);
    }
}

// SPDX-License-Identifier: MIT
using System.Text.Json;

namespace ZkOs.Cli.Tests;

/// <summary><c>zkos run</c>: the README's main job, on the embedded sample block.</summary>
public class RunCommandTests
{
    [Fact]
    public void Run_NoArguments_RunsTheSampleBlockAndPrintsThePublicInput()
    {
        var result = Zkos.Run("run");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("block 1: 9 transactions", result.Stdout);
        Assert.DoesNotContain("invalid", result.Stdout);
        Assert.Contains("state after:  root 0x", result.Stdout);
        Assert.Contains("public input: 0x", result.Stdout);
        Assert.Contains("batch public input (one-block batch, keccak): 0x", result.Stdout);
    }

    [Fact]
    public void Run_Json_HasEverythingThePublicInputIsComputedFrom()
    {
        var result = Zkos.Run("run", "--json", "--with-tree");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(9, root.GetProperty("transactions").GetArrayLength());
        Assert.StartsWith("0x", root.GetProperty("pubdata").GetString());
        Assert.Equal(15, root.GetProperty("stateCommitment").GetProperty("nextFreeSlot").GetInt32());
        Assert.StartsWith("0x", root.GetProperty("batchPublicInput").GetString());
        var parts = root.GetProperty("publicInputParts");
        Assert.Equal(270, parts.GetProperty("chainId").GetInt32());
        Assert.Equal(256, parts.GetProperty("blockHashes").GetArrayLength());
        Assert.Equal(1, parts.GetProperty("l1TxHashes").GetArrayLength());
        Assert.Equal(3, parts.GetProperty("l2ToL1Logs").GetArrayLength());
        Assert.Equal(15, root.GetProperty("tree").GetArrayLength());
    }

    [Fact]
    public void Run_WithState_KeepsTheChain_AndRefusesTheSameBlockTwice()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"zkos-chain-{Guid.NewGuid():N}");
        try
        {
            Assert.Equal(0, Zkos.Run("run", "--state", folder).ExitCode);
            Assert.True(File.Exists(Path.Combine(folder, "state.db")));

            var again = Zkos.Run("run", "--state", folder);

            Assert.Equal(1, again.ExitCode);
            Assert.Contains("cannot follow the stored head, block 1", again.Stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Run_BadBlockFile_NamesTheFileAndTheField()
    {
        var path = Path.Combine(Path.GetTempPath(), $"zkos-block-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{ "chainId": 270, "genesis": [], "block": { "number": 1 }, "transactions": [] }""");
        try
        {
            var result = Zkos.Run("run", path);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(path, result.Stderr);
            Assert.Contains("$.block.timestamp", result.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

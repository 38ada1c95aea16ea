// SPDX-License-Identifier: MIT

namespace ZkOs.Cli.Tests;

/// <summary><c>zkos replay</c> on the shared mainnet block (read in place) and on bad folders.</summary>
public sealed class ReplayCommandTests
{
    [Fact]
    public void Replay_Block22244135_EveryTransactionMatchesAndExits0()
    {
        var result = Zkos.Run("replay", MainnetBlock());

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  0 0xaa7e65e597da35e0836ac7fc871c5e2c7f5d9a24596c622e98b43a09faf1dd0e status success/success gas 55672/55672 logs ok state ok ok", result.Stdout);
        Assert.EndsWith("125 matched, 0 mismatched", result.Stdout.TrimEnd());
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public void Replay_Json_OneObjectPerTransactionAndASummary()
    {
        var result = Zkos.Run("replay", MainnetBlock(), "--json");

        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(126, lines.Length);
        Assert.StartsWith("{\"index\":0,\"hash\":\"0xaa7e65e597da35e0836ac7fc871c5e2c7f5d9a24596c622e98b43a09faf1dd0e\",\"match\":true", lines[0]);
        Assert.StartsWith("{\"block\":22244135,\"matched\":125,\"mismatched\":0", lines[^1]);
    }

    [Fact]
    public void Replay_MissingDirectory_OneLineAndExit2()
    {
        var result = Zkos.Run("replay", "/nonexistent/block");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("zkos: /nonexistent/block: no such directory", result.Stderr.TrimEnd());
    }

    [Fact]
    public void Replay_MalformedFile_NamesTheFileAndExits2()
    {
        var directory = Directory.CreateTempSubdirectory("zkos-replay-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "block.json"), "{");

            var result = Zkos.Run("replay", directory.FullName);

            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("zkos: ", result.Stderr);
            Assert.Contains("block.json: not valid JSON", result.Stderr);
            Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string MainnetBlock() => ConformanceData.Path("mainnet-blocks/22244135");
}

// SPDX-License-Identifier: MIT
namespace ZkOs.Cli.Tests;

/// <summary>The commands as the README tells a new user to run them.</summary>
public class CliTests
{
    [Fact]
    public void Ees_DefaultConfiguration_ListsTheSamplePlugin()
    {
        var result = Zkos.Run("ees");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("StackVm", result.Stdout);
        Assert.Contains("plugins", result.Stdout);
    }

    [Fact]
    public void Exec_Factorial_PrintsStatusResourcesAndReturnData()
    {
        var result = Zkos.Run("exec", "--ee", "3", "--code", Zkos.ProgramPath("factorial.hex"), "--calldata", "0x05");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("status:      returned", result.Stdout);
        Assert.Contains("ergs used:   1196 of", result.Stdout);
        Assert.Contains("native used: 2515 of", result.Stdout);
        Assert.Contains("return data: 0x" + new string('0', 62) + "78", result.Stdout);
    }

    [Fact]
    public void Exec_Call_ReportsTheCallRequest()
    {
        var result = Zkos.Run("exec", "--ee", "3", "--code", Zkos.ProgramPath("call.hex"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("call:        0x0000000000000000000000000000000000001234", result.Stdout);
    }

    [Fact]
    public void Exec_Fault_ExitsWith1AndNamesTheError()
    {
        var result = Zkos.Run("exec", "--ee", "3", "--code", "0xff");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("failed (InvalidOpcode)", result.Stdout);
    }

    [Fact]
    public void Exec_ErgsOption_LimitsTheFrame()
    {
        var result = Zkos.Run("exec", "--ee", "3", "--code", Zkos.ProgramPath("factorial.hex"), "--calldata", "0x05", "--ergs", "100");

        Assert.Contains("failed (OutOfErgs)", result.Stdout);
        Assert.Contains("ergs used:   100 of 100", result.Stdout);
    }

    [Theory]
    [InlineData(new[] { "exec", "--ee", "3", "--code", "0xzz" }, "invalid hex digit 'z' at index 2")]
    [InlineData(new[] { "exec", "--ee", "9", "--code", "00" }, "no execution environment with type 9")]
    [InlineData(new[] { "exec", "--ee", "0", "--code", "00" }, "not an EE type byte")]
    public void Exec_BadInput_OneLineOnStderrAndExit2(string[] args, string message)
    {
        var result = Zkos.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("zkos: ", result.Stderr);
        Assert.Contains(message, result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void Ees_BadConfiguration_ReportsFileLineAndColumn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"zkos-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\n  \"mode\": \"fast\"\n}\n");
        try
        {
            var result = Zkos.Run("ees", "--config", path);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"{path}:2:", result.Stderr);
            Assert.Contains("mode \"fast\"", result.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Ees_ConfigWithMissingPlugin_NamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"zkos-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ \"executionEnvironments\": [ { \"type\": 5, \"plugin\": \"nowhere/Vm.dll\" } ] }");
        try
        {
            var result = Zkos.Run("ees", "--config", path);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains("nowhere/Vm.dll", result.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

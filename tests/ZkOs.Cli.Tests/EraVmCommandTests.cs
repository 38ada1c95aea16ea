// SPDX-License-Identifier: MIT
using System.Text.Json;

namespace ZkOs.Cli.Tests;

/// <summary><c>zkos harness</c> and <c>zkos exec --ee 2</c> on the shared EraVM data (read in place).</summary>
public class EraVmCommandTests
{
    [Fact]
    public void Harness_Manifest_EveryRunnableProgramPassesAndSkipsAreNamed()
    {
        var result = Zkos.Run("harness", EraVmData("harness/tests_manifest.json"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("51 passed, 0 failed", result.Stdout);
        Assert.Contains("skipped   eip4844::test_eip4844: the manifest names no program", result.Stdout);
        Assert.Contains("skipped   uma::test_uma_kernel_static_reads: ignored in the manifest", result.Stdout);
    }

    [Fact]
    public void ExecEe2_Fib10_Returns89()
    {
        var bytecode = JsonDocument.Parse(File.ReadAllText(EraVmData("contracts/Fib.hardhat-deploy.json"))).RootElement.GetProperty("bytecode").GetString()!;
        var code = Path.Combine(Path.GetTempPath(), $"zkos-fib-{Environment.ProcessId}.hex");
        File.WriteAllText(code, bytecode);
        try
        {
            var result = Zkos.Run("exec", "--ee", "2", "--code", code, "--calldata", "0xc6c2ea17" + new string('0', 62) + "0a");

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("ee:          2 EraVM", result.Stdout);
            Assert.Contains("status:      returned", result.Stdout);
            Assert.Contains("return data: 0x" + new string('0', 62) + "59", result.Stdout);
        }
        finally
        {
            File.Delete(code);
        }
    }

    [Fact]
    public void ExecEe2_VmTwosCallFar_FailsWithEveryErgSpent()
    {
        var result = Zkos.Run("exec", "--ee", "2", "--code", EraVmData("vm2/call_far.zbin"), "--ergs", "1000000");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("status:      failed", result.Stdout);
        Assert.Contains("ergs used:   1000000 of 1000000", result.Stdout);
    }

    private static string EraVmData(string relative) => ConformanceData.Path("eravm/" + relative);
}

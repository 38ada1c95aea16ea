// SPDX-License-Identifier: MIT
using ZkOs.EraVm.Harness;

namespace ZkOs.EraVm.Tests;

/// <summary>
/// The zk_evm harness's self-checking programs (conformance/eravm/harness), run as its manifest says:
/// every runnable test must end with ret.ok within its cycle limit and never reach a revert("...").
/// </summary>
public sealed class HarnessTests
{
    private static readonly Lazy<IReadOnlyList<HarnessResult>> Results =
        new(() => HarnessRunner.RunManifest(SharedData.EraVm("harness/tests_manifest.json")));

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var result in Results.Value)
        {
            data.Add(result.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void HarnessProgram_RunAsTheManifestSays_EndsWithRetOk(string name)
    {
        var result = Results.Value.Single(r => r.Name == name);
        Assert.True(result.Outcome != HarnessOutcome.Failed, $"{name}: {result.Detail}");
    }

    [Fact]
    public void HarnessManifest_OnlyIgnoredOrProgramLessTestsAreSkipped()
    {
        var skipped = Results.Value.Where(r => r.Outcome is HarnessOutcome.Ignored or HarnessOutcome.NoProgram).Select(r => r.Name).Order().ToArray();
        Assert.Equal(["asm_tests::test_manual_asm", "eip4844::test_eip4844", "uma::test_uma_kernel_static_reads"], skipped);
    }

    [Fact]
    public void HarnessRunner_ProgramReachingRevert_Fails()
    {
        const string source = """
            __entry:
            .main:
                add 1, r0, r1
                sub! 1, r1, r0
                jump.eq @bad
                ret.ok r0
            bad:
                revert("taken")
            """;
        var result = HarnessRunner.Run("revert", source, [], null, 50);
        Assert.Equal(HarnessOutcome.Failed, result.Outcome);
        Assert.Contains("taken", result.Detail);
    }
}

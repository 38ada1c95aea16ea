// SPDX-License-Identifier: MIT
using System.CommandLine;
using ZkOs.EraVm.Harness;

namespace ZkOs.Cli.Commands;

/// <summary>
/// <c>zkos harness &lt;tests_manifest.json&gt;</c>: runs every self-checking EraVM program of the zk_evm
/// harness the manifest lists, prints a line per failure and ends with the counts.
/// </summary>
internal static class HarnessCommand
{
    public static Command Create()
    {
        var manifest = new Argument<FileInfo>("manifest") { Description = "The harness's tests_manifest.json." };
        var verbose = new Option<bool>("--verbose") { Description = "Also print passing, ignored and program-less tests." };
        var command = new Command("harness", "Run the zk_evm harness programs (EraVM) a tests_manifest.json lists.") { manifest, verbose };
        command.SetAction(parse => CommandRunner.Run(() =>
        {
            var results = HarnessRunner.RunManifest(parse.GetValue(manifest)!.FullName);
            foreach (var result in results)
            {
                if (result.Outcome == HarnessOutcome.Failed || parse.GetValue(verbose))
                {
                    Console.WriteLine($"{result.Outcome.ToString().ToLowerInvariant(),-9} {result.Name}: {result.Detail}");
                }
            }
            var passed = results.Count(r => r.Outcome == HarnessOutcome.Passed);
            var failed = results.Count(r => r.Outcome == HarnessOutcome.Failed);
            var ignored = results.Where(r => r.Outcome is HarnessOutcome.Ignored or HarnessOutcome.NoProgram).ToList();
            foreach (var skip in ignored.Where(_ => !parse.GetValue(verbose)))
            {
                Console.WriteLine($"skipped   {skip.Name}: {skip.Detail}");
            }
            Console.WriteLine($"{passed} passed, {failed} failed");
            return failed == 0 ? 0 : 1;
        }));
        return command;
    }
}

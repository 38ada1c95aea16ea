// SPDX-License-Identifier: MIT
namespace ZkOs.Cli.Commands;

/// <summary>
/// One evm-benchmarks case measured: <see cref="Group"/> is the folder (main, micro), <see cref="Workload"/>
/// the test's name and <see cref="Input"/> the data index's label, as the benchmark files name them.
/// <see cref="StateRootMatches"/> says the run produced the post-state the file expects.
/// </summary>
internal sealed record BenchEvmWorkload(
    string Group, string Workload, string Input, BenchTimings Timings, long Instructions, ulong Gas, bool StateRootMatches)
{
    public double NsPerInstruction => Instructions == 0 ? 0 : Timings.MedianNs / Instructions;

    public double GasPerSecond => Timings.MedianNs == 0 ? 0 : Gas / (Timings.MedianNs / 1e9);
}

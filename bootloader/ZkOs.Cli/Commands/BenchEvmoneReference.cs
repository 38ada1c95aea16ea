// SPDX-License-Identifier: MIT
namespace ZkOs.Cli.Commands;

/// <summary>
/// evmone v0.15.0 (baseline interpreter) on the main evm-benchmarks, measured on the same kind of machine
/// (the figures): the yardstick for the ratio column. One input per workload; where a workload
/// has several, the figure is for the input named here.
/// </summary>
internal static class BenchEvmoneReference
{
    /// <summary>(workload, input) → evmone's time in nanoseconds.</summary>
    public static IReadOnlyDictionary<(string Workload, string Input), double> Nanoseconds { get; } =
        new Dictionary<(string, string), double>
        {
            [("snailtracer", "benchmark")] = 29.7e6,
            [("blake2b_huff", "8415nulls")] = 0.72e6,
            [("blake2b_shifts", "8415nulls")] = 6.2e6,
            [("sha1_divs", "5311")] = 3.76e6,
            [("sha1_shifts", "5311")] = 1.78e6,
            [("weierstrudel", "15")] = 2.0e6,
            [("structarray_alloc", "nfts_rank")] = 0.43e6,
            [("swap_math", "spent")] = 1.9e3,
        };

    /// <summary>libsecp256k1's ecrecover, for the precompile line.</summary>
    public const double EcrecoverNs = 49e3;

    /// <summary>evmone's BN254 pairing cost per pair.</summary>
    public const double Bn254PairNs = 300e3;
}

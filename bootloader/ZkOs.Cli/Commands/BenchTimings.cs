// SPDX-License-Identifier: MIT
namespace ZkOs.Cli.Commands;

/// <summary>The timed runs of one benchmark, in nanoseconds: the median is the figure, min and max its range.</summary>
internal sealed record BenchTimings(int Runs, double MedianNs, double MinNs, double MaxNs)
{
    public static BenchTimings From(List<double> nanoseconds)
    {
        if (nanoseconds.Count == 0)
        {
            throw new ArgumentException("No timed run.", nameof(nanoseconds));
        }
        nanoseconds.Sort();
        var n = nanoseconds.Count;
        var median = n % 2 == 1 ? nanoseconds[n / 2] : (nanoseconds[(n / 2) - 1] + nanoseconds[n / 2]) / 2;
        return new BenchTimings(n, median, nanoseconds[0], nanoseconds[^1]);
    }
}

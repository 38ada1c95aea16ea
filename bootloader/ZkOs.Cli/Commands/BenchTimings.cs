// SPDX-License-Identifier: MIT
using System.Diagnostics;
namespace ZkOs.Cli.Commands;

/// <summary>The timed runs of one benchmark, in nanoseconds: the median is the figure, min and max its range.</summary>
internal sealed record BenchTimings(int Runs, double MedianNs, double MinNs, double MaxNs)
{
    /// <summary>
    /// Runs <paramref name="timedRun"/> (which returns the nanoseconds of its timed part) for a quarter
    /// of <paramref name="seconds"/> as warm-up, then at least <paramref name="minRuns"/> times and until
    /// <paramref name="seconds"/> have passed, and summarises the samples.
    /// </summary>
    public static BenchTimings Measure(Func<double> timedRun, double seconds, int minRuns)
    {
        var warmUpEnd = Stopwatch.GetTimestamp() + (long)(seconds / 4 * Stopwatch.Frequency);
        do
        {
            timedRun();
        }
        while (Stopwatch.GetTimestamp() < warmUpEnd);

        // The budget counts untimed setup too, so a workload whose setup dwarfs its run still ends on time.
        var samples = new List<double>();
        var end = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        while (samples.Count < minRuns || Stopwatch.GetTimestamp() < end)
        {
            samples.Add(timedRun());
        }
        return From(samples);
    }

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

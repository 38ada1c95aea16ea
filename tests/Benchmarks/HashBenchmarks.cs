// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ZkOs.Framework.Crypto;

namespace ZkOs.Benchmarks;

/// <summary>
/// One-shot Keccak-256 and BLAKE2s-256 over short (one storage key), medium and long inputs. The
/// "MB/s" column is input bytes per second of the mean, in 10^6 bytes.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class HashBenchmarks
{
    private byte[] _input = [];
    private readonly byte[] _output = new byte[32];

    [Params(32, 1024, 1024 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = new byte[Size];
        new Random(42).NextBytes(_input);
    }

    [Benchmark(Baseline = true)]
    public void Keccak256Hash() => Keccak256.Hash(_input, _output);

    [Benchmark]
    public void Blake2s256Hash() => Blake2s256.Hash(_input, _output);

    /// <summary>Adds the throughput column; nested so the suite stays one file.</summary>
    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new ThroughputColumn());
    }

    /// <summary>Megabytes (10^6 bytes) hashed per second, from the mean time and the Size parameter.</summary>
    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "Throughput";
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Input megabytes (10^6 bytes) hashed per second, from the mean";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            var size = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == nameof(Size))?.Value;
            if (report?.ResultStatistics is not { } stats || size is not int bytes)
                return "-";
            double seconds = stats.Mean / 1e9;
            return (bytes / seconds / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}

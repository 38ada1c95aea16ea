// SPDX-License-Identifier: MIT
using System.Diagnostics;
using Xunit.Abstractions;
using ZkOs.Bootloader.Conformance.StateTests;

namespace ZkOs.Bootloader.Tests.Conformance;

/// <summary>The whole GeneralStateTests directory (2,704 files, read in place) and the benchmarks.</summary>
public sealed class StateTestDirectoryTests(ITestOutputHelper output)
{
    [Fact]
    public void WholeGeneralStateTestsDirectoryLoads()
    {
        var watch = Stopwatch.StartNew();
        var files = StateTestCatalog.FindFiles([ConformanceData.StateTests]);
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        int tests = 0, cases = 0, cancun = 0, expectException = 0;
        var types = new int[4];
        var typeMismatches = new List<string>();
        foreach (var file in files)
        {
            IReadOnlyList<StateTest> loaded;
            try
            {
                loaded = file.Load();
            }
            catch (StateTestFormatException e)
            {
                errors.Add(e.Message);
                continue;
            }
            tests += loaded.Count;
            foreach (var c in loaded.SelectMany(t => t.Cases))
            {
                cases++;
                Assert.True(names.Add(c.Name), $"duplicate case name {c.Name}");
                // The inferred type must be the one the case's signed transaction has: txbytes is an
                // EIP-2718 envelope (first byte = type) for typed transactions, an RLP list (>= 0xc0) otherwise.
                int signedType = c.TxBytes.Span[0] >= 0xc0 ? 0 : c.TxBytes.Span[0];
                if ((int)c.Transaction.Type != signedType)
                {
                    typeMismatches.Add($"{c.Name}: inferred {c.Transaction.Type}, txbytes type {signedType}");
                }
                if (string.Equals(c.Fork, "Cancun", StringComparison.Ordinal))
                {
                    cancun++;
                    types[(int)c.Transaction.Type]++;
                    expectException += c.ExpectException is null ? 0 : 1;
                }
            }
        }
        watch.Stop();

        output.WriteLine($"{files.Count} files, {tests} tests, {cases} cases, {cancun} Cancun cases ({expectException} expecting an exception; types 0/1/2/3: {string.Join('/', types)}), loaded in {watch.Elapsed.TotalSeconds:F2} s");
        Assert.Empty(errors);
        Assert.Empty(typeMismatches);
        Assert.Equal(2704, files.Count);
        Assert.Equal(4002, tests);
        Assert.Equal(21442, cases);
        Assert.Equal(20969, cancun);
        Assert.Equal(1166, expectException);
        Assert.All(types, count => Assert.True(count > 0));
    }

    [Fact]
    public void CatalogEnumeratesTheDefaultForkInStableOrder()
    {
        var directory = Path.Combine(ConformanceData.StateTests, "stExample");
        var first = StateTestCatalog.EnumerateCases([directory]).Select(c => c.Name).ToList();
        var second = StateTestCatalog.EnumerateCases([directory], "cancun").Select(c => c.Name).ToList();
        Assert.Equal(first, second);
        Assert.Equal("accessListExample.json::accessListExample::Cancun[0,0,0]", first[0]);
        var files = first.Select(n => n[..n.IndexOf("::", StringComparison.Ordinal)]).Distinct().ToList();
        Assert.Equal(files.Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void FileNamesAreRelativeToTheDirectoryGiven()
    {
        var files = StateTestCatalog.FindFiles([ConformanceData.StateTests, ConformanceData.StateTest("stExample/add11.json")]);
        Assert.Equal(2704, files.Count); // the file given again is listed once
        Assert.Contains(files, f => f.Name == "Pyspecs/cancun/eip4844_blobs/invalid_tx_blob_count.json");
        Assert.DoesNotContain(files, f => f.Name.EndsWith(".stub", StringComparison.Ordinal));

        var single = Assert.Single(StateTestCatalog.FindFiles([ConformanceData.StateTest("stExample/add11.json")]));
        Assert.Equal("add11.json", single.Name);
    }

    [Fact]
    public void MissingPathIsReported()
    {
        var missing = Path.Combine(ConformanceData.StateTests, "no-such-thing");
        var error = Assert.Throws<FileNotFoundException>(() => StateTestCatalog.FindFiles([missing]));
        Assert.Contains("no-such-thing", error.Message);
    }

    [Fact]
    public void BenchmarksLoadForLondon()
    {
        var files = StateTestCatalog.FindFiles([ConformanceData.Benchmarks]);
        Assert.Equal(14, files.Count);
        Assert.Equal("main/blake2b_huff.json", files[0].Name);
        var cases = files.SelectMany(f => f.LoadCases("London")).ToList();
        Assert.Equal(27, cases.Count);
        Assert.All(files, f => Assert.Single(f.Load()));
        Assert.Empty(StateTestCatalog.EnumerateCases([ConformanceData.Benchmarks]));
    }
}

// SPDX-License-Identifier: MIT
using BenchmarkDotNet.Running;

namespace ZkOs.Benchmarks;

public static class Program
{
    public static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

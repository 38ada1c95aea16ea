// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Sandbox;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Samples.StackVm.Tests;

/// <summary>Runs StackVm programs, written as hex, through the sandbox executor.</summary>
internal static class StackVmRunner
{
    public static SandboxResult Run(string hex, ulong argument = 0, ulong ergs = 1_000_000, ulong native = 1_000_000, StackVmVersion version = StackVmVersion.V2, bool isStatic = false)
    {
        var environment = new StackVmEnvironment { InstructionSet = version };
        var calldata = new byte[32];
        new UInt256(argument).WriteBigEndian(calldata);
        return SandboxExecutor.Run(environment, Hex.Decode(hex.Replace(" ", "")), calldata, new Resources(ergs, native), isStatic: isStatic);
    }

    public static string Program(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Programs", name));
        return string.Concat(lines.Select(l => (l.IndexOf('#') is var i and >= 0 ? l[..i] : l).Replace(" ", "")));
    }

    public static UInt256 Word(ReadOnlySpan<byte> data) => UInt256.ReadBigEndian(data);
}

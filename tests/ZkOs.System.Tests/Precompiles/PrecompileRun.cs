// SPDX-License-Identifier: MIT
using System.Buffers;
using ZkOs.Framework.Execution;
using ZkOs.System.Precompiles;

namespace ZkOs.System.Tests.Precompiles;

/// <summary>One precompile call: its status, output and the resources left afterwards.</summary>
internal readonly record struct PrecompileRun(PrecompileStatus Status, byte[] Output, Resources Left)
{
    /// <summary>Plenty of both resources: enough for any test input that is meant to succeed.</summary>
    public static Resources Ample => new(1UL << 50, 1UL << 60);

    public static PrecompileRun Execute(IPrecompile precompile, ReadOnlySpan<byte> input) =>
        Execute(precompile, input, Ample);

    public static PrecompileRun Execute(IPrecompile precompile, ReadOnlySpan<byte> input, Resources resources)
    {
        var output = new ArrayBufferWriter<byte>();
        var status = precompile.Execute(input, ref resources, output);
        return new PrecompileRun(status, output.WrittenSpan.ToArray(), resources);
    }

    public static PrecompileRun Execute(IPrecompile precompile, string hexInput, Resources resources) =>
        Execute(precompile, Convert.FromHexString(hexInput), resources);

    public static PrecompileRun Execute(IPrecompile precompile, string hexInput) =>
        Execute(precompile, Convert.FromHexString(hexInput), Ample);

    public string OutputHex => Convert.ToHexStringLower(Output);

    /// <summary>Ergs consumed from <see cref="Ample"/>.</summary>
    public ulong ErgsUsed => Ample.Ergs - Left.Ergs;

    /// <summary>Native consumed from <see cref="Ample"/>.</summary>
    public ulong NativeUsed => Ample.Native - Left.Native;
}

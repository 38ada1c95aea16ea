// SPDX-License-Identifier: MIT
using System.Buffers;
using ZkOs.Framework.Execution;

namespace ZkOs.System.Precompiles;

/// <summary>Identity (data copy) at 0x04: the output is the input.</summary>
public sealed class IdentityPrecompile : IPrecompile
{
    public const ulong BaseGas = 15;
    public const ulong GasPerWord = 3;

    /// <summary>Native model of reference/zksync-os.md §4.8: a base plus one price per copied byte.</summary>
    public const ulong BaseNative = 20;
    public const ulong NativePerByte = 10;

    public static IdentityPrecompile Instance { get; } = new();

    private IdentityPrecompile()
    {
    }

    public ushort Address => 0x04;

    public string Name => "identity";

    public static ulong GasCost(int inputLength) => BaseGas + GasPerWord * PrecompileCharging.Words(inputLength);

    public static ulong NativeCost(int inputLength) => BaseNative + NativePerByte * (ulong)(uint)inputLength;

    public PrecompileStatus Execute(ReadOnlySpan<byte> input, ref Resources resources, IBufferWriter<byte> output)
    {
        var status = PrecompileCharging.Charge(ref resources, GasCost(input.Length), NativeCost(input.Length));
        if (status != PrecompileStatus.Success)
            return status;
        if (!input.IsEmpty)
        {
            input.CopyTo(output.GetSpan(input.Length));
            output.Advance(input.Length);
        }
        return PrecompileStatus.Success;
    }
}

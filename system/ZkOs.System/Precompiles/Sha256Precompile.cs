// SPDX-License-Identifier: MIT
using System.Buffers;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Execution;

namespace ZkOs.System.Precompiles;

/// <summary>SHA-256 at 0x02: the 32-byte digest of the whole input.</summary>
public sealed class Sha256Precompile : IPrecompile
{
    public const ulong BaseGas = 60;
    public const ulong GasPerWord = 12;

    /// <summary>Native model of reference/zksync-os.md §4.8: a base plus a price per padded 64-byte block.</summary>
    public const ulong BaseNative = 1_600;
    public const ulong NativePerBlock = 4_200;

    public static Sha256Precompile Instance { get; } = new();

    private Sha256Precompile()
    {
    }

    public ushort Address => 0x02;

    public string Name => "sha256";

    public static ulong GasCost(int inputLength) => BaseGas + GasPerWord * PrecompileCharging.Words(inputLength);

    public static ulong NativeCost(int inputLength) =>
        PrecompileCharging.PaddedBlockHashNative(inputLength, BaseNative, NativePerBlock);

    public PrecompileStatus Execute(ReadOnlySpan<byte> input, ref Resources resources, IBufferWriter<byte> output)
    {
        var status = PrecompileCharging.Charge(ref resources, GasCost(input.Length), NativeCost(input.Length));
        if (status != PrecompileStatus.Success)
            return status;
        Sha256Hash.Hash(input, output.GetSpan(Sha256Hash.OutputSize));
        output.Advance(Sha256Hash.OutputSize);
        return PrecompileStatus.Success;
    }
}

// SPDX-License-Identifier: MIT
using System.Buffers;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Execution;

namespace ZkOs.System.Precompiles;

/// <summary>RIPEMD-160 at 0x03: the 20-byte digest, left-padded with zeros to a 32-byte word.</summary>
public sealed class Ripemd160Precompile : IPrecompile
{
    public const ulong BaseGas = 600;
    public const ulong GasPerWord = 120;

    /// <summary>Same native model as SHA-256 (reference/zksync-os.md §4.8): RIPEMD-160 also compresses 64-byte blocks.</summary>
    public const ulong BaseNative = 1_600;
    public const ulong NativePerBlock = 4_200;

    private const int OutputSize = 32;
    private const int Padding = OutputSize - Ripemd160Hash.OutputSize;

    public static Ripemd160Precompile Instance { get; } = new();

    private Ripemd160Precompile()
    {
    }

    public ushort Address => 0x03;

    public string Name => "ripemd160";

    public static ulong GasCost(int inputLength) => BaseGas + GasPerWord * PrecompileCharging.Words(inputLength);

    public static ulong NativeCost(int inputLength) =>
        PrecompileCharging.PaddedBlockHashNative(inputLength, BaseNative, NativePerBlock);

    public PrecompileStatus Execute(ReadOnlySpan<byte> input, ref Resources resources, IBufferWriter<byte> output)
    {
        var status = PrecompileCharging.Charge(ref resources, GasCost(input.Length), NativeCost(input.Length));
        if (status != PrecompileStatus.Success)
            return status;
        var word = output.GetSpan(OutputSize)[..OutputSize];
        word[..Padding].Clear();
        Ripemd160Hash.Hash(input, word[Padding..]);
        output.Advance(OutputSize);
        return PrecompileStatus.Success;
    }
}

// SPDX-License-Identifier: MIT
using System.Buffers;
using ZkOs.Framework.Execution;
using ZkOs.System.Precompiles.Bn254;
using G1 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>, ZkOs.System.Precompiles.Bn254.Bn254G1Params>;

namespace ZkOs.System.Precompiles;

/// <summary>
/// BN254 (alt_bn128) point addition at 0x06 (EIP-196, repriced by EIP-1108): two G1 points in, their
/// sum out (64 bytes). The input is right-padded with zeros to 128 bytes and extra bytes are ignored.
/// </summary>
public sealed class Bn254AddPrecompile : IPrecompile
{
    public const ulong Gas = 150;

    /// <summary>Native cost, reference/zksync-os.md §4.8.</summary>
    public const ulong Native = 52_600;

    private const int _inputLength = 2 * Bn254Encoding.G1Length;

    public static Bn254AddPrecompile Instance { get; } = new();

    private Bn254AddPrecompile()
    {
    }

    public ushort Address => 0x06;

    public string Name => "bn254_ecadd";

    public PrecompileStatus Execute(ReadOnlySpan<byte> input, ref Resources resources, IBufferWriter<byte> output)
    {
        var status = resources.Charge(Gas * Resources.ErgsPerGas, Native);
        if (status != ResourceStatus.Ok)
        {
            return status == ResourceStatus.OutOfNative ? PrecompileStatus.OutOfNative : PrecompileStatus.OutOfErgs;
        }

        Span<byte> padded = stackalloc byte[_inputLength];
        padded.Clear();
        input[..Math.Min(input.Length, _inputLength)].CopyTo(padded);

        if (!Bn254Encoding.TryReadG1(padded[..Bn254Encoding.G1Length], out G1 a)
            || !Bn254Encoding.TryReadG1(padded[Bn254Encoding.G1Length..], out G1 b))
        {
            return PrecompileStatus.InvalidInput;
        }

        G1.Add(in a, in b, out var sum);
        Bn254Encoding.WriteG1(in sum, output.GetSpan(Bn254Encoding.G1Length));
        output.Advance(Bn254Encoding.G1Length);
        return PrecompileStatus.Success;
    }
}

// SPDX-License-Identifier: MIT
using System.Buffers;
using System.Buffers.Binary;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.System.Precompiles.Bn254;
using G1 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>, ZkOs.System.Precompiles.Bn254.Bn254G1Params>;

namespace ZkOs.System.Precompiles;

/// <summary>
/// BN254 (alt_bn128) scalar multiplication at 0x07 (EIP-196, repriced by EIP-1108): a G1 point and a
/// 256-bit big-endian scalar (not reduced modulo r) in, the product out (64 bytes). The input is
/// right-padded with zeros to 96 bytes and extra bytes are ignored.
/// </summary>
public sealed class Bn254MulPrecompile : IPrecompile
{
    public const ulong Gas = 6000;

    /// <summary>Native cost, reference/zksync-os.md §4.8.</summary>
    public const ulong Native = 1_073_000;

    private const int _inputLength = Bn254Encoding.G1Length + 32;

    public static Bn254MulPrecompile Instance { get; } = new();

    private Bn254MulPrecompile()
    {
    }

    public ushort Address => 0x07;

    public string Name => "bn254_ecmul";

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

        if (!Bn254Encoding.TryReadG1(padded[..Bn254Encoding.G1Length], out G1 point))
        {
            return PrecompileStatus.InvalidInput;
        }

        var scalarBytes = padded[Bn254Encoding.G1Length..];
        var scalar = new UInt256(
            BinaryPrimitives.ReadUInt64BigEndian(scalarBytes[24..]),
            BinaryPrimitives.ReadUInt64BigEndian(scalarBytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(scalarBytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(scalarBytes));

        G1.Multiply(in point, in scalar, out var product);
        Bn254Encoding.WriteG1(in product, output.GetSpan(Bn254Encoding.G1Length));
        output.Advance(Bn254Encoding.G1Length);
        return PrecompileStatus.Success;
    }
}

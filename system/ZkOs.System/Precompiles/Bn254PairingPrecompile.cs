// SPDX-License-Identifier: MIT
using System.Buffers;
using ZkOs.Framework.Execution;
using ZkOs.System.Precompiles.Bn254;
using Fq12 = ZkOs.System.Precompiles.Bn254.Fp12<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>, ZkOs.System.Precompiles.Bn254.Bn254Tower>;
using Pair = ZkOs.System.Precompiles.Bn254.G1G2Pair<ZkOs.System.Precompiles.Bn254.Fp256<ZkOs.System.Precompiles.Bn254.Bn254FpParams>>;

namespace ZkOs.System.Precompiles;

/// <summary>
/// BN254 (alt_bn128) pairing check at 0x08 (EIP-197, repriced by EIP-1108): k pairs of a G1 point
/// (64 bytes) and a G2 point (128 bytes) in, a 32-byte word out, 1 when the product of the k pairings is
/// 1 and 0 otherwise (1 for empty input). The price is charged for floor(len / 192) pairs before the
/// length is checked, as ZKsync OS does (reference/zksync-os.md §4.8).
/// </summary>
public sealed class Bn254PairingPrecompile : IPrecompile
{
    public const ulong BaseGas = 45_000;
    public const ulong GasPerPair = 34_000;

    /// <summary>Native cost, reference/zksync-os.md §4.8: the base and each pair cost the same.</summary>
    public const ulong BaseNative = 15_000_000;
    public const ulong NativePerPair = 15_000_000;

    public const int PairLength = Bn254Encoding.G1Length + Bn254Encoding.G2Length;

    public static Bn254PairingPrecompile Instance { get; } = new();

    private Bn254PairingPrecompile()
    {
    }

    public ushort Address => 0x08;

    public string Name => "bn254_pairing";

    public static ulong GasCost(int inputLength) => BaseGas + (GasPerPair * (ulong)(uint)(inputLength / PairLength));

    public static ulong NativeCost(int inputLength) => BaseNative + (NativePerPair * (ulong)(uint)(inputLength / PairLength));

    public PrecompileStatus Execute(ReadOnlySpan<byte> input, ref Resources resources, IBufferWriter<byte> output)
    {
        var status = resources.Charge(GasCost(input.Length) * Resources.ErgsPerGas, NativeCost(input.Length));
        if (status != ResourceStatus.Ok)
        {
            return status == ResourceStatus.OutOfNative ? PrecompileStatus.OutOfNative : PrecompileStatus.OutOfErgs;
        }

        if (input.Length % PairLength != 0)
        {
            return PrecompileStatus.InvalidInput;
        }

        // First pass: validate every pair (the G2 subgroup tests) before any pairing work, so invalid
        // input costs no Miller loop. The second pass decodes again (cheap) instead of keeping all pairs.
        int count = input.Length / PairLength;
        for (int i = 0; i < count; i++)
        {
            var pair = input.Slice(i * PairLength, PairLength);
            if (!Bn254Encoding.TryReadG1(pair[..Bn254Encoding.G1Length], out _, out _, out _)
                || !Bn254Encoding.TryReadG2(pair[Bn254Encoding.G1Length..], out _, out _, out _))
            {
                return PrecompileStatus.InvalidInput;
            }
        }

        bool holds = Check(input, count);

        var word = output.GetSpan(32)[..32];
        word.Clear();
        word[31] = holds ? (byte)1 : (byte)0;
        output.Advance(32);
        return PrecompileStatus.Success;
    }

    /// <summary>
    /// The check over validated input: pairs with a point at infinity contribute 1 and are skipped, the
    /// others go through the Miller loop a stack batch at a time, and one final exponentiation follows.
    /// </summary>
    private static bool Check(ReadOnlySpan<byte> input, int count)
    {
        Span<Pair> batch = stackalloc Pair[Bn254Pairing.MaxPairsPerLoop];
        var product = Fq12.One;
        bool any = false;
        int filled = 0;
        for (int i = 0; i < count; i++)
        {
            var pair = input.Slice(i * PairLength, PairLength);
            Bn254Encoding.TryReadG1(pair[..Bn254Encoding.G1Length], out var px, out var py, out bool pInfinity);
            Bn254Encoding.TryReadG2Coordinates(pair[Bn254Encoding.G1Length..], out var qx, out var qy, out bool qInfinity);
            if (pInfinity || qInfinity)
            {
                continue;
            }

            batch[filled++] = new Pair(in px, in py, in qx, in qy);
            if (filled == batch.Length)
            {
                Accumulate(batch, ref product);
                any = true;
                filled = 0;
            }
        }

        if (filled > 0)
        {
            Accumulate(batch[..filled], ref product);
            any = true;
        }

        if (!any)
        {
            return true;
        }

        Bn254Pairing.FinalExponentiation(in product, out var result);
        return Fq12.IsOne(in result);
    }

    private static void Accumulate(ReadOnlySpan<Pair> batch, ref Fq12 product)
    {
        Bn254Pairing.MillerLoop(batch, out var f);
        Fq12.Multiply(in product, in f, out product);
    }
}

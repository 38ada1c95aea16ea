// SPDX-License-Identifier: MIT
using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using ZkOs.Framework.Execution;

namespace ZkOs.System.Precompiles;

/// <summary>
/// Modular exponentiation at 0x05 (EIP-198, priced by EIP-2565). The input is base_len ‖ exp_len ‖ mod_len
/// (32-byte words) followed by the three numbers, big-endian; missing bytes read as zero, extra bytes are
/// ignored. The output is base^exp mod mod, left-padded to mod_len bytes (all zeros when mod is 0), and
/// empty when mod_len is 0.
/// </summary>
/// <remarks>
/// <para>The price is computed from the header alone, with saturating arithmetic, and charged before any
/// buffer is allocated or any number is read, so a header announcing gigabytes fails cheaply.</para>
/// <para>Native is <c>ergs × <see cref="NativePerErg"/></c>: the snapshot multiplies its per-gas constant with
/// <em>ergs</em>, not gas (reference/zksync-os.md §4.8 and §11). 200 is the value of the
/// <c>evm-compatibility</c> build (5600 otherwise); the upstream code has since moved to gas × 300.</para>
/// <para>The arithmetic is <see cref="BigInteger.ModPow"/>: correct, and it allocates, which is acceptable
/// for a precompile that prices itself per multiplication.</para>
/// </remarks>
public sealed class ModExpPrecompile : IPrecompile
{
    public const ulong MinimumGas = 200;

    /// <summary>Native charged per erg (not per gas), the snapshot's <c>evm-compatibility</c> value.</summary>
    public const ulong NativePerErg = 200;

    private const int HeaderSize = 96;

    /// <summary>
    /// Lengths the computation accepts once paid for. A length above it costs far more gas than any block
    /// holds (a base or modulus of 2^30 bytes prices at ~2^54 gas), so only formally infinite ergs can reach it.
    /// </summary>
    private const ulong MaxComputableLength = 1 << 30;

    public static ModExpPrecompile Instance { get; } = new();

    private ModExpPrecompile()
    {
    }

    public ushort Address => 0x05;

    public string Name => "modexp";

    /// <summary>
    /// EIP-2565 gas for the given input, saturating at <see cref="ulong.MaxValue"/> (which no caller can pay).
    /// </summary>
    public static ulong GasCost(ReadOnlySpan<byte> input)
    {
        ulong baseLength = ReadLength(input, 0);
        ulong exponentLength = ReadLength(input, 32);
        ulong modulusLength = ReadLength(input, 64);
        return GasCost(baseLength, exponentLength, modulusLength, ExponentHeadBitLength(input, baseLength, exponentLength));
    }

    /// <summary>
    /// EIP-2565: max(200, words² × iterations / 3) with words = ceil(max(base_len, mod_len) / 8), saturating.
    /// <paramref name="exponentHeadBits"/> is the bit length of the exponent's first min(exp_len, 32) bytes.
    /// </summary>
    public static ulong GasCost(ulong baseLength, ulong exponentLength, ulong modulusLength, int exponentHeadBits)
    {
        ulong maxLength = Math.Max(baseLength, modulusLength);
        ulong words = maxLength / 8 + (maxLength % 8 != 0 ? 1UL : 0UL);
        ulong complexity = PrecompileCharging.SaturatingMultiply(words, words);

        ulong headTerm = exponentHeadBits > 0 ? (ulong)exponentHeadBits - 1 : 0;
        ulong iterations = exponentLength <= 32
            ? headTerm
            : PrecompileCharging.SaturatingAdd(PrecompileCharging.SaturatingMultiply(exponentLength - 32, 8), headTerm);
        iterations = Math.Max(iterations, 1);

        ulong product = PrecompileCharging.SaturatingMultiply(complexity, iterations);
        // A saturated product stands for a price beyond any budget: keep it saturated rather than dividing it.
        ulong gas = product == ulong.MaxValue ? ulong.MaxValue : product / 3;
        return Math.Max(MinimumGas, gas);
    }

    public PrecompileStatus Execute(ReadOnlySpan<byte> input, ref Resources resources, IBufferWriter<byte> output)
    {
        ulong baseLength = ReadLength(input, 0);
        ulong exponentLength = ReadLength(input, 32);
        ulong modulusLength = ReadLength(input, 64);
        ulong gas = GasCost(baseLength, exponentLength, modulusLength, ExponentHeadBitLength(input, baseLength, exponentLength));

        ulong ergs = PrecompileCharging.SaturatingMultiply(gas, Resources.ErgsPerGas);
        if (ergs == ulong.MaxValue || ergs > resources.Ergs)
        {
            // Deliberate: an unaffordable modexp is an ordinary out-of-gas failure of the call, as on Ethereum.
            // Charging native first (Resources.Charge) would turn the astronomically priced native of a huge
            // header into a fatal out-of-native; the work is never done, so it is not priced in native. When
            // native could pay, it is deducted as Charge would have (the snapshot's observable result).
            ulong wouldBeNative = PrecompileCharging.SaturatingMultiply(ergs, NativePerErg);
            if (resources.Native >= wouldBeNative)
                resources.Native -= wouldBeNative;
            resources.Ergs = 0;
            return PrecompileStatus.OutOfErgs;
        }
        var status = PrecompileCharging.Charge(ref resources, gas, PrecompileCharging.SaturatingMultiply(ergs, NativePerErg));
        if (status != PrecompileStatus.Success)
            return status;

        if (modulusLength == 0)
            return PrecompileStatus.Success;
        if (baseLength > MaxComputableLength || exponentLength > MaxComputableLength || modulusLength > MaxComputableLength)
            return PrecompileStatus.InvalidInput;

        var data = input.Length > HeaderSize ? input[HeaderSize..] : default;
        var modulus = ReadNumber(data, baseLength + exponentLength, (int)modulusLength);
        int size = (int)modulusLength;
        var result = output.GetSpan(size)[..size];
        result.Clear();
        if (!modulus.IsZero && !modulus.IsOne)
        {
            var @base = ReadNumber(data, 0, (int)baseLength);
            var exponent = ReadNumber(data, baseLength, (int)exponentLength);
            var value = BigInteger.ModPow(@base, exponent, modulus);
            int written = value.GetByteCount(isUnsigned: true);
            value.TryWriteBytes(result[(size - written)..], out _, isUnsigned: true, isBigEndian: true);
        }
        output.Advance(size);
        return PrecompileStatus.Success;
    }

    /// <summary>A header word as a length, saturated to <see cref="ulong.MaxValue"/> when it does not fit 64 bits.</summary>
    private static ulong ReadLength(ReadOnlySpan<byte> input, int offset)
    {
        Span<byte> word = stackalloc byte[32];
        word.Clear();
        if (input.Length > offset)
        {
            var available = input[offset..];
            available[..Math.Min(32, available.Length)].CopyTo(word);
        }
        if (word[..24].IndexOfAnyExcept((byte)0) >= 0)
            return ulong.MaxValue;
        return BinaryPrimitives.ReadUInt64BigEndian(word[24..]);
    }

    /// <summary>The bit length of the exponent's first min(exp_len, 32) bytes (which follow the base).</summary>
    private static int ExponentHeadBitLength(ReadOnlySpan<byte> input, ulong baseLength, ulong exponentLength)
    {
        int headLength = (int)Math.Min(exponentLength, 32);
        ulong data = input.Length > HeaderSize ? (ulong)(input.Length - HeaderSize) : 0;
        if (headLength == 0 || baseLength >= data)
            return 0;
        var head = input.Slice(HeaderSize + (int)baseLength, (int)Math.Min((ulong)headLength, data - baseLength));
        int first = head.IndexOfAnyExcept((byte)0);
        if (first < 0)
            return 0;
        // Bytes missing from the input are zeros at the end of the head: they count as low-order bits.
        return (headLength - first - 1) * 8 + (32 - BitOperations.LeadingZeroCount((uint)head[first]));
    }

    /// <summary>The <paramref name="length"/>-byte big-endian number at <paramref name="offset"/>, zero-filled past the input's end.</summary>
    private static BigInteger ReadNumber(ReadOnlySpan<byte> data, ulong offset, int length)
    {
        if (length == 0)
            return BigInteger.Zero;
        var available = offset < (ulong)data.Length ? data[(int)offset..] : default;
        if (available.Length >= length)
            return new BigInteger(available[..length], isUnsigned: true, isBigEndian: true);

        // Short input: the missing low-order bytes are zeros, so the number needs a padded copy.
        byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var padded = buffer.AsSpan(0, length);
            available.CopyTo(padded);
            padded[available.Length..].Clear();
            return new BigInteger(padded, isUnsigned: true, isBigEndian: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

// SPDX-License-Identifier: MIT
using System.Numerics;
using ZkOs.Framework.Numerics;

namespace ZkOs.Bootloader.Ethereum;

/// <summary>EIP-4844's blob gas constants and price.</summary>
public static class BlobGas
{
    public const ulong PerBlob = 1 << 17;
    public const int MaxBlobsPerBlock = 6;
    public const ulong UpdateFraction = 3_338_477;
    public const byte VersionedHashVersionKzg = 0x01;

    /// <summary>The spec's <c>fake_exponential(1, excess, UpdateFraction)</c>: e^(excess/fraction) by its Taylor series in integers.</summary>
    public static UInt256 BaseFee(ulong excessBlobGas)
    {
        BigInteger numerator = excessBlobGas;
        BigInteger denominator = UpdateFraction;
        BigInteger output = 0;
        BigInteger accumulator = denominator; // factor 1 × denominator
        for (var i = 1; accumulator > 0; i++)
        {
            output += accumulator;
            accumulator = accumulator * numerator / (denominator * i);
        }
        return UInt256.FromBigInteger(output / denominator);
    }
}

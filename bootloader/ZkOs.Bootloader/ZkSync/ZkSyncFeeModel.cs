// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.ZkSync;

/// <summary>
/// The constants of ZKsync OS's double accounting (reference/zksync-os.md §3.2, §10 items 3–8). The
/// priority fee is not charged (the snapshot's default without <c>charge_priority_fee</c>).
/// </summary>
public static class ZkSyncFeeModel
{
    public const ulong L2IntrinsicGas = 18_000;
    public const ulong L2IntrinsicNative = 4_000;
    public const ulong L2IntrinsicPubdata = 0;
    public const ulong L1IntrinsicGas = 11_000;
    public const ulong L1IntrinsicNative = 10_000;
    public const ulong L1IntrinsicPubdata = 88;
    public const ulong ZeroByteGas = 4;
    public const ulong NonZeroByteGas = 16;
    public const ulong CalldataByteNative = 1;
    public const ulong DeploymentExtraGas = 32_000;
    public const ulong InitCodeWordGas = 2;
    public const int MaxInitCodeSize = 49_152;
    public const ulong MaxNativeComputational = 1UL << 36;
    public const ulong L1NativePrice = 10;
    public const ulong UpgradeNativePerGas = 10_000;

    /// <summary>The gas per pubdata byte a non-EIP-712 transaction implicitly accepts.</summary>
    public const ulong DefaultGasPerPubdata = 1;

    /// <summary>A block gas limit above this cannot be expressed in 64-bit ergs.</summary>
    public const ulong MaxBlockGasLimit = ulong.MaxValue / 256;

    public const ulong EcrecoverGas = 3_000;
    public const ulong EcrecoverNative = 522_000;
    public const ulong AccessListAddressGas = 2_400;
    public const ulong AccessListKeyGas = 1_900;
}

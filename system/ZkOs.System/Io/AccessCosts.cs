// SPDX-License-Identifier: MIT
namespace ZkOs.System.Io;

/// <summary>
/// What IO costs. Gas is the EVM's (EIP-2929 warm/cold, EIP-2200/3529 SSTORE, event prices) and applies
/// to EVM frames only: the bootloader's own work (EE type 0) pays no gas, as in ZKsync OS. Native is
/// reference/zksync-os.md §4.4 and applies to everyone.
/// </summary>
public static class AccessCosts
{
    public const ulong WarmAccessGas = 100;
    public const ulong ColdAccountAccessGas = 2600;
    public const ulong ColdSloadGas = 2100;
    public const ulong SstoreSetGas = 20000;

    /// <summary>Resetting a non-zero slot: 5,000 less the cold surcharge EIP-2929 moved into the access.</summary>
    public const ulong SstoreResetGas = 5000 - ColdSloadGas;

    /// <summary>EIP-3529's refund for clearing a slot.</summary>
    public const long SstoreClearsRefund = 4800;

    public const ulong LogGas = 375;
    public const ulong LogTopicGas = 375;
    public const ulong LogDataByteGas = 8;
    public const ulong TransientGas = 100;
    public const ulong SelfDestructNewAccountGas = 25000;

    public const ulong WarmReadNative = 4000;
    public const ulong ColdExistingSlotNative = 121_120;
    public const ulong ColdNewSlotNative = 242_240;
    public const ulong WriteNewSlotNative = 120_800;
    public const ulong WriteExistingSlotNative = 50_560;
    public const ulong AccountAccessNative = 4000;
    public const ulong AccountWriteNative = 1000;
    public const ulong TransientNative = 4000;
    public const ulong EventBaseNative = 6000;
    public const ulong EventTopicNative = 200;
    public const ulong EventByteNative = 2;

    /// <summary>
    /// EIP-2200 with EIP-2929's prices: the gas of an SSTORE beyond the cold surcharge, from the slot's
    /// value at the transaction's start (the original), now and after.
    /// </summary>
    public static ulong SstoreGas(bool originalIsZero, bool currentEqualsOriginal, bool newEqualsCurrent)
    {
        if (newEqualsCurrent || !currentEqualsOriginal)
        {
            return WarmAccessGas;
        }
        return originalIsZero ? SstoreSetGas : SstoreResetGas;
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync;

/// <summary>The kernel-space addresses of ZKsync OS (reference §4.8, §10 item 18).</summary>
public static class SystemAddresses
{
    /// <summary>Calls below this address are system hooks (or empty accounts).</summary>
    public const ulong KernelSpaceBound = 0x10000;

    /// <summary>The bootloader's formal address: the fee collector and the caller of account-abstraction methods.</summary>
    public static readonly Address Bootloader = Address.FromUInt64(0x8001);

    /// <summary>Holds every account's properties hash at slot <c>0^12 ‖ address</c>.</summary>
    public static readonly Address AccountProperties = Address.FromUInt64(0x8003);

    public static readonly Address ContractDeployer = Address.FromUInt64(0x8006);
    public static readonly Address L1Messenger = Address.FromUInt64(0x8008);
    public static readonly Address BaseToken = Address.FromUInt64(0x800a);
    public static readonly Address ComplexUpgrader = Address.FromUInt64(0x800f);

    public static bool IsKernelSpace(in Address address) => address.ToUInt256().U0 < KernelSpaceBound
        && Framework.Numerics.UInt256.FitsInUlong(address.ToUInt256());

    /// <summary>The account-properties slot key of <paramref name="address"/>: the address left-padded to 32 bytes.</summary>
    public static Bytes32 AccountPropertiesKey(in Address address) => Bytes32.FromUInt256(address.ToUInt256());
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.ZkSync;

/// <summary>
/// ZKsync OS's order of touched slots (reference §7.2): by the address's 64-bit limbs, least significant
/// limb first, then by the key's bytes. New tree leaves are appended and pubdata is written in this
/// order, so a root or a pubdata hash depends on it.
/// </summary>
public sealed class WarmStorageKeyComparer : IComparer<(Address Address, Bytes32 Key)>
{
    public static WarmStorageKeyComparer Instance { get; } = new();

    public int Compare((Address Address, Bytes32 Key) x, (Address Address, Bytes32 Key) y)
    {
        UInt256 a = x.Address.ToUInt256(), b = y.Address.ToUInt256();
        var byAddress = a.U0 != b.U0 ? a.U0.CompareTo(b.U0) : a.U1 != b.U1 ? a.U1.CompareTo(b.U1) : a.U2.CompareTo(b.U2);
        return byAddress != 0 ? byAddress : x.Key.CompareTo(y.Key);
    }
}

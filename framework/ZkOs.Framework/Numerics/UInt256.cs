// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;

namespace ZkOs.Framework.Numerics;

/// <summary>
/// An unsigned 256-bit integer as four 64-bit limbs, least significant first. The layout is fixed
/// (32 bytes, sequential) because interpreters keep these on raw-pointer stacks and read limbs directly.
/// Arithmetic wraps modulo 2^256, as the EVM requires; the operations live in the partial files
/// beside this one, grouped by concern.
/// </summary>
[StructLayout(LayoutKind.Sequential, Size = 32)]
public readonly partial struct UInt256
{
    /// <summary>Bits 0..63.</summary>
    public readonly ulong U0;
    /// <summary>Bits 64..127.</summary>
    public readonly ulong U1;
    /// <summary>Bits 128..191.</summary>
    public readonly ulong U2;
    /// <summary>Bits 192..255.</summary>
    public readonly ulong U3;

    public UInt256(ulong u0, ulong u1 = 0, ulong u2 = 0, ulong u3 = 0)
    {
        U0 = u0;
        U1 = u1;
        U2 = u2;
        U3 = u3;
    }

    public static UInt256 Zero => default;
    public static UInt256 One => new(1);
    public static UInt256 MaxValue => new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);
}

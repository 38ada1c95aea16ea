// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.Framework.Execution;

namespace ZkOs.System.Precompiles;

/// <summary>
/// The pricing helpers every precompile shares: EVM gas becomes ergs (× 256), and a resource
/// shortfall becomes the matching <see cref="PrecompileStatus"/>.
/// </summary>
internal static class PrecompileCharging
{
    /// <summary>
    /// Charges <paramref name="gas"/> EVM gas (as ergs) and <paramref name="native"/> through
    /// <see cref="Resources.Charge(ulong, ulong)"/>: native first, a short component is zeroed
    /// (reference/zksync-os.md §3.1). Returns <see cref="PrecompileStatus.Success"/> when both were paid.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static PrecompileStatus Charge(ref Resources resources, ulong gas, ulong native) =>
        resources.Charge(SaturatingMultiply(gas, Resources.ErgsPerGas), native) switch
        {
            ResourceStatus.Ok => PrecompileStatus.Success,
            ResourceStatus.OutOfNative => PrecompileStatus.OutOfNative,
            _ => PrecompileStatus.OutOfErgs,
        };

    /// <summary>The number of 32-byte words covering <paramref name="length"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Words(int length) => ((ulong)(uint)length + 31) / 32;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SaturatingMultiply(ulong a, ulong b)
    {
        ulong high = Math.BigMul(a, b, out ulong low);
        return high != 0 ? ulong.MaxValue : low;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong SaturatingAdd(ulong a, ulong b)
    {
        ulong sum = a + b;
        return sum < a ? ulong.MaxValue : sum;
    }

    /// <summary>
    /// Native cost of the SHA-256 and RIPEMD-160 precompiles: a base plus a price per 64-byte block of
    /// the padded message (the message, the 0x80 byte and the 8-byte length, rounded up to 64).
    /// </summary>
    public static ulong PaddedBlockHashNative(int length, ulong baseCost, ulong perBlock)
    {
        ulong blocks = ((ulong)(uint)length + 9 + 63) / 64;
        return baseCost + blocks * perBlock;
    }
}

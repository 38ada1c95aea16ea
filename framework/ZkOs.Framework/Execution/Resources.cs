// SPDX-License-Identifier: MIT
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace ZkOs.Framework.Execution;

/// <summary>
/// The two resources every execution environment pays with (reference/zksync-os.md §3.1): <b>ergs</b>,
/// the EE's gas (one EVM gas is <see cref="ErgsPerGas"/> ergs), and <b>native</b>, a model of proving
/// cost in RISC-V cycles. A mutable value held by one frame at a time: native is never split between
/// frames, it moves whole to the callee and back.
/// </summary>
public struct Resources : IEquatable<Resources>
{
    public const ulong ErgsPerGas = 256;

    /// <summary>The formal infinity used by system work that its caller already paid for.</summary>
    public const ulong Infinite = ulong.MaxValue;

    public ulong Ergs;
    public ulong Native;

    public Resources(ulong ergs, ulong native)
    {
        Ergs = ergs;
        Native = native;
    }

    public static Resources Empty => default;

    public static Resources FormalInfinite => new(Infinite, Infinite);

    /// <summary>Whole gas left, as the EVM sees it: <c>floor(ergs / 256)</c>.</summary>
    public readonly ulong Gas => Ergs / ErgsPerGas;

    public static Resources FromGas(ulong gas, ulong native) =>
        new(gas > Infinite / ErgsPerGas ? Infinite : gas * ErgsPerGas, native);

    /// <summary>
    /// Charges both components. Native is charged first; if it is short the ergs charge is still
    /// attempted and the result is <see cref="ResourceStatus.OutOfNative"/>. A component that is short
    /// is zeroed, the other keeps its charge.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ResourceStatus Charge(ulong ergs, ulong native)
    {
        var nativeStatus = ChargeNative(native);
        var ergsStatus = ChargeErgs(ergs);
        return nativeStatus != ResourceStatus.Ok ? nativeStatus : ergsStatus;
    }

    public ResourceStatus Charge(in Resources cost) => Charge(cost.Ergs, cost.Native);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ResourceStatus ChargeErgs(ulong ergs)
    {
        if (Ergs >= ergs)
        {
            Ergs -= ergs;
            return ResourceStatus.Ok;
        }
        Ergs = 0;
        return ResourceStatus.OutOfErgs;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ResourceStatus ChargeNative(ulong native)
    {
        if (Native >= native)
        {
            Native -= native;
            return ResourceStatus.Ok;
        }
        Native = 0;
        return ResourceStatus.OutOfNative;
    }

    /// <summary>Charges with no check, for amounts proven to fit (e.g. pubdata pre-checked before the refund).</summary>
    public void ChargeUnchecked(in Resources cost)
    {
        Ergs -= cost.Ergs;
        Native -= cost.Native;
    }

    /// <summary>Adds returned resources back. Native may only come back to a holder that has none, since it is never split.</summary>
    public void Reclaim(in Resources returned)
    {
        if (Native != 0 && returned.Native != 0)
        {
            ThrowNativeSplit();
        }
        Ergs = SaturatingAdd(Ergs, returned.Ergs);
        Native += returned.Native;
    }

    /// <summary>
    /// Moves <paramref name="ergs"/> (at most what is held) and all native into a new value for a callee.
    /// </summary>
    public Resources Take(ulong ergs)
    {
        var taken = new Resources(Math.Min(ergs, Ergs), Native);
        Ergs -= taken.Ergs;
        Native = 0;
        return taken;
    }

    /// <summary>Moves everything out, leaving this empty.</summary>
    public Resources TakeAll()
    {
        var all = this;
        this = default;
        return all;
    }

    public void ExhaustErgs() => Ergs = 0;

    /// <summary>
    /// Runs system work with infinite ergs but real native (reference/zksync-os.md §3.1
    /// <c>with_infinite_ergs</c>): ergs are restored when the scope is disposed.
    /// <code>using (resources.WithInfiniteErgs()) { system.ReadAccount(ref resources, …); }</code>
    /// </summary>
    [UnscopedRef]
    public InfiniteErgsScope WithInfiniteErgs() => new(ref this);

    public readonly bool Equals(Resources other) => Ergs == other.Ergs && Native == other.Native;

    public override readonly bool Equals(object? obj) => obj is Resources other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(Ergs, Native);

    public static bool operator ==(Resources left, Resources right) => left.Equals(right);

    public static bool operator !=(Resources left, Resources right) => !left.Equals(right);

    public override readonly string ToString() =>
        $"{Format(Ergs)} ergs ({(Ergs == Infinite ? "∞" : Gas.ToString())} gas), {Format(Native)} native";

    private static string Format(ulong value) => value == Infinite ? "∞" : value.ToString();

    private static ulong SaturatingAdd(ulong a, ulong b) => a > Infinite - b ? Infinite : a + b;

    [DoesNotReturn]
    private static void ThrowNativeSplit() =>
        throw new InvalidOperationException("Native resources were split between frames: both sides hold native.");
}

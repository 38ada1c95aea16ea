// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Execution;

/// <summary>The rules that follow from a <see cref="CallModifier"/> (reference/zksync-os.md §2.1).</summary>
public static class CallModifierExtensions
{
    /// <summary>Value moves only for plain, constructor, system and callcode calls; delegate calls never transfer.</summary>
    public static bool AllowsValueTransfer(this CallModifier modifier) => modifier is
        CallModifier.NoModifier or CallModifier.Constructor or CallModifier.ZkVmSystem
        or CallModifier.EvmCallcode or CallModifier.EvmCallcodeStatic;

    public static bool IsStatic(this CallModifier modifier) => modifier is
        CallModifier.Static or CallModifier.DelegateStatic or CallModifier.ZkVmSystemStatic
        or CallModifier.EvmCallcodeStatic;

    public static bool IsDelegate(this CallModifier modifier) => modifier is
        CallModifier.Delegate or CallModifier.DelegateStatic;

    /// <summary>Callcode runs the callee's code in the caller's account, like delegate, but with its own value.</summary>
    public static bool IsCallcode(this CallModifier modifier) => modifier is
        CallModifier.EvmCallcode or CallModifier.EvmCallcodeStatic;

    public static CallModifiers ToSet(this CallModifier modifier) => (CallModifiers)(1 << (int)modifier);

    public static bool Contains(this CallModifiers set, CallModifier modifier) => (set & modifier.ToSet()) != 0;
}

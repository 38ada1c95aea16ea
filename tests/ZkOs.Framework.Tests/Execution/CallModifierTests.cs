// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;

namespace ZkOs.Framework.Tests.Execution;

/// <summary>The modifier rules of reference/zksync-os.md §2.1.</summary>
public class CallModifierTests
{
    [Theory]
    [InlineData(CallModifier.NoModifier, true, false, false)]
    [InlineData(CallModifier.Constructor, true, false, false)]
    [InlineData(CallModifier.Delegate, false, false, true)]
    [InlineData(CallModifier.Static, false, true, false)]
    [InlineData(CallModifier.DelegateStatic, false, true, true)]
    [InlineData(CallModifier.ZkVmSystem, true, false, false)]
    [InlineData(CallModifier.ZkVmSystemStatic, false, true, false)]
    [InlineData(CallModifier.EvmCallcode, true, false, false)]
    [InlineData(CallModifier.EvmCallcodeStatic, true, true, false)]
    public void Modifier_Rules_MatchTheReference(CallModifier modifier, bool transfers, bool isStatic, bool isDelegate)
    {
        Assert.Equal(transfers, modifier.AllowsValueTransfer());
        Assert.Equal(isStatic, modifier.IsStatic());
        Assert.Equal(isDelegate, modifier.IsDelegate());
    }

    [Fact]
    public void ModifierSet_Contains_OnlyItsMembers()
    {
        var set = CallModifiers.NoModifier | CallModifiers.Static;

        Assert.True(set.Contains(CallModifier.NoModifier));
        Assert.True(set.Contains(CallModifier.Static));
        Assert.False(set.Contains(CallModifier.Delegate));
        Assert.False(set.Contains(CallModifier.EvmCallcodeStatic));
    }
}

// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Instructions.Operands;

/// <summary>A compile-time boolean (set_flags, swap, increment, to_label, static, shard): the JIT folds it away.</summary>
public interface IFlag
{
    static abstract bool IsOn { get; }
}

public struct On : IFlag
{
    public static bool IsOn => true;
}

public struct Off : IFlag
{
    public static bool IsOn => false;
}

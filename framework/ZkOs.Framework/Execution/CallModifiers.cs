// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Execution;

/// <summary>A set of <see cref="CallModifier"/> values: what an EE supports.</summary>
[Flags]
public enum CallModifiers : ushort
{
    None = 0,
    NoModifier = 1 << CallModifier.NoModifier,
    Constructor = 1 << CallModifier.Constructor,
    Delegate = 1 << CallModifier.Delegate,
    Static = 1 << CallModifier.Static,
    DelegateStatic = 1 << CallModifier.DelegateStatic,
    ZkVmSystem = 1 << CallModifier.ZkVmSystem,
    ZkVmSystemStatic = 1 << CallModifier.ZkVmSystemStatic,
    EvmCallcode = 1 << CallModifier.EvmCallcode,
    EvmCallcodeStatic = 1 << CallModifier.EvmCallcodeStatic,
}

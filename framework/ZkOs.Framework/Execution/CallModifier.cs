// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Execution;

/// <summary>How a call relates caller and callee (reference/zksync-os.md §2.1).</summary>
public enum CallModifier : byte
{
    NoModifier = 0,
    Constructor,
    Delegate,
    Static,
    DelegateStatic,
    ZkVmSystem,
    ZkVmSystemStatic,
    EvmCallcode,
    EvmCallcodeStatic,
}

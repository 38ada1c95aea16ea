// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.World;

public enum CalleeKind : byte
{
    /// <summary>EraVM code the machine runs itself.</summary>
    EraVm,

    /// <summary>An EVM blob (version-2 hash): the EVM emulator's EraVM code runs it, never static (eravm.md §3).</summary>
    EvmEmulator,

    /// <summary>An account run by another EE (through the ZKsync OS runner).</summary>
    External,

    /// <summary>No code can be loaded (a kernel address without code): the call panics in the callee.</summary>
    Unavailable,
}

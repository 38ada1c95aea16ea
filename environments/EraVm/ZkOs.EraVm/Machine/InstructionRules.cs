// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Machine;

/// <summary>The mode requirements of a table entry (eravm.md §1): checked before the predicate.</summary>
[Flags]
public enum InstructionRules : byte
{
    None = 0,

    /// <summary>Panics (without burning ergs) outside kernel mode.</summary>
    KernelOnly = 1,

    /// <summary>Panics (without burning ergs) in static mode.</summary>
    ForbiddenInStatic = 2,
}

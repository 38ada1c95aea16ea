// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Encoding;

/// <summary>dst0 addressing mode, numbered as in the table enumeration (eravm.md §2).</summary>
public enum DestinationMode : byte
{
    Reg,
    StackPush,
    StackRel,
    StackAbs,
}

// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Machine;

public enum ReturnKind : byte
{
    Ok,
    Revert,
    Panic,
}

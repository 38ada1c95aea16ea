// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.Machine;

public enum ExternalCallKind : byte
{
    Normal,
    Delegate,
    Mimic,
}

// SPDX-License-Identifier: MIT
using ZkOs.EraVm.World;

namespace ZkOs.EraVm.Machine;

/// <summary>
/// What a near call saves (eravm.md §3): where to resume, the exception handler, the caller's SP, the
/// ergs the caller kept back, and the world snapshot a revert rolls back to. Memory is not saved.
/// </summary>
public struct NearCallFrame
{
    public ushort ReturnPc;
    public ushort ExceptionHandler;
    public ushort Sp;
    public uint CallerErgs;
    public WorldSnapshot Snapshot;
}

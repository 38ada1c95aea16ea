// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.World;

/// <summary>A point in the <see cref="WorldDiff"/> journal: the undo-log length, the event count and the pubdata spent.</summary>
public readonly record struct WorldSnapshot(int Undo, int Events, long Pubdata);

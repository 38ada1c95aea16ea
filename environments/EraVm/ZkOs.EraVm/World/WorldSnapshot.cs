// SPDX-License-Identifier: MIT
namespace ZkOs.EraVm.World;

/// <summary>A point in the <see cref="WorldDiff"/> journal: the undo-log length and the event count.</summary>
public readonly record struct WorldSnapshot(int Undo, int Events);

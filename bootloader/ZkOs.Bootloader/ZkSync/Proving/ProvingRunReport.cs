// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.ZkSync.Proving;

/// <summary>
/// A proving run's result and statistics: the proof, the witness words read, the arena's high-water mark
/// and the time. A struct, so reporting a run allocates nothing.
/// </summary>
public readonly record struct ProvingRunReport(ProvenBlock Proof, int WordsRead, long ArenaHighWaterMark, TimeSpan Elapsed);

// SPDX-License-Identifier: MIT
namespace ZkOs.System.Io;

/// <summary>A point to roll back to: the lengths of the journal, the events and the L2→L1 messages when it was taken.</summary>
public readonly record struct IoSnapshot(int JournalLength, int LogCount, int MessageCount);

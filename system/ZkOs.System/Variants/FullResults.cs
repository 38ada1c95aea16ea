// SPDX-License-Identifier: MIT
namespace ZkOs.System.Variants;

/// <summary>Forward results: transaction results, state diffs, pubdata, header and preimages for the sequencer.</summary>
public readonly struct FullResults : IResultKeeper
{
    public static bool KeepsResults => true;
}

// SPDX-License-Identifier: MIT
namespace ZkOs.System.Variants;

/// <summary>The results column of <c>system.variants.csv</c>: what a run hands back besides the public input.</summary>
public interface IResultKeeper
{
    static abstract bool KeepsResults { get; }
}

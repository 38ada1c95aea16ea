// SPDX-License-Identifier: MIT
namespace ZkOs.System.Variants;

/// <summary>Proving results: the public input and nothing else (upstream's <c>NopResultKeeper</c>).</summary>
public readonly struct PublicInputOnly : IResultKeeper
{
    public static bool KeepsResults => false;
}

// SPDX-License-Identifier: MIT
namespace ZkOs.Hosting;

/// <summary>Which variant of the machine runs blocks (<c>"mode"</c> in zkos.json).</summary>
public enum RunMode
{
    /// <summary>The sequencer's variant: fast, trusts its own storage.</summary>
    Forward,

    /// <summary>The prover's variant: every storage read is checked against the oracle's proofs.</summary>
    Proving,
}

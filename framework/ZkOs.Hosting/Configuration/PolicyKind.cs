// SPDX-License-Identifier: MIT
namespace ZkOs.Hosting;

/// <summary>Which transaction rules and state commitment apply (<c>"policy"</c> in zkos.json).</summary>
public enum PolicyKind
{
    /// <summary>ZKsync rules: Era ABI transactions, account abstraction, the flat Blake2s tree.</summary>
    ZkSync,

    /// <summary>Ethereum rules: RLP transactions, refunds, the Merkle-Patricia trie.</summary>
    Ethereum,
}

// SPDX-License-Identifier: MIT
namespace ZkOs.Framework.Encoding.Rlp;

/// <summary>The two kinds of RLP item.</summary>
public enum RlpKind
{
    /// <summary>A byte string (which also carries integers and addresses).</summary>
    String,

    /// <summary>A list of items.</summary>
    List,
}

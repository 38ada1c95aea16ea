// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Execution;

/// <summary>Transaction-level facts an EE may read.</summary>
public readonly struct TransactionContext
{
    /// <summary><c>ORIGIN</c>: the transaction's sender.</summary>
    public Address Origin { get; init; }

    /// <summary><c>GASPRICE</c>: the effective price per gas.</summary>
    public UInt256 GasPrice { get; init; }

    /// <summary>EIP-4844 versioned hashes (<c>BLOBHASH</c>).</summary>
    public ReadOnlyMemory<Bytes32> BlobHashes { get; init; }
}

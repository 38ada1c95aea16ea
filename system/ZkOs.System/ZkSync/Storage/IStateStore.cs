// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.ZkSync.Storage;

/// <summary>
/// Durable ZKsync OS state between blocks: the tree's leaves, the preimages the oracle serves
/// (account properties and bytecode, by hash) and the chain head (last block number, tree commitment,
/// recent block hashes). A block's changes are committed all or nothing, so after a crash the store
/// holds the state after some whole block. <see cref="StateDatabase"/> pairs a store with the
/// in-memory tree that answers the oracle.
/// </summary>
/// <remarks>Implementations are not thread-safe; one writer owns a store.</remarks>
public interface IStateStore : IDisposable
{
    /// <summary>Where the state lives, for messages: a database path, or "memory".</summary>
    string Location { get; }

    /// <summary>The last committed block, or null for a store that has never committed one.</summary>
    ChainHead? Head { get; }

    /// <summary>Every stored leaf in ascending index order (0, 1, 2, … without gaps).</summary>
    /// <exception cref="StateStoreException">The store cannot be read or holds malformed rows.</exception>
    IEnumerable<IndexedLeaf> LoadLeaves();

    /// <summary>Every stored preimage, in no particular order.</summary>
    /// <exception cref="StateStoreException">The store cannot be read or holds malformed rows.</exception>
    IEnumerable<Preimage> LoadPreimages();

    /// <summary>The preimage stored under <paramref name="hash"/> (the oracle's preimage query).</summary>
    /// <exception cref="StateStoreException">The store cannot be read or holds a malformed row.</exception>
    bool TryGetPreimage(in Bytes32 hash, out Preimage preimage);

    /// <summary>
    /// Persists one block atomically: on any exception the store is left exactly as before.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The commit does not follow the head (its block number is not head + 1, a new leaf index is
    /// missing, an index lies past next_free_slot) or a preimage is not stored under its BLAKE2s hash.
    /// </exception>
    /// <exception cref="StateStoreException">The store could not be written.</exception>
    void Commit(BlockCommit commit);
}

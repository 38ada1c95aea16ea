// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Ethereum;

/// <summary>
/// One-call root computations for Ethereum's Merkle Patricia tries. Each builds a fresh
/// <see cref="TrieRootBuilder"/>; callers that compute many roots keep and reuse a builder instead.
/// </summary>
/// <remarks>
/// Entries are a map: a key given more than once keeps its last value, and an empty value means the
/// key is absent (see <see cref="TrieRootBuilder"/>).
/// </remarks>
public static class MerklePatriciaTrie
{
    /// <summary>
    /// The root of the trie with no entries: keccak256(RLP("")) = keccak256(0x80). Also every
    /// account's storage root while its storage is empty.
    /// </summary>
    public static Bytes32 EmptyRoot { get; } =
        Bytes32.Parse("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

    /// <summary>The root of the plain trie: each value stored under its key as given.</summary>
    public static Bytes32 ComputeRoot(IEnumerable<KeyValuePair<byte[], byte[]>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = new TrieRootBuilder();
        foreach (var (key, value) in entries)
            builder.Add(key, value);
        return builder.ComputeRoot();
    }

    /// <summary>The root of the secure trie: each value stored under keccak256 of its key (the state and storage tries).</summary>
    public static Bytes32 ComputeSecureRoot(IEnumerable<KeyValuePair<byte[], byte[]>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var builder = new TrieRootBuilder();
        foreach (var (key, value) in entries)
            builder.AddSecure(key, value);
        return builder.ComputeRoot();
    }

    /// <summary>
    /// The root of a list stored by position, as a block's transactions, receipts and withdrawals
    /// tries are: item i (already encoded, e.g. a typed transaction's envelope) under the key RLP(i).
    /// </summary>
    [SkipLocalsInit]
    public static Bytes32 ComputeOrderedRoot(IEnumerable<byte[]> encodedItems)
    {
        ArgumentNullException.ThrowIfNull(encodedItems);
        var builder = new TrieRootBuilder();
        Span<byte> key = stackalloc byte[9];
        ulong index = 0;
        foreach (var item in encodedItems)
        {
            var writer = new RlpWriter(key);
            writer.WriteUInt64(index++);
            builder.Add(writer.Written, item);
        }
        return builder.ComputeRoot();
    }
}

// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Ethereum;

/// <summary>
/// Ethereum's state root (Yellow Paper, section 4.1): the secure Merkle Patricia trie mapping
/// keccak256(address) to RLP([nonce, balance, storageRoot, codeHash]), where each account's
/// storage root is the secure trie mapping keccak256(slot as 32 big-endian bytes) to RLP(value as a
/// minimal big-endian integer), zero values left out.
/// </summary>
/// <remarks>
/// <para>
/// Every account passed in is committed, whatever it holds. Which accounts exist is the caller's
/// decision: after EIP-161 (Spurious Dragon) an account that a transaction touched and left empty
/// (nonce 0, balance 0, no code) is deleted and must not be passed, while an empty account that
/// was already in the state and was not touched stays (state tests' <c>pre</c> sections hold such
/// accounts). A self-destructed account is simply not passed.
/// </para>
/// <para>An address passed more than once keeps its last entry.</para>
/// </remarks>
public static class EthereumStateRoot
{
    /// <summary>
    /// The longest account encoding: a list header (2 bytes) around the nonce (up to 9), the
    /// balance (up to 33) and two 32-byte strings (33 each).
    /// </summary>
    public const int MaxAccountEncodingLength = 2 + 9 + 33 + 33 + 33;

    // One pair of builders per thread, kept between computations so that their buffers, once grown
    // to the size of the state, are reused: a root per state test or block then allocates next to
    // nothing. A builder is taken out while in use, so a nested call (from an enumerator) gets its own.
    [ThreadStatic]
    private static TrieRootBuilder? _cachedStateBuilder;

    [ThreadStatic]
    private static TrieRootBuilder? _cachedStorageBuilder;

    /// <summary>keccak256 of empty code, the code hash of every account without code.</summary>
    public static Bytes32 EmptyCodeHash { get; } =
        Bytes32.Parse("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");

    /// <summary>The code hash committed for <paramref name="code"/>: keccak256, which for no code is <see cref="EmptyCodeHash"/>.</summary>
    public static Bytes32 CodeHashOf(ReadOnlySpan<byte> code) => code.IsEmpty ? EmptyCodeHash : Keccak256.Hash(code);

    /// <summary>The state root of exactly these accounts (an empty set gives <see cref="MerklePatriciaTrie.EmptyRoot"/>).</summary>
    [SkipLocalsInit]
    public static Bytes32 Compute(IEnumerable<AccountState> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        var state = Rent(ref _cachedStateBuilder);
        var storage = Rent(ref _cachedStorageBuilder); // reused for every account
        try
        {
            Span<byte> address = stackalloc byte[Address.Size];
            Span<byte> encoded = stackalloc byte[MaxAccountEncodingLength];
            foreach (var account in accounts)
            {
                ArgumentNullException.ThrowIfNull(account);
                Bytes32 storageRoot = ComputeStorageRoot(account.Storage, storage);
                int length = EncodeAccount(account.Nonce, account.Balance, storageRoot, account.CodeHash, encoded);
                account.Address.WriteTo(address);
                state.AddSecure(address, encoded[..length]);
            }
            return state.ComputeRoot();
        }
        finally
        {
            Return(ref _cachedStorageBuilder, storage);
            Return(ref _cachedStateBuilder, state);
        }
    }

    /// <summary>The storage root of one account's slots (zero values are absent; none gives <see cref="MerklePatriciaTrie.EmptyRoot"/>).</summary>
    public static Bytes32 ComputeStorageRoot(IEnumerable<KeyValuePair<UInt256, UInt256>> storage)
    {
        var builder = Rent(ref _cachedStorageBuilder);
        try
        {
            return ComputeStorageRoot(storage, builder);
        }
        finally
        {
            Return(ref _cachedStorageBuilder, builder);
        }
    }

    /// <summary>
    /// RLP([nonce, balance, storageRoot, codeHash]) into <paramref name="destination"/> (at least
    /// <see cref="MaxAccountEncodingLength"/> bytes suffice); returns the length written.
    /// </summary>
    public static int EncodeAccount(ulong nonce, in UInt256 balance, in Bytes32 storageRoot, in Bytes32 codeHash, Span<byte> destination)
    {
        int payload = RlpLength.OfUInt64(nonce) + RlpLength.OfUInt256(in balance) + (2 * RlpLength.OfBytes32);
        var writer = new RlpWriter(destination);
        writer.WriteListHeader(payload);
        writer.WriteUInt64(nonce);
        writer.WriteUInt256(in balance);
        writer.WriteBytes32(in storageRoot);
        writer.WriteBytes32(in codeHash);
        return writer.Position;
    }

    /// <summary>The account encoding as a new array (see the span overload).</summary>
    public static byte[] EncodeAccount(ulong nonce, in UInt256 balance, in Bytes32 storageRoot, in Bytes32 codeHash)
    {
        Span<byte> buffer = stackalloc byte[MaxAccountEncodingLength];
        int length = EncodeAccount(nonce, in balance, in storageRoot, in codeHash, buffer);
        return buffer[..length].ToArray();
    }

    private static TrieRootBuilder Rent(ref TrieRootBuilder? cached)
    {
        var builder = cached ?? new TrieRootBuilder();
        cached = null;
        return builder;
    }

    private static void Return(ref TrieRootBuilder? cached, TrieRootBuilder builder)
    {
        builder.Clear();
        cached = builder;
    }

    [SkipLocalsInit]
    private static Bytes32 ComputeStorageRoot(IEnumerable<KeyValuePair<UInt256, UInt256>> storage, TrieRootBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(storage);
        builder.Clear();
        Span<byte> slot = stackalloc byte[Bytes32.Size];
        Span<byte> value = stackalloc byte[RlpLength.OfBytes32];
        foreach (var (key, word) in storage)
        {
            Bytes32.FromUInt256(in key).WriteTo(slot);
            if (UInt256.IsZero(in word))
            {
                // Added as "absent" rather than skipped, so that a zero after a non-zero value for
                // the same slot clears it, as a later write would.
                builder.AddSecure(slot, default);
                continue;
            }
            var writer = new RlpWriter(value);
            writer.WriteUInt256(in word);
            builder.AddSecure(slot, writer.Written);
        }
        return builder.ComputeRoot();
    }
}

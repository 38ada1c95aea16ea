// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Ethereum;

/// <summary>
/// One account as the state trie commits to it: the input of <see cref="EthereumStateRoot.Compute"/>.
/// </summary>
/// <param name="Address">The account's address; the state trie keys it by keccak256(address).</param>
/// <param name="Nonce">The account nonce.</param>
/// <param name="Balance">The balance in wei.</param>
/// <param name="CodeHash">
/// keccak256 of the code; <see cref="EthereumStateRoot.EmptyCodeHash"/> for an account without code
/// (never zero). <see cref="WithCode"/> computes it from the code.
/// </param>
/// <param name="Storage">
/// The storage slots (key → value, as 256-bit numbers). Zero values are the same as absent slots. A
/// slot listed more than once keeps its last value. Enumerated once per computation.
/// </param>
public sealed record AccountState(
    Address Address,
    ulong Nonce,
    UInt256 Balance,
    Bytes32 CodeHash,
    IEnumerable<KeyValuePair<UInt256, UInt256>> Storage)
{
    /// <summary>An account whose code hash is computed from <paramref name="code"/> (empty: no code).</summary>
    public static AccountState WithCode(
        Address address,
        ulong nonce,
        UInt256 balance,
        ReadOnlySpan<byte> code,
        IEnumerable<KeyValuePair<UInt256, UInt256>> storage) =>
        new(address, nonce, balance, EthereumStateRoot.CodeHashOf(code), storage);
}

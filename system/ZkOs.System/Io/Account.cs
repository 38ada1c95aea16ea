// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Io;

/// <summary>An account of the world state: nonce, balance, code and storage. Mutated only through <see cref="IoSubsystem"/>, which journals every change.</summary>
public sealed class Account
{
    /// <summary>keccak256 of empty code.</summary>
    public static readonly Bytes32 EmptyCodeHash = Keccak256.Hash(ReadOnlySpan<byte>.Empty);

    public ulong Nonce { get; internal set; }

    public UInt256 Balance { get; internal set; }

    public byte[] Code { get; internal set; } = [];

    public Bytes32 CodeHash { get; internal set; } = EmptyCodeHash;

    /// <summary>Non-zero slots only: writing zero removes the slot.</summary>
    public Dictionary<UInt256, UInt256> Storage { get; } = [];

    public bool HasCode => Code.Length > 0;

    /// <summary>EIP-161: no code, zero nonce, zero balance.</summary>
    public bool IsEmpty => Nonce == 0 && Balance.Equals(UInt256.Zero) && Code.Length == 0;
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Io;

/// <summary>
/// An account of the world state: nonce, balance, code and the EE that runs it. Storage is not here:
/// slots live in the IO subsystem's flat (address, key) map, since ZKsync storage exists apart from
/// accounts. Mutated only through <see cref="IoSubsystem"/>, which journals every change.
/// </summary>
public sealed class Account
{
    /// <summary>keccak256 of empty code.</summary>
    public static readonly Bytes32 EmptyCodeHash = Keccak256.Hash(ReadOnlySpan<byte>.Empty);

    public ulong Nonce { get; internal set; }

    public UInt256 Balance { get; internal set; }

    /// <summary>The code; in the run's memory (the prover's arena) when the state source read it there.</summary>
    public ReadOnlyMemory<byte> Code { get; internal set; } = ReadOnlyMemory<byte>.Empty;

    /// <summary>keccak256 of the code (what EXTCODEHASH observes).</summary>
    public Bytes32 CodeHash { get; internal set; } = EmptyCodeHash;

    /// <summary>The EE that runs the code; <see cref="EeType.None"/> without code.</summary>
    public byte EeType { get; internal set; } = Framework.Execution.EeType.None;

    public bool HasCode => Code.Length > 0;

    /// <summary>EIP-161: no code, zero nonce, zero balance.</summary>
    public bool IsEmpty => Nonce == 0 && Balance.Equals(UInt256.Zero) && Code.Length == 0;

    internal static Account FromSnapshot(AccountSnapshot snapshot)
    {
        var account = new Account();
        account.Load(snapshot);
        return account;
    }

    /// <summary>Sets every field from <paramref name="snapshot"/>; <c>default</c> makes a fresh empty account (the IO subsystem reuses accounts).</summary>
    internal void Load(AccountSnapshot snapshot)
    {
        Nonce = snapshot.Nonce;
        Balance = snapshot.Balance;
        Code = snapshot.Code;
        CodeHash = snapshot.Code.Length > 0 ? Keccak256.Hash(snapshot.Code.Span) : EmptyCodeHash;
        EeType = snapshot.Code.Length > 0 ? snapshot.EeType : Framework.Execution.EeType.None;
    }
}

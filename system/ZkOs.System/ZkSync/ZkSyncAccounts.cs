// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;
using ZkOs.System.ZkSync.Accounts;

namespace ZkOs.System.ZkSync;

/// <summary>
/// The ZKsync storage model's view of an account (reference §4.3): its 124-byte properties, whose
/// blake2s hash is stored at (0x8003, address), with the bytecode as a blake2s-addressed preimage.
/// </summary>
public static class ZkSyncAccounts
{
    /// <summary>
    /// The properties of an account as it stands. An account with code is deployed (code version 1)
    /// under the EE that runs it, bytecode hashed with blake2s and observed through keccak; an absent
    /// account is the trivial (all-zero) one.
    /// </summary>
    public static AccountProperties PropertiesOf(Account? account)
    {
        if (account is null)
        {
            return AccountProperties.Trivial;
        }
        if (!account.HasCode)
        {
            return new AccountProperties(0, account.Nonce, account.Balance, Bytes32.Zero, 0, 0, Bytes32.Zero, 0);
        }
        var versioning = AccountVersioning.WithCodeVersion(
            AccountVersioning.WithEeVersion(AccountVersioning.WithDeployed(0), account.EeType), 1);
        return new AccountProperties(
            versioning,
            account.Nonce,
            account.Balance,
            Blake2s256.Hash(account.Code.Span),
            (uint)account.Code.Length,
            0,
            account.CodeHash,
            (uint)account.Code.Length);
    }

    /// <summary>The properties of an account as a state source reported it at the block's start.</summary>
    public static AccountProperties PropertiesOf(AccountSnapshot? snapshot)
    {
        return snapshot is { } known ? PropertiesOf(Account.FromSnapshot(known)) : AccountProperties.Trivial;
    }

    /// <summary>The stored hash of a properties record: zero stands for the trivial account.</summary>
    public static Bytes32 StoredHash(in AccountProperties properties) =>
        properties.IsEmpty ? Bytes32.Zero : properties.Hash();
}

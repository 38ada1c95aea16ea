// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.System.Io;

namespace ZkOs.Bootloader.Conformance.MainnetBlocks;

/// <summary>
/// A copy of an account's fields at one moment, so the state before and after a transaction can be
/// compared. An absent account reads as <see cref="Empty"/>: after EIP-161 the two cannot be told apart,
/// and a prestate writes an absent account as one with a zero balance.
/// </summary>
internal sealed record MainnetAccountImage(ulong Nonce, UInt256 Balance, byte[] Code, IReadOnlyDictionary<UInt256, UInt256> Storage)
{
    public static readonly MainnetAccountImage Empty = new(0, UInt256.Zero, [], new Dictionary<UInt256, UInt256>());

    /// <summary>Copies the account and its slots: both keep changing after this.</summary>
    public static MainnetAccountImage Of(Account? account, IReadOnlyDictionary<UInt256, UInt256>? storage) => account is null
        ? Empty
        : new(account.Nonce, account.Balance, account.Code.ToArray(), storage is null ? new Dictionary<UInt256, UInt256>() : new Dictionary<UInt256, UInt256>(storage));

    public UInt256 Slot(in UInt256 key) => Storage.GetValueOrDefault(key);
}

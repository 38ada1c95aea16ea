// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync;
using ZkOs.System.ZkSync.Accounts;
using ZkOs.System.ZkSync.Pubdata;

namespace ZkOs.Bootloader.ZkSync;

/// <summary>
/// The pubdata a transaction is charged for (reference §7.3 "Per-tx pubdata charge"): every slot and
/// account it changed that now differs from the block's start, as compressed diffs with their keys,
/// plus its L2→L1 messages. A slot written again by a later transaction is charged again there.
/// </summary>
public sealed partial class ZkSyncTransactionProcessor<TSystem>
{
    private ulong NetPubdata()
    {
        _slotWrites.Clear();
        _accountWrites.Clear();
        io.CollectTransactionWrites(_slotWrites, _accountWrites);
        ulong bytes = 0;
        foreach (var (address, key) in _slotWrites)
        {
            var initial = io.InitialSlots.TryGetValue((address, key), out var slot) ? slot.Value : UInt256.Zero;
            bytes += (ulong)PubdataSize.StorageSlot(Bytes32.FromUInt256(initial), Bytes32.FromUInt256(io.CurrentSlot(address, key)));
        }
        foreach (var address in _accountWrites)
        {
            bytes += (ulong)PubdataSize.Account(InitialProperties(address), ZkSyncAccounts.PropertiesOf(io.GetAccount(address)), notPublishBytecode: io.IsBytecodeNotPublished(address));
        }
        var messages = io.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            bytes += (ulong)PubdataSize.UserMessage(messages[i].Data.Length);
        }
        return bytes;
    }

    /// <summary>An account's properties at the block's start: as loaded through the oracle, or as seeded.</summary>
    public AccountProperties InitialProperties(in Address address) => LoadedAccount(address).Initial;

    /// <summary>
    /// The account as the block first loaded it from the state. An account the IO subsystem knows without
    /// having loaded it (seeded directly, as tests do) counts as a slot that already held its properties.
    /// </summary>
    public LoadedAccount LoadedAccount(in Address address)
    {
        if (loadedAccounts.TryGetValue(address, out var loaded))
        {
            return loaded;
        }
        var properties = ZkSyncAccounts.PropertiesOf(io.InitialAccounts.GetValueOrDefault(address));
        return new LoadedAccount(false, ZkSyncAccounts.StoredHash(properties), properties);
    }
}

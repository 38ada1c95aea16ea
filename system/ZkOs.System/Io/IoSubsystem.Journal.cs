// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Io;

/// <summary>Snapshots, rollback, and the journaled primitive changes every other part goes through.</summary>
public sealed partial class IoSubsystem
{
    public IoSnapshot Snapshot() => new(_journal.Count, _logs.Count, _messages.Count);

    /// <summary>Undoes every change made since <paramref name="snapshot"/>, newest first.</summary>
    public void Rollback(IoSnapshot snapshot)
    {
        for (var i = _journal.Count - 1; i >= snapshot.JournalLength; i--)
        {
            Undo(_journal[i]);
        }
        _journal.RemoveRange(snapshot.JournalLength, _journal.Count - snapshot.JournalLength);
        TruncateLogs(snapshot.LogCount);
        _messages.RemoveRange(snapshot.MessageCount, _messages.Count - snapshot.MessageCount);
    }

    private void Undo(in JournalEntry entry)
    {
        var address = entry.Address;
        switch (entry.Kind)
        {
            case JournalKind.AccountCreated:
                _accounts.Remove(address);
                break;
            case JournalKind.AccountReplaced:
                _accounts[address] = entry.OldAccount!;
                break;
            case JournalKind.Balance:
                _accounts[address].Balance = entry.OldValue;
                break;
            case JournalKind.Nonce:
                _accounts[address].Nonce = entry.OldNonce;
                break;
            case JournalKind.Code:
                _accounts[address].Code = entry.OldCode;
                _accounts[address].CodeHash = entry.OldCodeHash;
                _accounts[address].EeType = entry.OldEeType;
                break;
            case JournalKind.Storage:
                _storage[(address, entry.Key)] = entry.OldValue;
                break;
            case JournalKind.TransientStorage:
                SetTransientSlot(address, entry.Key, entry.OldValue);
                break;
            case JournalKind.WarmAccount:
                _warmAccounts.Remove(address);
                break;
            case JournalKind.WarmSlot:
                _warmSlots.Remove((address, entry.Key));
                break;
            case JournalKind.Touched:
                _touched.Remove(address);
                break;
            case JournalKind.Refund:
                _refund = entry.OldRefund;
                break;
            case JournalKind.Destructed:
                _destructed.Remove(address);
                break;
            case JournalKind.Created:
                _createdInTransaction.Remove(address);
                break;
            case JournalKind.BytecodeNotPublished:
                _bytecodeNotPublished.Remove(address);
                break;
        }
    }

    /// <summary>The account, created empty (and journaled) when absent.</summary>
    private Account AccountForWrite(in Address address)
    {
        var account = Find(address);
        if (account is null)
        {
            account = NewAccount();
            _accounts[address] = account;
            _journal.Add(new JournalEntry(JournalKind.AccountCreated, address));
        }
        Touch(address);
        return account;
    }

    /// <summary>EIP-161: an account changed in a transaction is removed at its end if left empty.</summary>
    private void Touch(in Address address)
    {
        if (_touched.Add(address))
        {
            _journal.Add(new JournalEntry(JournalKind.Touched, address));
        }
    }

    private void SetBalance(Account account, in Address address, in UInt256 balance)
    {
        _journal.Add(new JournalEntry(JournalKind.Balance, address, OldValue: account.Balance));
        account.Balance = balance;
    }

    private void SetNonce(Account account, in Address address, ulong nonce)
    {
        _journal.Add(new JournalEntry(JournalKind.Nonce, address, OldNonce: account.Nonce));
        account.Nonce = nonce;
    }

    /// <summary>
    /// Writes a slot. Zeros are kept as entries: a slot that was read stays loaded, so a later read never
    /// asks the state source again for a value this block has already changed.
    /// </summary>
    private void WriteSlot(in Address address, in UInt256 key, in UInt256 value)
    {
        _journal.Add(new JournalEntry(JournalKind.Storage, address, key, CurrentSlot(address, key)));
        _storage[(address, key)] = value;
    }

    private void SetTransientSlot(in Address address, in UInt256 key, in UInt256 value)
    {
        if (value.Equals(UInt256.Zero))
        {
            _transient.Remove((address, key));
        }
        else
        {
            _transient[(address, key)] = value;
        }
    }

    /// <summary>Warms an account; true when it was cold.</summary>
    private bool WarmAccount(in Address address)
    {
        if (!_warmAccounts.Add(address))
        {
            return false;
        }
        _journal.Add(new JournalEntry(JournalKind.WarmAccount, address));
        return true;
    }

    private bool WarmSlot(in Address address, in UInt256 key)
    {
        if (!_warmSlots.Add((address, key)))
        {
            return false;
        }
        _journal.Add(new JournalEntry(JournalKind.WarmSlot, address, key));
        return true;
    }

    private void AddRefund(long delta)
    {
        if (delta == 0)
        {
            return;
        }
        _journal.Add(new JournalEntry(JournalKind.Refund, default, OldRefund: _refund));
        _refund += delta;
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Io;

/// <summary>
/// What the bootloader and the runner do to the state around frames: transaction boundaries, value
/// transfers, nonces, deployment targets and code, and the access-list warm-up. None of it charges:
/// the policy prices it.
/// </summary>
public sealed partial class IoSubsystem
{
    /// <summary>Starts a transaction: warm sets, transient storage, originals and refunds begin afresh.</summary>
    public void BeginTransaction(in TransactionContext transaction)
    {
        _transaction = transaction;
        _journal.Clear();
        _logs.Clear();
        _logTopicCount = 0;
        _logDataLength = 0;
        _logGeneration++;
        _messages.Clear();
        _warmAccounts.Clear();
        _warmSlots.Clear();
        _transient.Clear();
        _originals.Clear();
        _touched.Clear();
        _createdInTransaction.Clear();
        _destructed.Clear();
        _unknownBlockHashes.Clear();
        _refund = 0;
    }

    /// <summary>
    /// Ends a transaction: removes self-destructed accounts and, under EIP-161, touched accounts left
    /// empty. After this nothing of the transaction can be rolled back.
    /// </summary>
    public void FinishTransaction()
    {
        foreach (var address in _destructed)
        {
            _accounts.Remove(address);
            ClearStorage(address);
        }
        if (Rules.DeleteEmptyTouchedAccounts)
        {
            foreach (var address in _touched)
            {
                if (Find(address) is { } account && account.IsEmpty)
                {
                    _accounts.Remove(address);
                }
            }
        }
        _journal.Clear();
    }

    /// <summary>
    /// The slots and accounts the current transaction has changed and still holds changed: its journal
    /// since <see cref="BeginTransaction"/>, rolled-back frames already gone. The ZKsync policy prices
    /// pubdata from these.
    /// </summary>
    public void CollectTransactionWrites(HashSet<(Address, UInt256)> slots, HashSet<Address> accounts)
    {
        foreach (var entry in _journal)
        {
            switch (entry.Kind)
            {
                case JournalKind.Storage:
                    slots.Add((entry.Address, entry.Key));
                    break;
                case JournalKind.AccountCreated or JournalKind.Balance or JournalKind.Nonce or JournalKind.Code:
                    accounts.Add(entry.Address);
                    break;
            }
        }
    }

    /// <summary>Warms an account without charging (transaction start, access lists).</summary>
    public void WarmUp(in Address address) => WarmAccount(address);

    public void WarmUp(in Address address, in UInt256 key) => WarmSlot(address, key);

    public bool IsWarm(in Address address) => _warmAccounts.Contains(address);

    /// <summary>Moves value; false (and nothing changes) when <paramref name="from"/> holds too little. Touches both accounts.</summary>
    public bool TryTransfer(in Address from, in Address to, in UInt256 value)
    {
        var balance = BalanceOf(from);
        if (UInt256.LessThan(in balance, in value))
        {
            return false;
        }
        if (UInt256.IsZero(in value))
        {
            // Nothing moves: both accounts are touched (EIP-161) but no balance is written, so the
            // transaction is not charged for changing them.
            AccountForWrite(from);
            AccountForWrite(to);
            return true;
        }
        var source = AccountForWrite(from);
        SetBalance(source, from, source.Balance - value);
        var target = AccountForWrite(to);
        SetBalance(target, to, target.Balance + value);
        return true;
    }

    public void AddBalance(in Address address, in UInt256 amount)
    {
        var account = AccountForWrite(address);
        SetBalance(account, address, account.Balance + amount);
    }

    /// <summary>Takes <paramref name="amount"/>; false (and nothing changes) when the balance is short.</summary>
    public bool TrySubtractBalance(in Address address, in UInt256 amount)
    {
        var balance = BalanceOf(address);
        if (UInt256.LessThan(in balance, in amount))
        {
            return false;
        }
        var account = AccountForWrite(address);
        SetBalance(account, address, account.Balance - amount);
        return true;
    }

    /// <summary>Bumps the nonce; false (and nothing changes) at the maximum (EIP-2681).</summary>
    public bool TryIncrementNonce(in Address address)
    {
        var nonce = NonceOf(address);
        if (nonce == ulong.MaxValue)
        {
            return false;
        }
        var account = AccountForWrite(address);
        SetNonce(account, address, nonce + 1);
        return true;
    }

    /// <summary>Makes sure an account exists, as a call carrying value or reaching a precompile does.</summary>
    public void Touch(in Address address, bool create)
    {
        if (create)
        {
            AccountForWrite(address);
        }
        else if (Find(address) is not null)
        {
            Touch(address);
        }
    }

    /// <summary>
    /// EIP-684: an address with a nonce or code cannot be deployed to; under EIP-7610 (Ethereum) one with
    /// storage neither. ZKsync OS does not look at storage (reference §4.9).
    /// </summary>
    public bool HasDeploymentCollision(in Address address) =>
        (Find(address) is { } account && (account.Nonce != 0 || account.Code.Length > 0))
        || (Rules.DeploymentCollisionIncludesStorage && HasStorage(address));

    /// <summary>
    /// Prepares a deployment target: the account exists (keeping any balance it had), its nonce is 1
    /// (EIP-161), and it counts as created in this transaction (EIP-6780).
    /// </summary>
    public void BeginDeployment(in Address address)
    {
        var account = AccountForWrite(address);
        SetNonce(account, address, 1);
        if (_createdInTransaction.Add(address))
        {
            _journal.Add(new JournalEntry(JournalKind.Created, address));
        }
    }

    // Deployed code and message data outlive the frame that passed them: a copy, in the run's memory
    // when there is one (reset with the block, like everything that refers to it).
    private ReadOnlyMemory<byte> CopyToRunMemory(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return ReadOnlyMemory<byte>.Empty;
        }
        if (_memory is null)
        {
            return bytes.ToArray();
        }
        var copy = _memory.Allocate(bytes.Length);
        bytes.CopyTo(copy.Span);
        return copy;
    }

    /// <summary>Deploys code, run by EE <paramref name="eeType"/>.</summary>
    public void SetCode(in Address address, ReadOnlySpan<byte> code, byte eeType)
    {
        var account = AccountForWrite(address);
        _journal.Add(new JournalEntry(JournalKind.Code, address, OldCode: account.Code, OldCodeHash: account.CodeHash, OldEeType: account.EeType));
        account.Code = CopyToRunMemory(code);
        account.CodeHash = code.IsEmpty ? Account.EmptyCodeHash : Keccak256.Hash(code);
        account.EeType = code.IsEmpty ? EeType.None : eeType;
    }

    /// <summary>Whether any slot of the account holds a non-zero value (of those the block has seen).</summary>
    private bool HasStorage(in Address address)
    {
        foreach (var ((owner, _), value) in _storage)
        {
            if (owner.Equals(address) && !value.Equals(UInt256.Zero))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Zeroes every slot of a removed account (kept as entries, so the change shows in diffs).</summary>
    private void ClearStorage(in Address address)
    {
        List<(Address, UInt256)>? keys = null;
        foreach (var (key, value) in _storage)
        {
            if (key.Item1.Equals(address) && !value.Equals(UInt256.Zero))
            {
                (keys ??= []).Add(key);
            }
        }
        if (keys is null)
        {
            return;
        }
        foreach (var key in keys)
        {
            _storage[key] = UInt256.Zero;
        }
    }

    /// <summary>Applies the refund cap and returns the gas to refund, for the Ethereum policy.</summary>
    public ulong CappedRefund(ulong gasUsed, ulong quotient) =>
        _refund <= 0 ? 0 : Math.Min((ulong)_refund, gasUsed / quotient);
}

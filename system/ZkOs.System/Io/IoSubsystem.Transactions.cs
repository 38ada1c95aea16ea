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
        }
        if (Rules.DeleteEmptyTouchedAccounts)
        {
            foreach (var address in _touched)
            {
                if (_accounts.TryGetValue(address, out var account) && account.IsEmpty)
                {
                    _accounts.Remove(address);
                }
            }
        }
        _journal.Clear();
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
        else if (_accounts.ContainsKey(address))
        {
            Touch(address);
        }
    }

    /// <summary>EIP-684 and EIP-7610: an address with a nonce, code or storage cannot be deployed to.</summary>
    public bool HasDeploymentCollision(in Address address) =>
        _accounts.TryGetValue(address, out var account) && (account.Nonce != 0 || account.Code.Length > 0 || account.Storage.Count > 0);

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

    public void SetCode(in Address address, ReadOnlySpan<byte> code)
    {
        var account = AccountForWrite(address);
        _journal.Add(new JournalEntry(JournalKind.Code, address, OldCode: account.Code, OldCodeHash: account.CodeHash));
        account.Code = code.ToArray();
        account.CodeHash = code.IsEmpty ? Account.EmptyCodeHash : Keccak256.Hash(code);
    }

    /// <summary>Applies the refund cap and returns the gas to refund, for the Ethereum policy.</summary>
    public ulong CappedRefund(ulong gasUsed, ulong quotient) =>
        _refund <= 0 ? 0 : Math.Min((ulong)_refund, gasUsed / quotient);
}

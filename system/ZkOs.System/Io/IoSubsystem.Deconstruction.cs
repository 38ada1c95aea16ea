// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Io;

/// <summary>SELFDESTRUCT (reference §4.6, EIP-6780).</summary>
public sealed partial class IoSubsystem
{
    /// <summary>Native of SELFDESTRUCT's bookkeeping (reference §4.6).</summary>
    private const ulong DeconstructionNative = 100;

    public SystemStatus MarkForDeconstruction(byte ee, ref Resources resources, in Address account, in Address beneficiary, bool inConstructor)
    {
        var balance = BalanceOf(account);
        var gas = WarmAccount(beneficiary) ? AccessCosts.ColdAccountAccessGas : 0;
        if (!balance.Equals(UInt256.Zero) && IsDead(beneficiary))
        {
            gas += AccessCosts.SelfDestructNewAccountGas;
        }
        var status = Charge(ee, ref resources, gas, DeconstructionNative + AccessCosts.AccountAccessNative);
        if (status != SystemStatus.Ok)
        {
            return status;
        }

        if (!beneficiary.Equals(account))
        {
            var to = AccountForWrite(beneficiary);
            SetBalance(to, beneficiary, to.Balance + balance);
            var from = AccountForWrite(account);
            SetBalance(from, account, UInt256.Zero);
        }
        else
        {
            Touch(account);
        }

        var removes = !Rules.SelfDestructOnlyInCreatingTransaction || inConstructor || _createdInTransaction.Contains(account);
        if (removes)
        {
            // The account's balance is gone at once, even when it named itself beneficiary: value it
            // receives later in the transaction is burned with it at the end.
            var self = AccountForWrite(account);
            SetBalance(self, account, UInt256.Zero);
            if (_destructed.Add(account))
            {
                _journal.Add(new JournalEntry(JournalKind.Destructed, account));
            }
        }
        return SystemStatus.Ok;
    }
}

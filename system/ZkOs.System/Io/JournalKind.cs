// SPDX-License-Identifier: MIT
namespace ZkOs.System.Io;

/// <summary>What a journal entry undoes.</summary>
internal enum JournalKind : byte
{
    AccountCreated,
    AccountReplaced,
    Balance,
    Nonce,
    Code,
    Storage,
    TransientStorage,
    WarmAccount,
    WarmSlot,
    Touched,
    Refund,
    Destructed,
    Created,
}

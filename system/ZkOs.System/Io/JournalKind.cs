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

    /// <summary>An account's bytecode was set from a known preimage (not to be published).</summary>
    BytecodeNotPublished,
    Destructed,
    Created,
}

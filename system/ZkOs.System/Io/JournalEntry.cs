// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Io;

/// <summary>One undoable change: the kind, whom it touched and the value before.</summary>
internal readonly record struct JournalEntry(
    JournalKind Kind,
    Address Address,
    UInt256 Key = default,
    UInt256 OldValue = default,
    ulong OldNonce = 0,
    Account? OldAccount = null,
    ReadOnlyMemory<byte> OldCode = default,
    Bytes32 OldCodeHash = default,
    byte OldEeType = 0,
    long OldRefund = 0);

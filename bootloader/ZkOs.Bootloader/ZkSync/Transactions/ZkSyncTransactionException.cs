// SPDX-License-Identifier: MIT
namespace ZkOs.Bootloader.ZkSync.Transactions;

/// <summary>
/// A transaction body the parser refuses, with the rule that failed: <see cref="Kind"/> is
/// <see cref="InvalidTransaction.InvalidEncoding"/> (the ABI layout is wrong) or
/// <see cref="InvalidTransaction.InvalidStructure"/> (the fields break a rule of their type),
/// <see cref="Field"/> names the field and <see cref="Offset"/> is the body offset of the word at fault.
/// </summary>
/// <remarks>
/// The snapshot's bootloader maps every failure of its <c>try_from_slice</c>, structural ones
/// included, to <c>InvalidEncoding</c>; a policy that must record exactly what the snapshot records
/// reports <c>InvalidEncoding</c> whatever <see cref="Kind"/> says. The split is kept here because
/// it is what a person debugging a refused transaction needs.
/// </remarks>
public sealed class ZkSyncTransactionException : Exception
{
    public ZkSyncTransactionException()
        : this(InvalidTransaction.InvalidEncoding, "body", -1, "invalid transaction body")
    {
    }

    public ZkSyncTransactionException(string message)
        : this(InvalidTransaction.InvalidEncoding, "body", -1, message)
    {
    }

    public ZkSyncTransactionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = InvalidTransaction.InvalidEncoding;
        Field = "body";
        Offset = -1;
        Detail = message;
    }

    public ZkSyncTransactionException(InvalidTransaction kind, string field, long offset, string detail)
        : base(offset >= 0 ? $"{kind}: {field} at offset {offset}: {detail}" : $"{kind}: {field}: {detail}")
    {
        Kind = kind;
        Field = field;
        Offset = offset;
        Detail = detail;
    }

    /// <summary><see cref="InvalidTransaction.InvalidEncoding"/> or <see cref="InvalidTransaction.InvalidStructure"/>.</summary>
    public InvalidTransaction Kind { get; }

    /// <summary>The field at fault in the snapshot's naming (<c>tx_type</c>, <c>reserved[1]</c>, <c>signature</c>, …).</summary>
    public string Field { get; }

    /// <summary>Body offset of the word at fault (a head word, or a dynamic field's length word); -1 when none applies.</summary>
    public long Offset { get; }

    /// <summary>What is wrong, without the kind, field and offset.</summary>
    public string Detail { get; }
}

// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using static ZkOs.Bootloader.ZkSync.Transactions.ZkSyncTransactionLayout;

namespace ZkOs.Bootloader.ZkSync.Transactions;

/// <summary>
/// Writes a transaction as the body the bootloader receives: the ABI encoding of the Era
/// <c>Transaction</c> tuple without the leading 0x20 offset word (reference/zksync-os.md §5.2), in
/// the only layout <see cref="ZkSyncTransactionParser"/> accepts (tight packing, zero padding).
/// </summary>
/// <remarks>
/// The structural rules are not checked, so tests can build bodies that break them; a transaction
/// that obeys them (<see cref="ZkSyncTransactionParser.CheckStructure"/>) and fits in 2^23 bytes
/// parses back to an equal record.
/// </remarks>
public static class ZkSyncTransactionEncoder
{
    /// <summary>The body's length, without building it.</summary>
    public static long EncodedLength(ZkSyncTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return Tail(
            transaction.Data.Length,
            transaction.Signature.Length,
            transaction.FactoryDeps.Count,
            transaction.PaymasterInput.Length,
            ZkSyncAccessListCodec.EncodedLength(transaction.AccessList)).End;
    }

    /// <exception cref="ArgumentException">The body would not fit in an array, let alone in the bootloader's 8 MiB.</exception>
    public static byte[] Encode(ZkSyncTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        long reservedDynamicLength = ZkSyncAccessListCodec.EncodedLength(transaction.AccessList);
        var tail = Tail(
            transaction.Data.Length,
            transaction.Signature.Length,
            transaction.FactoryDeps.Count,
            transaction.PaymasterInput.Length,
            reservedDynamicLength);
        if (tail.End > Array.MaxLength)
            throw new ArgumentException($"a {tail.End}-byte body does not fit in an array", nameof(transaction));

        var body = new byte[tail.End];
        var span = body.AsSpan();
        WriteU64(span, TxTypeWord, transaction.TxType);
        WriteAddress(span, FromWord, transaction.From);
        WriteAddress(span, ToWord, transaction.To);
        WriteU64(span, GasLimitWord, transaction.GasLimit);
        WriteU64(span, GasPerPubdataWord, transaction.GasPerPubdataLimit);
        WriteU256(span, MaxFeeWord, transaction.MaxFeePerGas);
        WriteU256(span, MaxPriorityFeeWord, transaction.MaxPriorityFeePerGas);
        WriteAddress(span, PaymasterWord, transaction.Paymaster);
        WriteU256(span, NonceWord, transaction.Nonce);
        WriteU256(span, ValueWord, transaction.Value);
        WriteU256(span, Reserved0Word, transaction.Reserved0);
        WriteU256(span, Reserved0Word + 1, transaction.Reserved1);
        WriteU256(span, Reserved0Word + 2, transaction.Reserved2);
        WriteU256(span, Reserved0Word + 3, transaction.Reserved3);
        WriteU64(span, DataOffsetWord, DataOffset);
        WriteU64(span, SignatureOffsetWord, (ulong)tail.Signature);
        WriteU64(span, FactoryDepsOffsetWord, (ulong)tail.FactoryDeps);
        WriteU64(span, PaymasterInputOffsetWord, (ulong)tail.PaymasterInput);
        WriteU64(span, ReservedDynamicOffsetWord, (ulong)tail.ReservedDynamic);

        // The array starts zeroed, so padding needs no writes.
        WriteBytes(span, DataOffset, transaction.Data.Span);
        WriteBytes(span, (int)tail.Signature, transaction.Signature.Span);
        int at = (int)tail.FactoryDeps;
        WriteLength(span, at, transaction.FactoryDeps.Count);
        for (int i = 0; i < transaction.FactoryDeps.Count; i++)
            transaction.FactoryDeps[i].WriteTo(span[(at + WordSize + (i * WordSize))..]);
        WriteBytes(span, (int)tail.PaymasterInput, transaction.PaymasterInput.Span);
        at = (int)tail.ReservedDynamic;
        WriteLength(span, at, reservedDynamicLength);
        if (transaction.AccessList is { } list)
            ZkSyncAccessListCodec.Encode(list, span.Slice(at + WordSize, (int)reservedDynamicLength));
        return body;
    }

    private static void WriteU64(Span<byte> body, int word, ulong value) =>
        BinaryPrimitives.WriteUInt64BigEndian(body[(Word(word) + 24)..], value);

    private static void WriteU256(Span<byte> body, int word, in UInt256 value) =>
        value.WriteBigEndian(body[Word(word)..]);

    private static void WriteAddress(Span<byte> body, int word, in Address value) =>
        value.WriteTo(body[(Word(word) + 12)..]);

    private static void WriteLength(Span<byte> body, int at, long length) =>
        BinaryPrimitives.WriteUInt64BigEndian(body[(at + 24)..], (ulong)length);

    private static void WriteBytes(Span<byte> body, int at, ReadOnlySpan<byte> bytes)
    {
        WriteLength(body, at, bytes.Length);
        bytes.CopyTo(body[(at + WordSize)..]);
    }
}

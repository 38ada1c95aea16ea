// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Bootloader.Conformance;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using static ZkOs.Bootloader.ZkSync.Transactions.ZkSyncTransactionLayout;

namespace ZkOs.Bootloader.ZkSync.Transactions;

/// <summary>
/// The strict parser of reference/zksync-os.md §5.2: a body is accepted only in the exact layout
/// <see cref="ZkSyncTransactionEncoder"/> writes, and only if its fields obey the rules of its type.
/// Every refusal is a <see cref="ZkSyncTransactionException"/> naming the rule, field and offset;
/// nothing else escapes, whatever the bytes.
/// </summary>
public static class ZkSyncTransactionParser
{
    private static readonly string[] HeadNames =
    [
        "tx_type", "from", "to", "gas_limit", "gas_per_pubdata_limit", "max_fee_per_gas",
        "max_priority_fee_per_gas", "paymaster", "nonce", "value",
        "reserved[0]", "reserved[1]", "reserved[2]", "reserved[3]",
        "data offset", "signature offset", "factory_deps offset", "paymaster_input offset", "reserved_dynamic offset",
    ];

    /// <exception cref="ZkSyncTransactionException">The body breaks a rule; the exception says which.</exception>
    public static ZkSyncTransaction Parse(ReadOnlySpan<byte> body) => ParseCore(body, default, NewTarget(), reuse: null);

    /// <summary>
    /// <see cref="Parse"/> over a body the caller keeps alive (the run's transaction
    /// buffer): the data, signature and paymaster input are slices of it, not copies.
    /// </summary>
    /// <exception cref="ZkSyncTransactionException">The body breaks a rule; the exception says which.</exception>
    public static ZkSyncTransaction ParseInPlace(ReadOnlyMemory<byte> body) => ParseCore(body.Span, body, NewTarget(), reuse: null);

    /// <summary>
    /// <see cref="ParseInPlace"/> into a transaction the caller owns and reuses (the processor's), its
    /// factory deps and access list into <paramref name="buffers"/>: a warm prover parses without
    /// allocating. What the previous parse left in both is overwritten; on an error
    /// <paramref name="target"/> is not to be used.
    /// </summary>
    /// <exception cref="ZkSyncTransactionException">The body breaks a rule; the exception says which.</exception>
    public static void ParseInto(ReadOnlyMemory<byte> body, ZkSyncTransaction target, ZkSyncParseBuffers buffers)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(buffers);
        ParseCore(body.Span, body, target, buffers);
    }

    // A record for the parser to fill; every field is overwritten.
    private static ZkSyncTransaction NewTarget() => new() { TxType = 0 };

    private static ZkSyncTransaction ParseCore(ReadOnlySpan<byte> body, ReadOnlyMemory<byte> owner, ZkSyncTransaction target, ZkSyncParseBuffers? reuse)
    {
        if (!Decode(body, owner, target, reuse, out var error))
            throw error!;
        error = CheckStructureCore(target);
        return error is null ? target : throw error;
    }

    /// <summary><see cref="Parse"/> without throwing: the hot path of a block with many refused transactions.</summary>
    public static bool TryParse(ReadOnlySpan<byte> body, out ZkSyncTransaction? transaction, out ZkSyncTransactionException? error)
    {
        transaction = NewTarget();
        if (Decode(body, default, transaction, reuse: null, out error))
            error = CheckStructureCore(transaction);
        if (error is null)
            return true;
        transaction = null;
        return false;
    }

    /// <summary>
    /// The per-type rules of §5.2 alone, on a record (for builders; <see cref="Parse"/> applies them
    /// too). Offsets in the error are those the record's encoding would have.
    /// </summary>
    /// <exception cref="ZkSyncTransactionException">With <see cref="InvalidTransaction.InvalidStructure"/>.</exception>
    public static void CheckStructure(ZkSyncTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var error = CheckStructureCore(transaction);
        if (error is not null)
            throw error;
    }

    /// <param name="owner">The memory <paramref name="body"/> is, to slice byte fields from; empty to copy them.</param>
    /// <param name="target">Filled only when the body decodes.</param>
    /// <param name="reuse">Lists to refill with the factory deps and access list; null for new ones.</param>
    private static bool Decode(
        ReadOnlySpan<byte> body, ReadOnlyMemory<byte> owner, ZkSyncTransaction target, ZkSyncParseBuffers? reuse, out ZkSyncTransactionException? error)
    {
        error = null;
        if (body.IsEmpty)
            return Fail(out error, "body", -1, "the body is empty (the buffer must be longer than TX_OFFSET)");
        if (body.Length > MaxBodyLength)
            return Fail(out error, "body", -1, $"{body.Length} bytes exceeds MAX_TX_LEN_BYTES ({MaxBodyLength})");
        if (body.Length < DataOffset)
            return Fail(out error, HeadNames[body.Length / WordSize], body.Length - (body.Length % WordSize),
                $"the body ends after {body.Length} bytes, inside the {HeadWords}-word head");

        // Each head word carries a value of a known width; the bytes above it must be zero.
        if (!Unsigned(body, TxTypeWord, 1, out var txType, ref error)
            || !Unsigned(body, FromWord, Address.Size, out _, ref error)
            || !Unsigned(body, ToWord, Address.Size, out _, ref error)
            || !Unsigned(body, GasLimitWord, 8, out var gasLimit, ref error)
            || !Unsigned(body, GasPerPubdataWord, 4, out var gasPerPubdata, ref error)
            || !Unsigned(body, MaxFeeWord, 16, out _, ref error)
            || !Unsigned(body, MaxPriorityFeeWord, 16, out _, ref error)
            || !Unsigned(body, PaymasterWord, Address.Size, out _, ref error))
        {
            return false;
        }
        Span<long> offsets = stackalloc long[5];
        for (int i = 0; i < offsets.Length; i++)
        {
            if (!Unsigned(body, DataOffsetWord + i, 4, out var offset, ref error))
                return false;
            offsets[i] = (long)offset;
        }

        if (offsets[0] != DataOffset)
            return Fail(out error, HeadNames[DataOffsetWord], Word(DataOffsetWord), $"is {offsets[0]}, must be {DataOffset} (19 head words)");

        long at = DataOffset;
        if (!Bytes(body, "data", ref at, out var data, out var dataStart, ref error)
            || !Packed(offsets[1], SignatureOffsetWord, at, ref error)
            || !Bytes(body, "signature", ref at, out var signature, out var signatureStart, ref error)
            || !Packed(offsets[2], FactoryDepsOffsetWord, at, ref error)
            || !Words(body, ref at, reuse?.FactoryDeps, out var deps, ref error)
            || !Packed(offsets[3], PaymasterInputOffsetWord, at, ref error)
            || !Bytes(body, "paymaster_input", ref at, out var paymasterInput, out var paymasterInputStart, ref error)
            || !Packed(offsets[4], ReservedDynamicOffsetWord, at, ref error))
        {
            return false;
        }
        long reservedDynamicAt = at;
        if (!Bytes(body, "reserved_dynamic", ref at, out var reservedDynamic, out _, ref error))
            return false;
        if (at != body.Length)
            return Fail(out error, "body", at, $"{body.Length - at} trailing bytes after reserved_dynamic");

        IReadOnlyList<AccessListEntry>? accessList = null;
        if (!reservedDynamic.IsEmpty)
        {
            accessList = ZkSyncAccessListCodec.TryDecode(reservedDynamic, reservedDynamicAt + WordSize, reuse, out var listError);
            if (accessList is null)
                return Fail(out error, "reserved_dynamic", listError!.Value.Offset, $"access list: {listError.Value.Detail}");
        }

        target.Refill(
            txType: (byte)txType,
            from: ReadAddress(body, FromWord),
            to: ReadAddress(body, ToWord),
            gasLimit: (ulong)gasLimit,
            gasPerPubdataLimit: (uint)gasPerPubdata,
            maxFeePerGas: (UInt128)ReadWord(body, MaxFeeWord),
            maxPriorityFeePerGas: (UInt128)ReadWord(body, MaxPriorityFeeWord),
            paymaster: ReadAddress(body, PaymasterWord),
            nonce: ReadWord(body, NonceWord),
            value: ReadWord(body, ValueWord),
            reserved0: ReadWord(body, Reserved0Word),
            reserved1: ReadWord(body, Reserved0Word + 1),
            reserved2: ReadWord(body, Reserved0Word + 2),
            reserved3: ReadWord(body, Reserved0Word + 3),
            data: Field(owner, data, dataStart),
            signature: Field(owner, signature, signatureStart),
            factoryDeps: deps,
            paymasterInput: Field(owner, paymasterInput, paymasterInputStart),
            accessList: accessList);
        return true;
    }

    private static ZkSyncTransactionException? CheckStructureCore(ZkSyncTransaction tx)
    {
        byte type = tx.TxType;
        bool ethereum = type is ZkSyncTransaction.LegacyType or ZkSyncTransaction.Eip2930Type or ZkSyncTransaction.Eip1559Type;
        bool eip712 = type == ZkSyncTransaction.Eip712Type;
        bool l1OrUpgrade = type is ZkSyncTransaction.L1ToL2Type or ZkSyncTransaction.UpgradeType;

        if (!ethereum && !eip712 && !l1OrUpgrade)
            return Structure(TxTypeWord, $"0x{type:x2} is not a supported type (0x00, 0x01, 0x02, 0x71, 0xfe, 0xff)");
        if ((type is ZkSyncTransaction.LegacyType or ZkSyncTransaction.Eip2930Type) && tx.MaxFeePerGas != tx.MaxPriorityFeePerGas)
            return Structure(MaxPriorityFeeWord, $"type 0x{type:x2} has one gas price: max_fee_per_gas {tx.MaxFeePerGas} must equal max_priority_fee_per_gas {tx.MaxPriorityFeePerGas}");
        if (!eip712 && !tx.Paymaster.IsZero)
            return Structure(PaymasterWord, $"a paymaster is only allowed for type 0x71, not 0x{type:x2}");
        if (type is not (ZkSyncTransaction.LegacyType or ZkSyncTransaction.L1ToL2Type or ZkSyncTransaction.UpgradeType) && tx.Reserved0 != UInt256.Zero)
            return Structure(Reserved0Word, $"must be 0 for type 0x{type:x2} (only 0x00 uses it as the EIP-155 flag, 0xfe/0xff as the deposit)");
        if (eip712 && tx.Reserved1 != UInt256.Zero)
            return Structure(Reserved0Word + 1, "must be 0 for type 0x71");
        if (ethereum && tx.Reserved1 != UInt256.Zero && !tx.To.IsZero)
            return Structure(Reserved0Word + 1, $"marks a deployment, which needs to == 0, but to is {tx.To}");
        // Flags are canonical (0 or 1) and fields a type does not use are zero: none of these is covered
        // by the hash of an Ethereum-typed transaction, so any other value would let an encoding (and a
        // witness) change without changing the block. The snapshot accepts any nonzero flag.
        if (type == ZkSyncTransaction.LegacyType && tx.Reserved0 > UInt256.One)
            return Structure(Reserved0Word, $"is the EIP-155 flag of type 0x00 and must be 0 or 1, not {tx.Reserved0}");
        if (ethereum && tx.Reserved1 > UInt256.One)
            return Structure(Reserved0Word + 1, $"is the deployment flag of type 0x{type:x2} and must be 0 or 1, not {tx.Reserved1}");
        if (ethereum && tx.GasPerPubdataLimit != 0)
            return Structure(GasPerPubdataWord, $"is unused for type 0x{type:x2} (its implicit limit is 1) and must be 0, not {tx.GasPerPubdataLimit}");
        if (tx.Reserved2 != UInt256.Zero)
            return Structure(Reserved0Word + 2, "is unused and must be 0");
        if (tx.Reserved3 != UInt256.Zero)
            return Structure(Reserved0Word + 3, "is unused and must be 0");

        var tail = Tail(
            tx.Data.Length, tx.Signature.Length, tx.FactoryDeps.Count, tx.PaymasterInput.Length,
            ZkSyncAccessListCodec.EncodedLength(tx.AccessList));
        if (l1OrUpgrade && !tx.Signature.IsEmpty)
            return Structure("signature", tail.Signature, $"must be empty for type 0x{type:x2}, has {tx.Signature.Length} bytes");
        if (!l1OrUpgrade && tx.Signature.Length != 65)
            return Structure("signature", tail.Signature, $"must be 65 bytes (r ‖ s ‖ v) for type 0x{type:x2}, has {tx.Signature.Length}");
        if (!eip712 && !tx.PaymasterInput.IsEmpty)
            return Structure("paymaster_input", tail.PaymasterInput, $"is only allowed for type 0x71, not 0x{type:x2}");
        if (!eip712 && !l1OrUpgrade && tx.FactoryDeps.Count != 0)
            return Structure("factory_deps", tail.FactoryDeps, $"are only allowed for types 0x71, 0xfe and 0xff, not 0x{type:x2}");
        // Types 0 and 0x71 do not sign an access list, so one attached to them would let anyone who
        // relays the transaction change what it warms (and pays for); upstream refuses it too.
        if (type is not (ZkSyncTransaction.Eip2930Type or ZkSyncTransaction.Eip1559Type) && tx.AccessList is { Count: > 0 })
            return Structure("reserved_dynamic", tail.ReservedDynamic, $"an access list is only allowed for types 0x01 and 0x02, not 0x{type:x2}");
        return null;
    }

    // Reads head word `index` as an unsigned value of `width` bytes (at most 16), refusing nonzero bytes above it.
    private static bool Unsigned(ReadOnlySpan<byte> body, int index, int width, out UInt128 value, ref ZkSyncTransactionException? error)
    {
        var word = body.Slice(Word(index), WordSize);
        int high = WordSize - width;
        if (word[..high].ContainsAnyExcept((byte)0))
        {
            value = default;
            Fail(out error, HeadNames[index], Word(index), $"only the low {width} bytes may be nonzero");
            return false;
        }
        value = width > 16 ? default : (UInt128)UInt256.ReadBigEndian(word);
        return true;
    }

    private static bool Packed(long offset, int index, long expected, ref ZkSyncTransactionException? error)
    {
        if (offset == expected)
            return true;
        Fail(out error, HeadNames[index], Word(index), $"is {offset}, but the previous field ends at {expected} (fields must be tightly packed)");
        return false;
    }

    // A `bytes` value at `at`: length word (u32), the bytes, zero padding to a whole word.
    /// <summary>A byte field: a slice of the owner when there is one, else a copy.</summary>
    private static ReadOnlyMemory<byte> Field(ReadOnlyMemory<byte> owner, ReadOnlySpan<byte> value, int start) =>
        owner.IsEmpty ? value.ToArray() : owner.Slice(start, value.Length);

    private static bool Bytes(
        ReadOnlySpan<byte> body, string field, ref long at, out ReadOnlySpan<byte> value, out int valueStart, ref ZkSyncTransactionException? error)
    {
        value = default;
        valueStart = 0;
        if (!Length(body, field, at, out long length, ref error))
            return false;
        long start = at + WordSize;
        long padded = Padded(length);
        if (padded > body.Length - start)
        {
            Fail(out error, field, at, $"{length} bytes (padded to {padded}) run past the body's end at {body.Length}");
            return false;
        }
        value = body.Slice((int)start, (int)length);
        valueStart = (int)start;
        var padding = body.Slice((int)(start + length), (int)(padded - length));
        int dirty = padding.IndexOfAnyExcept((byte)0);
        if (dirty >= 0)
        {
            Fail(out error, field, start + length + dirty, "the padding after the bytes must be zero");
            return false;
        }
        at = start + padded;
        return true;
    }

    // `bytes32[]` at `at`: count word (u32), then count words; into `reuse` when given, else a new array.
    private static bool Words(ReadOnlySpan<byte> body, ref long at, List<Bytes32>? reuse, out IReadOnlyList<Bytes32> value, ref ZkSyncTransactionException? error)
    {
        value = Array.Empty<Bytes32>();
        if (!Length(body, "factory_deps", at, out long count, ref error))
            return false;
        long start = at + WordSize;
        if (count * WordSize > body.Length - start)
        {
            Fail(out error, "factory_deps", at, $"{count} hashes run past the body's end at {body.Length}");
            return false;
        }
        if (count > 0 && reuse is not null)
        {
            reuse.Clear();
            for (int i = 0; i < count; i++)
                reuse.Add(new Bytes32(body.Slice((int)start + (i * WordSize), WordSize)));
            value = reuse;
        }
        else if (count > 0)
        {
            var words = new Bytes32[count];
            for (int i = 0; i < words.Length; i++)
                words[i] = new Bytes32(body.Slice((int)start + (i * WordSize), WordSize));
            value = words;
        }
        at = start + (count * WordSize);
        return true;
    }

    private static bool Length(ReadOnlySpan<byte> body, string field, long at, out long length, ref ZkSyncTransactionException? error)
    {
        length = 0;
        if (WordSize > body.Length - at)
        {
            Fail(out error, field, at, $"the length word runs past the body's end at {body.Length}");
            return false;
        }
        var word = body.Slice((int)at, WordSize);
        if (word[..28].ContainsAnyExcept((byte)0))
        {
            Fail(out error, field, at, "the length word has nonzero high bytes (it is a u32)");
            return false;
        }
        length = BinaryPrimitives.ReadUInt32BigEndian(word[28..]);
        return true;
    }

    private static UInt256 ReadWord(ReadOnlySpan<byte> body, int index) => UInt256.ReadBigEndian(body.Slice(Word(index), WordSize));

    private static Address ReadAddress(ReadOnlySpan<byte> body, int index) => new(body.Slice(Word(index) + 12, Address.Size));

    private static bool Fail(out ZkSyncTransactionException error, string field, long offset, string detail)
    {
        error = new ZkSyncTransactionException(InvalidTransaction.InvalidEncoding, field, offset, detail);
        return false;
    }

    private static ZkSyncTransactionException Structure(int index, string detail) =>
        new(InvalidTransaction.InvalidStructure, HeadNames[index], Word(index), detail);

    private static ZkSyncTransactionException Structure(string field, long offset, string detail) =>
        new(InvalidTransaction.InvalidStructure, field, offset, detail);
}

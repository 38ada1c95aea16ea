// SPDX-License-Identifier: MIT
using System.Buffers;
using System.Text;
using ZkOs.Bootloader.Conformance;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.ZkSync.Transactions;

/// <summary>
/// The two hashes of reference/zksync-os.md §5.3: the signed hash (what the EOA signs) and the
/// transaction hash (the identifier folded into the block's rolling hash and the L1 tx log).
/// </summary>
/// <remarks>
/// <para>
/// Snapshot quirk (§11), mirrored on purpose: the transaction hash of every Ethereum type appends
/// the signature as <c>r, s, v</c>, where Ethereum has <c>v, r, s</c> (legacy) or
/// <c>y_parity, r, s</c> (types 1 and 2). For types 1 and 2 <c>v</c> is moreover the raw stored
/// byte (27/28), not the parity; legacy EIP-155 rewrites it to <c>v + 8 + 2·chainId</c>, the value
/// Ethereum uses. So no type 0/1/2 transaction hash equals the one Ethereum tooling shows for the
/// same signed transaction (the tests check this on a mainnet block); the signed hashes do match.
/// </para>
/// <para>
/// Every result lists the input length of each Keccak call (<see cref="ZkSyncTransactionHash"/>).
/// The 0x71 transaction hash recomputes the signed hash, as the snapshot does, and so reports (and
/// is charged for) those calls again.
/// </para>
/// </remarks>
public static class ZkSyncTransactionHashes
{
    /// <summary>The EIP-712 type of a 0x71 transaction: 13 fields, addresses and small integers widened to uint256.</summary>
    public const string Eip712TransactionType =
        "Transaction(uint256 txType,uint256 from,uint256 to,uint256 gasLimit,uint256 gasPerPubdataByteLimit," +
        "uint256 maxFeePerGas,uint256 maxPriorityFeePerGas,uint256 paymaster,uint256 nonce,uint256 value," +
        "bytes data,bytes32[] factoryDeps,bytes paymasterInput)";

    public const string Eip712DomainType = "EIP712Domain(string name,string version,uint256 chainId)";

    public const string Eip712DomainName = "zkSync";

    public const string Eip712DomainVersion = "2";

    private const int Word = ZkSyncTransactionLayout.WordSize;

    /// <summary>keccak(<see cref="Eip712TransactionType"/>), the reference's <c>0x848e1bfa…aac8</c>.</summary>
    public static Bytes32 Eip712TypeHash { get; } = Keccak256.Hash(Encoding.ASCII.GetBytes(Eip712TransactionType));

    /// <summary>keccak(<see cref="Eip712DomainType"/>), the reference's <c>0xc2f87871…5b6e</c>.</summary>
    public static Bytes32 Eip712DomainTypeHash { get; } = Keccak256.Hash(Encoding.ASCII.GetBytes(Eip712DomainType));

    private static readonly Bytes32 _domainNameHash = Keccak256.Hash(Encoding.ASCII.GetBytes(Eip712DomainName));

    private static readonly Bytes32 _domainVersionHash = Keccak256.Hash(Encoding.ASCII.GetBytes(Eip712DomainVersion));

    /// <summary>
    /// The hash the sender signs. Legacy: <c>keccak(rlp([nonce, gasPrice, gasLimit, to, value, data(, chainId, 0, 0)]))</c>,
    /// the chain id part only when <see cref="ZkSyncTransaction.IsEip155"/>. 0x01/0x02: <c>keccak(type ‖ rlp([chainId, …, accessList]))</c>.
    /// 0x71: the EIP-712 digest under domain ("zkSync", "2", chainId).
    /// </summary>
    /// <exception cref="InvalidOperationException">L1 and upgrade transactions are not signed.</exception>
    public static ZkSyncTransactionHash SignedHash(ZkSyncTransaction transaction, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var lengths = new KeccakInputs();
        var hash = transaction.TxType switch
        {
            ZkSyncTransaction.LegacyType or ZkSyncTransaction.Eip2930Type or ZkSyncTransaction.Eip1559Type =>
                RlpHash(transaction, chainId, signed: true, ref lengths),
            ZkSyncTransaction.Eip712Type => Eip712SignedHash(transaction, chainId, ref lengths),
            ZkSyncTransaction.L1ToL2Type or ZkSyncTransaction.UpgradeType =>
                throw new InvalidOperationException($"type 0x{transaction.TxType:x2} transactions carry no signature and have no signed hash"),
            _ => throw UnsupportedType(transaction.TxType),
        };
        return new ZkSyncTransactionHash(hash, lengths);
    }

    /// <summary>
    /// The transaction's identifier. Legacy: <c>[nonce, gasPrice, gasLimit, to, value, data]</c> with
    /// <c>r, s, v'</c> appended, <c>v' = v + 8 + 2·chainId</c> for EIP-155 (27/28 → 35/36 + 2·chainId)
    /// and <c>v</c> otherwise. 0x01/0x02: the signed list with <c>r, s, v</c> appended, <c>v</c> the
    /// raw stored byte. Neither is Ethereum's hash (the snapshot quirk, see remarks). 0x71: <c>keccak(signedHash ‖ keccak(signature))</c>.
    /// 0xFE/0xFF: <c>keccak(0x20-word ‖ body)</c>, i.e. <c>keccak(abi.encode(tx))</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A type 0/1/2 transaction whose signature is not 65 bytes.</exception>
    public static ZkSyncTransactionHash TxHash(ZkSyncTransaction transaction, ulong chainId)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.IsL1OrUpgrade)
            return L1TxHash(ZkSyncTransactionEncoder.Encode(transaction));
        var lengths = new KeccakInputs();
        var hash = transaction.TxType switch
        {
            ZkSyncTransaction.LegacyType or ZkSyncTransaction.Eip2930Type or ZkSyncTransaction.Eip1559Type =>
                RlpHash(transaction, chainId, signed: false, ref lengths),
            ZkSyncTransaction.Eip712Type => Eip712TxHash(transaction, chainId, ref lengths),
            _ => throw UnsupportedType(transaction.TxType),
        };
        return new ZkSyncTransactionHash(hash, lengths);
    }

    /// <summary>
    /// The hash of an L1 or upgrade transaction straight from its body, <c>keccak(0x20-word ‖ body)</c>:
    /// the body lacks the tuple's leading offset word, which <c>abi.encode</c> on L1 includes.
    /// Saves re-encoding the record in <see cref="TxHash"/>.
    /// </summary>
    public static ZkSyncTransactionHash L1TxHash(ReadOnlySpan<byte> body)
    {
        Span<byte> head = stackalloc byte[Word];
        head.Clear();
        head[^1] = 0x20;
        var hasher = new Keccak256.Hasher();
        hasher.Update(head);
        hasher.Update(body);
        var lengths = new KeccakInputs();
        lengths.Add(Word + body.Length);
        return new ZkSyncTransactionHash(hasher.Finish(), lengths);
    }

    /// <summary><c>keccak(DOMAIN_TYPE_HASH ‖ keccak("zkSync") ‖ keccak("2") ‖ chainId)</c>.</summary>
    public static Bytes32 Eip712DomainSeparator(ulong chainId)
    {
        var uncharged = new KeccakInputs();
        return DomainSeparator(chainId, ref uncharged);
    }

    private static Bytes32 DomainSeparator(ulong chainId, ref KeccakInputs lengths)
    {
        Span<byte> input = stackalloc byte[4 * Word];
        Eip712DomainTypeHash.WriteTo(input);
        _domainNameHash.WriteTo(input[Word..]);
        _domainVersionHash.WriteTo(input[(2 * Word)..]);
        new UInt256(chainId).WriteBigEndian(input[(3 * Word)..]);
        return Hash(input, ref lengths);
    }

    private static Bytes32 Eip712SignedHash(ZkSyncTransaction tx, ulong chainId, ref KeccakInputs lengths)
    {
        var domain = DomainSeparator(chainId, ref lengths);

        // hashStruct: the type hash, the ten static fields as words, then the hashes of the three
        // dynamic ones (bytes32[] hashes its packed elements).
        Span<byte> input = stackalloc byte[14 * Word];
        input.Clear();
        Eip712TypeHash.WriteTo(input);
        input[Word + Word - 1] = tx.TxType;
        tx.From.WriteTo(input[((2 * Word) + 12)..]);
        tx.To.WriteTo(input[((3 * Word) + 12)..]);
        new UInt256(tx.GasLimit).WriteBigEndian(input[(4 * Word)..]);
        new UInt256(tx.GasPerPubdataLimit).WriteBigEndian(input[(5 * Word)..]);
        ((UInt256)tx.MaxFeePerGas).WriteBigEndian(input[(6 * Word)..]);
        ((UInt256)tx.MaxPriorityFeePerGas).WriteBigEndian(input[(7 * Word)..]);
        tx.Paymaster.WriteTo(input[((8 * Word) + 12)..]);
        tx.Nonce.WriteBigEndian(input[(9 * Word)..]);
        tx.Value.WriteBigEndian(input[(10 * Word)..]);
        Hash(tx.Data.Span, ref lengths).WriteTo(input[(11 * Word)..]);
        // The packed dependency hashes, streamed word by word rather than copied into an array.
        var deps = new Keccak256.Hasher();
        Span<byte> dep = stackalloc byte[Word];
        for (int i = 0; i < tx.FactoryDeps.Count; i++)
        {
            tx.FactoryDeps[i].WriteTo(dep);
            deps.Update(dep);
        }
        lengths.Add(tx.FactoryDeps.Count * Word);
        deps.Finish().WriteTo(input[(12 * Word)..]);
        Hash(tx.PaymasterInput.Span, ref lengths).WriteTo(input[(13 * Word)..]);
        var structHash = Hash(input, ref lengths);

        Span<byte> digest = stackalloc byte[2 + (2 * Word)];
        digest[0] = 0x19;
        digest[1] = 0x01;
        domain.WriteTo(digest[2..]);
        structHash.WriteTo(digest[(2 + Word)..]);
        return Hash(digest, ref lengths);
    }

    private static Bytes32 Eip712TxHash(ZkSyncTransaction tx, ulong chainId, ref KeccakInputs lengths)
    {
        var signed = Eip712SignedHash(tx, chainId, ref lengths);
        Span<byte> input = stackalloc byte[2 * Word];
        signed.WriteTo(input);
        Hash(tx.Signature.Span, ref lengths).WriteTo(input[Word..]);
        return Hash(input, ref lengths);
    }

    // The Ethereum-typed hashes: one RLP list, built in a rented buffer sized up front.
    private static Bytes32 RlpHash(ZkSyncTransaction tx, ulong chainId, bool signed, ref KeccakInputs lengths)
    {
        bool typed = tx.TxType != ZkSyncTransaction.LegacyType;
        bool eip1559 = tx.TxType == ZkSyncTransaction.Eip1559Type;
        bool eip155 = tx.IsEip155;
        bool deployment = tx.Reserved1 != UInt256.Zero;
        UInt256 maxFee = tx.MaxFeePerGas;
        UInt256 maxPriorityFee = tx.MaxPriorityFeePerGas;
        var data = tx.Data.Span;
        var accessList = tx.AccessList ?? [];

        UInt256 r = default, s = default, v = default;
        if (!signed)
        {
            var signature = tx.Signature.Span;
            if (signature.Length != 65)
                throw new ArgumentException($"a type 0x{tx.TxType:x2} transaction hash needs a 65-byte signature, not {signature.Length} bytes", nameof(tx));
            r = UInt256.ReadBigEndian(signature[..32]);
            s = UInt256.ReadBigEndian(signature[32..64]);
            // Only legacy EIP-155 rewrites v; typed transactions hash the stored byte as it is.
            v = !typed && eip155 ? (UInt256)((UInt128)signature[64] + 8 + (2 * (UInt128)chainId)) : signature[64];
        }

        int accessListPayload = 0;
        if (typed)
        {
            // Indexed, not foreach: enumerating the interface would box its enumerator.
            for (int i = 0; i < accessList.Count; i++)
                accessListPayload += RlpLength.OfList(AccessListItemPayload(accessList[i]));
        }

        long payload = 0;
        if (typed)
            payload += RlpLength.OfUInt64(chainId);
        payload += RlpLength.OfUInt256(tx.Nonce);
        if (eip1559)
            payload += RlpLength.OfUInt256(maxPriorityFee);
        payload += RlpLength.OfUInt256(maxFee);
        payload += RlpLength.OfUInt64(tx.GasLimit);
        payload += deployment ? 1 : RlpLength.OfAddress;
        payload += RlpLength.OfUInt256(tx.Value);
        payload += RlpLength.OfBytes(data);
        if (typed)
            payload += RlpLength.OfList(accessListPayload);
        else if (signed && eip155)
            payload += RlpLength.OfUInt64(chainId) + 2;
        if (!signed)
            payload += RlpLength.OfUInt256(r) + RlpLength.OfUInt256(s) + RlpLength.OfUInt256(v);

        long total = (typed ? 1 : 0) + RlpLength.OfList(checked((int)payload));
        var buffer = ArrayPool<byte>.Shared.Rent(checked((int)total));
        try
        {
            // The type byte precedes the list; the writer then fills the rest of the buffer.
            int start = typed ? 1 : 0;
            buffer[0] = tx.TxType;
            var writer = new RlpWriter(buffer.AsSpan(start, (int)total - start));
            writer.WriteListHeader((int)payload);
            if (typed)
                writer.WriteUInt64(chainId);
            writer.WriteUInt256(tx.Nonce);
            if (eip1559)
                writer.WriteUInt256(maxPriorityFee);
            writer.WriteUInt256(maxFee);
            writer.WriteUInt64(tx.GasLimit);
            if (deployment)
                writer.WriteBytes(ReadOnlySpan<byte>.Empty);
            else
                writer.WriteAddress(tx.To);
            writer.WriteUInt256(tx.Value);
            writer.WriteBytes(data);
            if (typed)
            {
                writer.WriteListHeader(accessListPayload);
                for (int i = 0; i < accessList.Count; i++)
                {
                    var entry = accessList[i];
                    writer.WriteListHeader(AccessListItemPayload(entry));
                    writer.WriteAddress(entry.Address);
                    writer.WriteListHeader(entry.StorageKeys.Count * RlpLength.OfBytes32);
                    for (int k = 0; k < entry.StorageKeys.Count; k++)
                        writer.WriteBytes32(entry.StorageKeys[k]);
                }
            }
            else if (signed && eip155)
            {
                writer.WriteUInt64(chainId);
                writer.WriteUInt64(0);
                writer.WriteUInt64(0);
            }
            if (!signed)
            {
                writer.WriteUInt256(r);
                writer.WriteUInt256(s);
                writer.WriteUInt256(v);
            }
            if (writer.Position != total - start)
                throw new InvalidOperationException($"RLP sizing bug: wrote {writer.Position} of {total - start} bytes");
            return Hash(buffer.AsSpan(0, (int)total), ref lengths);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // [address, [keys]]: 21 bytes for the address, then the key list.
    private static int AccessListItemPayload(AccessListEntry entry) =>
        RlpLength.OfAddress + RlpLength.OfList(entry.StorageKeys.Count * RlpLength.OfBytes32);

    private static Bytes32 Hash(ReadOnlySpan<byte> input, ref KeccakInputs lengths)
    {
        lengths.Add(input.Length);
        return Keccak256.Hash(input);
    }

    private static ArgumentException UnsupportedType(byte type) =>
        new($"0x{type:x2} is not a ZKsync OS transaction type", "transaction");
}

// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Conformance.MainnetBlocks;
using ZkOs.Bootloader.Tests.Conformance;
using ZkOs.Bootloader.ZkSync.Transactions;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Tests.ZkSync;

/// <summary>
/// Mainnet block 22244135 (read in place) as ZKsync transactions: 125 real signatures of types 0–2,
/// with the sender each one must recover to, and Ethereum's own hashes.
/// </summary>
internal static class MainnetSignedTransactions
{
    private static readonly Lazy<MainnetBlock> _block = new(() =>
        MainnetBlockLoader.LoadBlock(Path.Combine(ConformanceData.MainnetBlock, MainnetBlockLoader.BlockFile)));

    public static IReadOnlyList<MainnetTransaction> All => _block.Value.Transactions;

    /// <summary>The recovery id (0/1) the mainnet signature carries, however its type writes it.</summary>
    public static int RecoveryId(MainnetTransaction tx)
    {
        if (tx.Type != 0)
            return tx.YParity ?? throw new InvalidOperationException("a typed transaction without y_parity");
        ulong v = (ulong)tx.V;
        return (int)(tx.ChainId is { } chainId ? v - 35 - (2 * chainId) : v - 27);
    }

    /// <summary>The transaction as the ZKsync body would carry it (v stored as 27/28).</summary>
    public static ZkSyncTransaction ToZkSync(MainnetTransaction tx)
    {
        var signature = new byte[65];
        tx.R.WriteBigEndian(signature);
        tx.S.WriteBigEndian(signature.AsSpan(32));
        signature[64] = (byte)(27 + RecoveryId(tx));
        var gasPrice = tx.Type == 2 ? tx.MaxFeePerGas!.Value : tx.GasPrice!.Value;
        var priority = tx.Type == 2 ? tx.MaxPriorityFeePerGas!.Value : gasPrice;
        return new ZkSyncTransaction
        {
            TxType = tx.Type,
            From = tx.From,
            To = tx.To ?? Address.Zero,
            GasLimit = tx.Gas,
            MaxFeePerGas = (UInt128)gasPrice,
            MaxPriorityFeePerGas = (UInt128)priority,
            Nonce = tx.Nonce,
            Value = tx.Value,
            Reserved0 = tx.Type == 0 && tx.ChainId is not null ? UInt256.One : UInt256.Zero,
            Reserved1 = tx.To is null ? UInt256.One : UInt256.Zero,
            Data = tx.Input,
            Signature = signature,
            AccessList = tx.Type == 0 ? null : tx.AccessList,
        };
    }

    /// <summary>
    /// A transaction's RLP preimage built independently of the code under test, with
    /// <paramref name="tail"/> appended to the fields every type signs: Ethereum's canonical
    /// <c>[v, r, s]</c>, the snapshot's <c>[r, s, v]</c>, or (legacy EIP-155 signing) <c>[chainId, 0, 0]</c>.
    /// </summary>
    public static byte[] Preimage(MainnetTransaction tx, params byte[][] tail)
    {
        var items = new List<byte[]>();
        if (tx.Type != 0)
            items.Add(Rlp.EncodeUInt64(tx.ChainId!.Value));
        items.Add(Rlp.EncodeUInt64(tx.Nonce));
        if (tx.Type == 2)
        {
            items.Add(Rlp.EncodeUInt256(tx.MaxPriorityFeePerGas!.Value));
            items.Add(Rlp.EncodeUInt256(tx.MaxFeePerGas!.Value));
        }
        else
        {
            items.Add(Rlp.EncodeUInt256(tx.GasPrice!.Value));
        }
        items.Add(Rlp.EncodeUInt64(tx.Gas));
        items.Add(tx.To is { } to ? Rlp.EncodeAddress(to) : Rlp.EncodeBytes([]));
        items.Add(Rlp.EncodeUInt256(tx.Value));
        items.Add(Rlp.EncodeBytes(tx.Input.Span));
        if (tx.Type != 0)
        {
            items.Add(Rlp.EncodeList([.. tx.AccessList!.Select(e =>
                Rlp.EncodeList(Rlp.EncodeAddress(e.Address), Rlp.EncodeList([.. e.StorageKeys.Select(k => Rlp.EncodeBytes32(k))])))]));
        }
        items.AddRange(tail);
        var list = Rlp.EncodeList([.. items]);
        return tx.Type == 0 ? list : [tx.Type, .. list];
    }

    public static Bytes32 Keccak(byte[] input) => Keccak256.Hash(input);
}

// SPDX-License-Identifier: MIT
using System.Text;
using ZkOs.Bootloader.ZkSync.Transactions;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Precompiles;

namespace ZkOs.Bootloader.Tests.ZkSync;

/// <summary>Signed hashes and transaction hashes of reference/zksync-os.md §5.3.</summary>
public sealed class ZkSyncTransactionHashesTests
{
    private static readonly Address Alice = Address.Parse("0x1111111111111111111111111111111111111111");
    private static readonly Address Bob = Address.Parse("0x2222222222222222222222222222222222222222");

    [Fact]
    public void Eip712TypeHashesAreTheReferencesConstants()
    {
        var typeHash = ZkSyncTransactionHashes.Eip712TypeHash.ToString();
        var domainTypeHash = ZkSyncTransactionHashes.Eip712DomainTypeHash.ToString();
        // The reference gives the ends (0x848e1bfa…aac8, 0xc2f87871…5b6e); the full values are the snapshot's constants.
        Assert.StartsWith("0x848e1bfa", typeHash, StringComparison.Ordinal);
        Assert.EndsWith("aac8", typeHash, StringComparison.Ordinal);
        Assert.StartsWith("0xc2f87871", domainTypeHash, StringComparison.Ordinal);
        Assert.EndsWith("5b6e", domainTypeHash, StringComparison.Ordinal);
        Assert.Equal("0x848e1bfa1ac4e3576b728bda6721b215c70a7799a5b4866282a71bab954baac8", typeHash);
        Assert.Equal("0xc2f8787176b8ac6bf7215b4adcc1e069bf4ab82d9ab1df05a57a91d425935b6e", domainTypeHash);
        Assert.Equal(13, ZkSyncTransactionHashes.Eip712TransactionType.Count(c => c == ',') + 1);
    }

    [Fact]
    public void DomainSeparatorHashesNameVersionAndChainId()
    {
        var input = new byte[128];
        ZkSyncTransactionHashes.Eip712DomainTypeHash.WriteTo(input);
        Bytes32.Parse("0x19b453ce45aaaaf3a300f5a9ec95869b4f28ab10430b572ee218c3a6a5e07d6f").WriteTo(input.AsSpan(32)); // keccak("zkSync")
        Bytes32.Parse("0xad7c5bef027816a800da1736444fb58a807ef4c9603b7848673f7e3a68eb14a5").WriteTo(input.AsSpan(64)); // keccak("2")
        input[126] = 0x01;
        input[127] = 0x0e; // 270
        Assert.Equal(Keccak256.Hash(input), ZkSyncTransactionHashes.Eip712DomainSeparator(270));
        Assert.Equal(Keccak256.Hash(Encoding.ASCII.GetBytes("zkSync")), new Bytes32(input.AsSpan(32, 32)));
    }

    // ---- the mainnet block: real signatures of types 0, 1 and 2 ----

    [Fact]
    public void MainnetSignedHashesRecoverTheirSenders()
    {
        var transactions = MainnetSignedTransactions.All;
        Assert.Equal(125, transactions.Count);
        foreach (var mainnet in transactions)
        {
            var tx = MainnetSignedTransactions.ToZkSync(mainnet);
            // Every transaction is valid as a ZKsync body, and survives the trip.
            var body = ZkSyncTransactionEncoder.Encode(tx);
            Assert.Equal(tx, ZkSyncTransactionParser.Parse(body));

            var signed = ZkSyncTransactionHashes.SignedHash(tx, mainnet.ChainId ?? 1);
            var signature = tx.Signature.Span;
            Assert.True(Secp256k1.TryRecoverAddress(signed.Hash.ToArray(), signature[..32], signature[32..64], signature[64] - 27, out var sender));
            Assert.Equal(mainnet.From, sender);
            Assert.Equal(tx.IsEip155, mainnet.Type == 0 && mainnet.ChainId is not null);
        }
        // The block has no pre-EIP-155 transaction; LegacyEip155TxHashRewritesV covers that form by hand.
        Assert.Contains(transactions, t => t.Type == 0 && t.ChainId is not null);
    }

    [Fact]
    public void TransactionHashesAppendRSAndV()
    {
        // The snapshot quirk: [..., r, s, v] instead of Ethereum's [..., v, r, s], for every
        // Ethereum type. Legacy v is rewritten for EIP-155 (v' = v + 8 + 2·chainId, which is also
        // Ethereum's value); typed v is the raw 27/28 where Ethereum has the y parity 0/1.
        foreach (var mainnet in MainnetSignedTransactions.All)
        {
            var tx = MainnetSignedTransactions.ToZkSync(mainnet);
            var r = Rlp.EncodeUInt256(mainnet.R);
            var s = Rlp.EncodeUInt256(mainnet.S);
            var ethereumV = Rlp.EncodeUInt256(mainnet.Type == 0 ? mainnet.V : (ulong)mainnet.YParity!.Value);
            var ethereum = MainnetSignedTransactions.Preimage(mainnet, ethereumV, r, s);
            Assert.Equal(mainnet.Hash, MainnetSignedTransactions.Keccak(ethereum)); // the test's own RLP is right

            ulong storedV = tx.Signature.Span[64];
            var zkV = Rlp.EncodeUInt256(mainnet.Type == 0 ? mainnet.V : storedV);
            var quirk = MainnetSignedTransactions.Preimage(mainnet, r, s, zkV);
            var hash = ZkSyncTransactionHashes.TxHash(tx, mainnet.ChainId ?? 1);
            Assert.Equal(MainnetSignedTransactions.Keccak(quirk), hash.Hash);
            Assert.NotEqual(mainnet.Hash, hash.Hash);
            Assert.Equal([quirk.Length], hash.KeccakInputLengths);

            var unsigned = mainnet.Type == 0 && mainnet.ChainId is { } chainId
                ? MainnetSignedTransactions.Preimage(mainnet, Rlp.EncodeUInt64(chainId), Rlp.EncodeUInt64(0), Rlp.EncodeUInt64(0))
                : MainnetSignedTransactions.Preimage(mainnet);
            var signed = ZkSyncTransactionHashes.SignedHash(tx, mainnet.ChainId ?? 1);
            Assert.Equal(MainnetSignedTransactions.Keccak(unsigned), signed.Hash);
            Assert.Equal([unsigned.Length], signed.KeccakInputLengths);
        }
    }

    // ---- hand-built cases ----

    [Fact]
    public void LegacyEip155TxHashRewritesV()
    {
        var tx = new ZkSyncTransaction
        {
            TxType = ZkSyncTransaction.LegacyType,
            To = Bob,
            GasLimit = 21000,
            MaxFeePerGas = 1,
            MaxPriorityFeePerGas = 1,
            Reserved0 = UInt256.One,
            Signature = Signature(0x01, 0x02, 28),
        };
        // v' = 28 + 8 + 2·270 = 576.
        var expected = Rlp.EncodeList(
            Rlp.EncodeUInt64(0), Rlp.EncodeUInt64(1), Rlp.EncodeUInt64(21000), Rlp.EncodeAddress(Bob), Rlp.EncodeUInt64(0),
            Rlp.EncodeBytes([]), Rlp.EncodeUInt64(1), Rlp.EncodeUInt64(2), Rlp.EncodeUInt64(576));
        Assert.Equal(Keccak256.Hash(expected), ZkSyncTransactionHashes.TxHash(tx, 270).Hash);
        var signedPreimage = Rlp.EncodeList(
            Rlp.EncodeUInt64(0), Rlp.EncodeUInt64(1), Rlp.EncodeUInt64(21000), Rlp.EncodeAddress(Bob), Rlp.EncodeUInt64(0),
            Rlp.EncodeBytes([]), Rlp.EncodeUInt64(270), Rlp.EncodeUInt64(0), Rlp.EncodeUInt64(0));
        Assert.Equal(Keccak256.Hash(signedPreimage), ZkSyncTransactionHashes.SignedHash(tx, 270).Hash);

        // Without the flag neither the chain id nor a rewritten v appears.
        var plain = tx with { Reserved0 = UInt256.Zero };
        var plainTx = Rlp.EncodeList(
            Rlp.EncodeUInt64(0), Rlp.EncodeUInt64(1), Rlp.EncodeUInt64(21000), Rlp.EncodeAddress(Bob), Rlp.EncodeUInt64(0),
            Rlp.EncodeBytes([]), Rlp.EncodeUInt64(1), Rlp.EncodeUInt64(2), Rlp.EncodeUInt64(28));
        Assert.Equal(Keccak256.Hash(plainTx), ZkSyncTransactionHashes.TxHash(plain, 270).Hash);
    }

    [Fact]
    public void DeploymentsHashAnEmptyTo()
    {
        var tx = new ZkSyncTransaction
        {
            TxType = ZkSyncTransaction.Eip1559Type,
            GasLimit = 100_000,
            MaxFeePerGas = 10,
            MaxPriorityFeePerGas = 2,
            Reserved1 = UInt256.One,
            Data = new byte[] { 0x60, 0x00 },
            Signature = Signature(1, 1, 27),
        };
        var preimage = (byte[])[0x02, .. Rlp.EncodeList(
            Rlp.EncodeUInt64(9), Rlp.EncodeUInt64(0), Rlp.EncodeUInt64(2), Rlp.EncodeUInt64(10), Rlp.EncodeUInt64(100_000),
            Rlp.EncodeBytes([]), Rlp.EncodeUInt64(0), Rlp.EncodeBytes([0x60, 0x00]), Rlp.EncodeList())];
        Assert.Equal(Keccak256.Hash(preimage), ZkSyncTransactionHashes.SignedHash(tx, 9).Hash);
        // A call to the zero address is not a deployment: the 20 zero bytes are hashed.
        var call = tx with { Reserved1 = UInt256.Zero };
        var callPreimage = (byte[])[0x02, .. Rlp.EncodeList(
            Rlp.EncodeUInt64(9), Rlp.EncodeUInt64(0), Rlp.EncodeUInt64(2), Rlp.EncodeUInt64(10), Rlp.EncodeUInt64(100_000),
            Rlp.EncodeAddress(Address.Zero), Rlp.EncodeUInt64(0), Rlp.EncodeBytes([0x60, 0x00]), Rlp.EncodeList())];
        Assert.Equal(Keccak256.Hash(callPreimage), ZkSyncTransactionHashes.SignedHash(call, 9).Hash);
    }

    [Fact]
    public void L1TxHashIsKeccakOfTheAbiEncodingWithItsOffsetWord()
    {
        // Built word by word by hand, independently of the encoder.
        var words = new List<string>
        {
            "ff",                                            // tx_type
            "1111111111111111111111111111111111111111",      // from
            "2222222222222222222222222222222222222222",      // to
            "0493e0",                                        // gas_limit 300000
            "0320",                                          // gas_per_pubdata_limit 800
            "0ee6b280",                                      // max_fee_per_gas 250000000
            "00",                                            // max_priority_fee_per_gas
            "00",                                            // paymaster
            "0c",                                            // nonce (the priority op id)
            "05",                                            // value
            "038d7ea4c68000",                                // reserved[0]: total deposit 10^15
            "1111111111111111111111111111111111111111",      // reserved[1]: refund recipient
            "00", "00",                                      // reserved[2], reserved[3]
            "0260",                                          // data at 608
            "02a0",                                          // signature at 608 + 64 = 672
            "02c0",                                          // factory_deps at 672 + 32 = 704
            "0300",                                          // paymaster_input at 704 + 64 = 768
            "0320",                                          // reserved_dynamic at 768 + 32 = 800
            "05", "0102030405000000000000000000000000000000000000000000000000000000", // data
            "00",                                            // signature: empty
            "01", "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", // one factory dep
            "00",                                            // paymaster_input: empty
            "00",                                            // reserved_dynamic: empty
        };
        var body = words.SelectMany(w => Convert.FromHexString(w.PadLeft(64, '0'))).ToArray();
        Assert.Equal(832, body.Length);

        var tx = new ZkSyncTransaction
        {
            TxType = ZkSyncTransaction.L1ToL2Type,
            From = Alice,
            To = Bob,
            GasLimit = 300_000,
            GasPerPubdataLimit = 800,
            MaxFeePerGas = 250_000_000,
            Nonce = new UInt256(12),
            Value = new UInt256(5),
            Reserved0 = new UInt256(1_000_000_000_000_000),
            Reserved1 = Alice.ToUInt256(),
            Data = new byte[] { 1, 2, 3, 4, 5 },
            FactoryDeps = [Bytes32.Parse("0x" + new string('f', 64))],
        };
        Assert.Equal(body, ZkSyncTransactionEncoder.Encode(tx));
        Assert.Equal(tx, ZkSyncTransactionParser.Parse(body));

        byte[] abiEncoded = [.. new byte[31], 0x20, .. body];
        var hash = ZkSyncTransactionHashes.TxHash(tx, 270);
        Assert.Equal(Keccak256.Hash(abiEncoded), hash.Hash);
        Assert.Equal(BouncyCastleKeccak(abiEncoded), hash.Hash);
        Assert.Equal([864], hash.KeccakInputLengths);
        var direct = ZkSyncTransactionHashes.L1TxHash(body);
        Assert.Equal(hash.Hash, direct.Hash);
        Assert.Equal(hash.KeccakInputLengths, direct.KeccakInputLengths);
        // The type is part of the body, so an upgrade with the same fields has another hash.
        Assert.NotEqual(hash.Hash, ZkSyncTransactionHashes.TxHash(tx with { TxType = ZkSyncTransaction.UpgradeType }, 270).Hash);
        Assert.Throws<InvalidOperationException>(() => ZkSyncTransactionHashes.SignedHash(tx, 270));
    }

    [Fact]
    public void Eip712HashesFollowTheTypedDataRecipe()
    {
        var tx = new ZkSyncTransaction
        {
            TxType = ZkSyncTransaction.Eip712Type,
            From = Alice,
            To = Bob,
            GasLimit = 158_774,
            GasPerPubdataLimit = 50_000,
            MaxFeePerGas = 250_000_000,
            MaxPriorityFeePerGas = 2,
            Paymaster = Bob,
            Nonce = new UInt256(7),
            Value = new UInt256(1),
            Data = new byte[] { 0xaa, 0xbb },
            Signature = Signature(5, 6, 27),
            FactoryDeps = [Bytes32.Parse("0x" + new string('1', 64)), Bytes32.Parse("0x" + new string('2', 64))],
            PaymasterInput = new byte[] { 0x8c, 0x5a, 0x34, 0x45 },
        };
        var signed = ZkSyncTransactionHashes.SignedHash(tx, 270);
        // Domain 128, data, the two deps packed, paymaster input, hashStruct 14 words, digest 2 + 64.
        Assert.Equal([128, 2, 64, 4, 448, 66], signed.KeccakInputLengths);

        var structInput = new byte[448];
        ZkSyncTransactionHashes.Eip712TypeHash.WriteTo(structInput);
        structInput[63] = 0x71;
        Alice.WriteTo(structInput.AsSpan(64 + 12));
        Bob.WriteTo(structInput.AsSpan(96 + 12));
        new UInt256(158_774).WriteBigEndian(structInput.AsSpan(128));
        new UInt256(50_000).WriteBigEndian(structInput.AsSpan(160));
        new UInt256(250_000_000).WriteBigEndian(structInput.AsSpan(192));
        new UInt256(2).WriteBigEndian(structInput.AsSpan(224));
        Bob.WriteTo(structInput.AsSpan(256 + 12));
        new UInt256(7).WriteBigEndian(structInput.AsSpan(288));
        new UInt256(1).WriteBigEndian(structInput.AsSpan(320));
        Keccak256.Hash([0xaa, 0xbb]).WriteTo(structInput.AsSpan(352));
        Keccak256.Hash(Convert.FromHexString(new string('1', 64) + new string('2', 64))).WriteTo(structInput.AsSpan(384));
        Keccak256.Hash([0x8c, 0x5a, 0x34, 0x45]).WriteTo(structInput.AsSpan(416));
        byte[] digest = [0x19, 0x01, .. ZkSyncTransactionHashes.Eip712DomainSeparator(270).ToArray(), .. Keccak256.Hash(structInput).ToArray()];
        Assert.Equal(Keccak256.Hash(digest), signed.Hash);

        var txHash = ZkSyncTransactionHashes.TxHash(tx, 270);
        byte[] txPreimage = [.. signed.Hash.ToArray(), .. Keccak256.Hash(tx.Signature.Span).ToArray()];
        Assert.Equal(Keccak256.Hash(txPreimage), txHash.Hash);
        // The transaction hash recomputes (and is charged for) the signed hash, then two more calls.
        Assert.Equal([128, 2, 64, 4, 448, 66, 65, 64], txHash.KeccakInputLengths);
        Assert.Equal(signed.KeccakInputLengths.Sum() + 129, txHash.KeccakInputBytes);
        Assert.Equal((8 * 2_500UL) + (17_500UL * 11), txHash.KeccakNative); // 448 bytes take 4 rounds, the others 1

        // Every signed field moves the hash; the chain id does too.
        Assert.NotEqual(signed.Hash, ZkSyncTransactionHashes.SignedHash(tx, 271).Hash);
        Assert.NotEqual(signed.Hash, ZkSyncTransactionHashes.SignedHash(tx with { GasPerPubdataLimit = 1 }, 270).Hash);
        Assert.NotEqual(signed.Hash, ZkSyncTransactionHashes.SignedHash(tx with { FactoryDeps = [] }, 270).Hash);
        Assert.Equal(signed.Hash, ZkSyncTransactionHashes.SignedHash(tx with { Signature = new byte[65] }, 270).Hash);
    }

    [Fact]
    public void Eip712SignedHashMatchesAnIndependentWallet()
    {
        // A 0x71 transaction and its signature from viem's zkSync serializer tests (chain 270,
        // signed with the well-known anvil key 0). The signature covers our signed hash exactly:
        // it recovers to that key's address, and our deterministic signer reproduces it bit for bit.
        var tx = new ZkSyncTransaction
        {
            TxType = ZkSyncTransaction.Eip712Type,
            From = Address.Parse("0xf760bdd822fccf93c44be68d94c45133002b3037"),
            To = Address.Parse("0x111C3E89Ce80e62EE88318C2804920D4c96f92bb"),
            Nonce = new UInt256(7),
            GasLimit = 158_774,
            MaxFeePerGas = 250_000_000,
            MaxPriorityFeePerGas = 0,
            GasPerPubdataLimit = 50_000,
            Data = Convert.FromHexString(
                "a4136862000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000000" +
                "000000000000000000000000000000017900000000000000000000000000000000000000000000000000000000000000"),
            Paymaster = Address.Parse("0x4B5DF730c2e6b28E17013A1485E5d9BC41Efe021"),
            PaymasterInput = Convert.FromHexString(
                "8c5a344500000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000000"),
        };
        var expected = Convert.FromHexString(
            "d2312deb1e84f7733a83ae1fc55f9cc1f2334fe472e0a494781933b194e173a45d927e67b9222b92467660849efb055422f133cf67588cbcb1874901d3244ddd1c");
        var anvilKey = Convert.FromHexString("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

        var hash = ZkSyncTransactionHashes.SignedHash(tx, 270).Hash;
        Assert.True(Secp256k1.TryRecoverAddress(hash.ToArray(), expected.AsSpan(0, 32), expected.AsSpan(32, 32), expected[64] - 27, out var signer));
        Assert.Equal(Address.Parse("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"), signer);
        Assert.Equal(expected, ZkSyncTransactionSigner.SignHash(hash, anvilKey));
    }

    [Fact]
    public void TypedHashesNeedA65ByteSignature()
    {
        var tx = new ZkSyncTransaction { TxType = ZkSyncTransaction.Eip1559Type, Signature = new byte[64] };
        Assert.Throws<ArgumentException>(() => ZkSyncTransactionHashes.TxHash(tx, 1));
        Assert.Throws<ArgumentException>(() => ZkSyncTransactionHashes.TxHash(tx with { TxType = 0x03 }, 1));
        ZkSyncTransactionHashes.SignedHash(tx, 1); // the signed hash does not look at the signature
    }

    private static Bytes32 BouncyCastleKeccak(byte[] input)
    {
        var digest = new Org.BouncyCastle.Crypto.Digests.KeccakDigest(256);
        digest.BlockUpdate(input, 0, input.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return new Bytes32(output);
    }

    private static byte[] Signature(byte r, byte s, byte v)
    {
        var signature = new byte[65];
        signature[31] = r;
        signature[63] = s;
        signature[64] = v;
        return signature;
    }
}

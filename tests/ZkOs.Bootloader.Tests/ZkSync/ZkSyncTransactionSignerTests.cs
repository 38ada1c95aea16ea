// SPDX-License-Identifier: MIT
using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using ZkOs.Bootloader.ZkSync.Transactions;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Precompiles;

namespace ZkOs.Bootloader.Tests.ZkSync;

/// <summary>The test signer: published RFC 6979 vectors, well-known addresses, and sign → recover.</summary>
public sealed class ZkSyncTransactionSignerTests
{
    private static readonly UInt256 HalfN = UInt256.Parse("0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "0x7e5f4552091a69125d5dfcb7b8c2659029395bdf")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000002", "0x2b5ad5c4795c026514f8317c7a215e218dccd6cf")]
    [InlineData("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266")]
    public void AddressOfAWellKnownKey(string key, string address) =>
        Assert.Equal(Address.Parse(address), ZkSyncTransactionSigner.AddressOf(Convert.FromHexString(key)));

    // The classic deterministic-ECDSA vectors for secp256k1 (message = SHA-256 of the text, s low).
    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "Satoshi Nakamoto",
        "934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8", "2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000001", "All those moments will be lost in time, like tears in rain. Time to die...",
        "8600dbd41e348fe5c9465ab92d23e3db8b98b873beecd930736488696438cb6b", "547fe64427496db33bf66019dacbf0039c04199abb0122918601db38a72cfc21")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140", "Satoshi Nakamoto",
        "fd567d121db66e382991534ada77a6bd3106f0a1098c231e47993447cd6af2d0", "6b39cd0eb1bc8603e159ef5c20a5c8ad685a45b06ce9bebed3f153d10d93bed5")]
    public void Rfc6979Vectors(string key, string message, string r, string s)
    {
        var privateKey = Convert.FromHexString(key);
        var hash = new Bytes32(SHA256.HashData(Encoding.ASCII.GetBytes(message)));
        var signature = ZkSyncTransactionSigner.SignHash(hash, privateKey);
        Assert.Equal(r, Convert.ToHexStringLower(signature.AsSpan(0, 32)));
        Assert.Equal(s, Convert.ToHexStringLower(signature.AsSpan(32, 32)));
        Assert.True(Secp256k1.TryRecoverAddress(hash.ToArray(), signature.AsSpan(0, 32), signature.AsSpan(32, 32), signature[64] - 27, out var signer));
        Assert.Equal(ZkSyncTransactionSigner.AddressOf(privateKey), signer);
    }

    [Fact]
    public void SignedTransactionsRecoverToTheirSender()
    {
        var keys = ZkSyncTransactionGenerators.Bytes(32).Where(k => k.Any(b => b != 0) && k[0] < 0xff);
        var l2Types = ZkSyncTransactionGenerators.Types.Where(t => t < 0xfe).ToArray();
        var cases = Gen.Zip(Gen.Elements(l2Types).SelectMany(ZkSyncTransactionGenerators.Transaction), keys).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(100), Prop.ForAll(cases, t =>
        {
            var (tx, key) = t;
            var signed = ZkSyncTransactionSigner.Sign(tx, 270, key);
            var sender = ZkSyncTransactionSigner.AddressOf(key);
            Assert.Equal(sender, signed.From);
            var signature = signed.Signature.ToArray();
            Assert.Equal(65, signature.Length);
            Assert.True(signature[64] is 27 or 28);
            Assert.True(UInt256.ReadBigEndian(signature.AsSpan(32, 32)) <= HalfN, "s must be low (EIP-2)");

            // Through the body, as the bootloader sees it: parse, hash, recover.
            var parsed = ZkSyncTransactionParser.Parse(ZkSyncTransactionEncoder.Encode(signed));
            var hash = ZkSyncTransactionHashes.SignedHash(parsed, 270).Hash;
            Assert.True(Secp256k1.TryRecoverAddress(hash.ToArray(), signature.AsSpan(0, 32), signature.AsSpan(32, 32), signature[64] - 27, out var recovered));
            Assert.Equal(sender, recovered);

            // Deterministic: the same transaction and key always give the same signature.
            Assert.Equal(signed, ZkSyncTransactionSigner.Sign(tx, 270, key));
        }));
    }

    [Fact]
    public void L1TransactionsAreNotSigned() =>
        Assert.Throws<InvalidOperationException>(() => ZkSyncTransactionSigner.Sign(
            new ZkSyncTransaction { TxType = ZkSyncTransaction.L1ToL2Type }, 270, Convert.FromHexString(new string('0', 63) + "1")));

    [Theory]
    [InlineData("")]
    [InlineData("01")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141")]
    public void InvalidKeysAreRefused(string key)
    {
        Assert.Throws<ArgumentException>(() => ZkSyncTransactionSigner.AddressOf(Convert.FromHexString(key)));
        Assert.Throws<ArgumentException>(() => ZkSyncTransactionSigner.SignHash(Bytes32.Zero, Convert.FromHexString(key)));
    }
}

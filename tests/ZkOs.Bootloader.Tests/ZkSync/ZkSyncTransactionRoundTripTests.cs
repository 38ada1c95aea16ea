// SPDX-License-Identifier: MIT
using FsCheck;
using FsCheck.Fluent;
using ZkOs.Bootloader.ZkSync.Transactions;
using ZkOs.Framework.Numerics;

namespace ZkOs.Bootloader.Tests.ZkSync;

/// <summary>Encoder and parser agree: every valid transaction survives a round trip, for every type.</summary>
public sealed class ZkSyncTransactionRoundTripTests
{
    public static TheoryData<byte> Types => new(ZkSyncTransactionGenerators.Types);

    [Theory]
    [MemberData(nameof(Types))]
    public void EncodeThenParseGivesTheSameTransaction(byte type)
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(ZkSyncTransactionGenerators.Transaction(type).ToArbitrary(), tx =>
        {
            var body = ZkSyncTransactionEncoder.Encode(tx);
            Assert.Equal(ZkSyncTransactionEncoder.EncodedLength(tx), body.Length);
            Assert.Equal(0, body.Length % 32);
            var parsed = ZkSyncTransactionParser.Parse(body);
            Assert.Equal(tx, parsed);
            // The parser accepts one layout only, so re-encoding gives the very same bytes.
            Assert.Equal(body, ZkSyncTransactionEncoder.Encode(parsed));
            Assert.True(ZkSyncTransactionParser.TryParse(body, out var again, out var error));
            Assert.Null(error);
            Assert.Equal(tx, again);
        }));
    }

    [Fact]
    public void EqualityLooksAtContentsNotReferences()
    {
        var tx = ZkSyncTransactionGenerators.Transaction(ZkSyncTransaction.Eip2930Type).Sample(20, 1)[0];
        var copy = tx with
        {
            Data = tx.Data.ToArray(),
            AccessList = tx.AccessList?.Select(e => e with { StorageKeys = e.StorageKeys.ToArray() }).ToArray(),
        };
        Assert.Equal(tx, copy);
        Assert.Equal(tx.GetHashCode(), copy.GetHashCode());
        Assert.NotEqual(tx, copy with { Data = new byte[] { 1, 2, 3 } });
        Assert.NotEqual(tx, copy with { AccessList = copy.AccessList is null ? [] : null });
    }

    [Fact]
    public void DerivedHelpersReadTheReservedWords()
    {
        var legacy = new ZkSyncTransaction { TxType = ZkSyncTransaction.LegacyType, Reserved0 = UInt256.One, Reserved1 = UInt256.One };
        Assert.True(legacy.IsEip155);
        Assert.True(legacy.IsDeployment);
        Assert.False(legacy.IsL1OrUpgrade);
        Assert.Null(legacy.TotalDeposited);
        Assert.Null(legacy.RefundRecipient);

        var eip712 = legacy with { TxType = ZkSyncTransaction.Eip712Type };
        Assert.False(eip712.IsEip155);
        Assert.False(eip712.IsDeployment);
        Assert.True(eip712.IsEip712);

        var refund = Framework.Primitives.Address.Parse("0x00000000000000000000000000000000000000aa");
        var l1 = new ZkSyncTransaction
        {
            TxType = ZkSyncTransaction.L1ToL2Type,
            Reserved0 = new UInt256(1000),
            Reserved1 = refund.ToUInt256() | (UInt256.One << 200), // high bits are ignored, as in the snapshot
        };
        Assert.True(l1.IsL1);
        Assert.False(l1.IsUpgrade);
        Assert.True(l1.IsL1OrUpgrade);
        Assert.False(l1.IsDeployment);
        Assert.Equal(new UInt256(1000), l1.TotalDeposited);
        Assert.Equal(refund, l1.RefundRecipient);
        Assert.Equal([l1.Reserved0, l1.Reserved1, UInt256.Zero, UInt256.Zero], l1.Reserved);
        Assert.True((l1 with { TxType = ZkSyncTransaction.UpgradeType }).IsUpgrade);
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Commitments;

namespace ZkOs.System.Tests.ZkSync;

public class L2ToL1LogTests
{
    private static readonly Address _sender = Address.Parse("0x00000000000000000000000000000000000c0de1");
    private static readonly Bytes32 _txHash = Bytes32.Parse("0xabababababababababababababababababababababababababababababababab");

    [Fact]
    public void UserMessage_PackedLayout()
    {
        byte[] message = [0xde, 0xad];
        var log = L2ToL1Log.UserMessage(3, _sender, message);
        var expected =
            "00"                                                                  // shard
            + "01"                                                                // is_service
            + "0003"                                                              // tx number in block
            + "0000000000000000000000000000000000008008"                          // L1 messenger
            + "00000000000000000000000000000000000000000000000000000000000c0de1" // key: sender, left-padded
            + Convert.ToHexStringLower(AccountPropertiesTests.BouncyKeccak(message).ToArray()); // value: keccak(message)
        Assert.Equal(expected, Convert.ToHexStringLower(log.Encode()));
        Assert.Equal(88, log.Encode().Length);
        Assert.Equal(log, L2ToL1Log.UserMessage(3, _sender, Keccak256.Hash(message)));
    }

    [Fact]
    public void L1TransactionLog_PackedLayout()
    {
        Assert.Equal(
            "00" + "01" + "0102" + "0000000000000000000000000000000000008001" + Hex(_txHash) + new string('0', 63) + "1",
            Convert.ToHexStringLower(L2ToL1Log.L1TransactionLog(0x0102, _txHash, success: true).Encode()));
        Assert.Equal(
            "00" + "01" + "0102" + "0000000000000000000000000000000000008001" + Hex(_txHash) + new string('0', 64),
            Convert.ToHexStringLower(L2ToL1Log.L1TransactionLog(0x0102, _txHash, success: false).Encode()));
    }

    [Fact]
    public void Hash_IsKeccakOfThe88Bytes()
    {
        var log = L2ToL1Log.L1TransactionLog(7, _txHash, true);
        Assert.Equal(AccountPropertiesTests.BouncyKeccak(log.Encode()), log.Hash());
    }

    [Fact]
    public void RollingHashes()
    {
        // keccak("") seeds the L1 rolling hash; the header's rolling hash starts at zero.
        Assert.Equal(Bytes32.Parse("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"), L1TransactionRollingHash.Seed);
        Assert.Equal(new L1TransactionRollingHash(0, L1TransactionRollingHash.Seed), L1TransactionRollingHash.Initial);

        var second = Bytes32.Parse("0x" + new string('c', 64));
        var h1 = AccountPropertiesTests.BouncyKeccak([.. L1TransactionRollingHash.Seed.ToArray(), .. _txHash.ToArray()]);
        var h2 = AccountPropertiesTests.BouncyKeccak([.. h1.ToArray(), .. second.ToArray()]);
        Assert.Equal(new L1TransactionRollingHash(2, h2), L1TransactionRollingHash.Of([_txHash, second]));
        Assert.Equal(new L1TransactionRollingHash(1, h1), L1TransactionRollingHash.Initial.Append(_txHash));

        var t1 = AccountPropertiesTests.BouncyKeccak([.. new byte[32], .. _txHash.ToArray()]);
        var t2 = AccountPropertiesTests.BouncyKeccak([.. t1.ToArray(), .. second.ToArray()]);
        Assert.Equal(t2, TransactionsRollingHash.Of([_txHash, second]));
        Assert.Equal(Bytes32.Zero, TransactionsRollingHash.Of([]));
    }

    private static string Hex(Bytes32 value) => Convert.ToHexStringLower(value.ToArray());
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Commitments;

namespace ZkOs.System.Tests.ZkSync;

public class BlockHeaderTests
{
    private static readonly Address _coinbase = Address.Parse("0x1111111111111111111111111111111111111111");
    private static readonly Bytes32 _txRoot = Bytes32.Parse("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20");

    private static BlockHeader Sample => BlockHeader.Create(
        parentHash: Bytes32.Zero, beneficiary: _coinbase, transactionsRoot: _txRoot,
        number: 42, gasLimit: 30_000_000, timestamp: 1_700_000_000, baseFeePerGas: 1000);

    [Fact]
    public void Create_UsesTheSnapshotValues()
    {
        var header = Sample;
        Assert.Equal(Bytes32.Parse("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347"), header.OmmersHash);
        Assert.Equal(Bytes32.Zero, header.StateRoot);
        Assert.Equal(Bytes32.Zero, header.ReceiptsRoot);
        Assert.Equal(Bytes32.Zero, header.MixHash);
        Assert.Equal(0UL, header.GasUsed);
        Assert.Equal(0UL, header.Nonce);
        Assert.Equal(UInt256.Zero, header.Difficulty);
        Assert.True(header.ExtraData.IsEmpty);
        Assert.Equal(256, header.LogsBloom.Length);
        Assert.All(header.LogsBloom.ToArray(), b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(0UL, 0UL, 0UL, 0UL, false)]
    [InlineData(42UL, 30_000_000UL, 1_700_000_000UL, 1000UL, true)]
    [InlineData(ulong.MaxValue, 127UL, 128UL, ulong.MaxValue, true)]
    public void HashOfCreated_IsTheCreatedHeadersHash(ulong number, ulong gasLimit, ulong timestamp, ulong baseFee, bool withMixHash)
    {
        var parent = Bytes32.Parse("0xaa02030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1fbb");
        var mixHash = withMixHash ? _txRoot : Bytes32.Zero;
        var header = BlockHeader.Create(parent, _coinbase, _txRoot, number, gasLimit, timestamp, baseFee, mixHash);

        Assert.Equal(header.Hash(), BlockHeader.HashOfCreated(parent, _coinbase, _txRoot, number, gasLimit, timestamp, baseFee, mixHash));
    }

    [Fact]
    public void Rlp_ByteByByte()
    {
        // Payload: 5 × 33 (hashes) + 21 (beneficiary) + 259 (bloom) + 1 + 1 + 5 + 1 + 5 + 1 + 33 + 9 + 3 = 504 = 0x01f8.
        var expected =
            "f901f8"                                                                 // list, two length bytes
            + "a0" + new string('0', 64)                                             // parent_hash: 0 (snapshot quirk)
            + "a0" + "1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347" // ommers_hash
            + "94" + "1111111111111111111111111111111111111111"                     // beneficiary
            + "a0" + new string('0', 64)                                             // state_root
            + "a0" + "0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20" // transactions_root
            + "a0" + new string('0', 64)                                             // receipts_root
            + "b90100" + new string('0', 512)                                        // logs_bloom: 256-byte string
            + "80"                                                                   // difficulty 0
            + "2a"                                                                   // number 42: a byte below 0x80 is itself
            + "8401c9c380"                                                           // gas_limit 30,000,000
            + "80"                                                                   // gas_used 0
            + "846553f100"                                                           // timestamp 1,700,000,000
            + "80"                                                                   // extra_data: empty
            + "a0" + new string('0', 64)                                             // mix_hash
            + "88" + "0000000000000000"                                              // nonce: 8-byte string
            + "8203e8";                                                              // base_fee_per_gas 1000
        var encoded = Sample.Encode();
        Assert.Equal(507, encoded.Length);
        Assert.Equal(expected, Convert.ToHexStringLower(encoded));
        Assert.Equal(507, Sample.EncodedLength);
        Assert.Equal(AccountPropertiesTests.BouncyKeccak(encoded), Sample.Hash());
    }

    [Fact]
    public void NonDefaultFields_AreEncodedToo()
    {
        var header = Sample with
        {
            ParentHash = _txRoot,
            GasUsed = 0x80, // one byte at 0x80 needs a header: 81 80
            ExtraData = new byte[] { 0x7f },
            Nonce = 0x0102030405060708,
        };
        var hex = Convert.ToHexStringLower(header.Encode());
        Assert.StartsWith("f901f9" + "a0" + "0102030405060708090a0b0c0d0e0f10", hex); // payload grows by 1: gas_used 81 80
        Assert.Contains("846553f100" + "7f" + "a0", hex);
        Assert.EndsWith("88" + "0102030405060708" + "8203e8", hex);
        Assert.NotEqual(Sample.Hash(), header.Hash());
    }

    [Fact]
    public void Equality_ComparesByteFieldsByContent()
    {
        var a = Sample with { ExtraData = new byte[] { 1, 2 } };
        var b = Sample with { ExtraData = new byte[] { 1, 2 } };
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Sample);
        Assert.Throws<ArgumentException>(() => Sample with { LogsBloom = new byte[255] });
    }
}

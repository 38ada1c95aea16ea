// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Ethereum;

namespace ZkOs.System.Tests.Ethereum;

public class LogsHashTests
{
    private static readonly Address _emitter = Address.Parse("0x00000000000000000000000000000000000c0de1");

    [Fact]
    public void NoLogs_IsKeccakOfEmptyList()
    {
        Assert.Equal(Bytes32.Parse("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347"), LogsHash.Empty);
        Assert.Equal(Keccak256.Hash([0xc0]), LogsHash.Empty);
        Assert.Equal(LogsHash.Empty, LogsHash.Compute([]));
        Assert.Equal([0xc0], LogsHash.EncodeList([]));
    }

    [Theory]
    [InlineData(0, 0)]    // no topics, empty data (0x80)
    [InlineData(1, 1)]    // data 0x00: a single byte below 0x80 is its own encoding
    [InlineData(2, 3)]
    [InlineData(4, 55)]   // the longest short string
    [InlineData(4, 56)]   // the shortest long string (0xb8 38)
    [InlineData(3, 1000)] // a log over 255 bytes: two length bytes
    public void OneLog_MatchesRlpOfAddressTopicsData(int topicCount, int dataLength)
    {
        var log = MakeLog(new Random(topicCount * 1000 + dataLength), topicCount, dataLength);
        var expected = Rlp.EncodeList(Oracle(log));
        Assert.Equal(expected, LogsHash.EncodeList([log]));
        Assert.Equal(Keccak256.Hash(expected), LogsHash.Compute([log]));
    }

    [Fact]
    public void SingleDataByteAtOrAbove0x80_GetsAHeader()
    {
        var low = new EthereumLog(_emitter, Array.Empty<UInt256>(), new byte[] { 0x7f });
        var high = new EthereumLog(_emitter, Array.Empty<UInt256>(), new byte[] { 0x80 });
        Assert.Equal(Keccak256.Hash(Rlp.EncodeList(Oracle(low))), LogsHash.Compute([low]));
        Assert.Equal(Keccak256.Hash(Rlp.EncodeList(Oracle(high))), LogsHash.Compute([high]));
        Assert.Equal(LogsHash.EncodedLength(low) + 1, LogsHash.EncodedLength(high));
    }

    [Fact]
    public void ManyLogs_StreamedHashEqualsHashOfEncoding()
    {
        var random = new Random(5);
        for (int trial = 0; trial < 100; trial++)
        {
            var logs = Enumerable.Range(0, random.Next(0, 12))
                .Select(_ => MakeLog(random, random.Next(0, 5), random.Next(8) == 0 ? 300 : random.Next(0, 70)))
                .ToArray();
            var expected = Rlp.EncodeList(logs.Select(Oracle).ToArray());
            Assert.Equal(expected, LogsHash.EncodeList(logs));
            Assert.Equal(Keccak256.Hash(expected), LogsHash.Compute(logs));
        }
    }

    [Fact]
    public void Compute_AllocatesNothing()
    {
        var logs = new[] { MakeLog(new Random(1), 4, 500), MakeLog(new Random(2), 1, 1) };
        _ = LogsHash.Compute(logs);
        long before = GC.GetAllocatedBytesForCurrentThread();
        _ = LogsHash.Compute(logs);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static EthereumLog MakeLog(Random random, int topicCount, int dataLength)
    {
        var topics = new UInt256[topicCount];
        var word = new byte[32];
        for (int i = 0; i < topicCount; i++)
        {
            random.NextBytes(word);
            topics[i] = new Bytes32(word).ToUInt256();
        }
        var data = new byte[dataLength];
        random.NextBytes(data);
        return new EthereumLog(_emitter, topics, data);
    }

    /// <summary>RLP([address, [topics...], data]) assembled from the framework's one-call encoders.</summary>
    private static byte[] Oracle(EthereumLog log) =>
        Rlp.EncodeList(
            Rlp.EncodeAddress(log.Address),
            Rlp.EncodeList(log.Topics.ToArray().Select(t => Rlp.EncodeBytes32(Bytes32.FromUInt256(t))).ToArray()),
            Rlp.EncodeBytes(log.Data.Span));
}

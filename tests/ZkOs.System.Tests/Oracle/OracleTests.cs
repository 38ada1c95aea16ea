// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Oracle;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.Tests.Oracle;

/// <summary>The forward oracle and the typed client, through the 32-bit word layer between them.</summary>
public class OracleTests
{
    private static readonly Address Coinbase = Address.FromUInt64(0xC0FFEE);

    [Fact]
    public void BlockMetadata_RoundTripsThroughWords()
    {
        var metadata = Metadata();

        var read = new OracleClient(new ForwardOracle(metadata, new Transactions(), new StateReader())).ReadBlockMetadata();

        Assert.Equal(metadata.BaseFee, read.BaseFee);
        Assert.Equal(metadata.GasPerPubdata, read.GasPerPubdata);
        Assert.Equal(metadata.NativePrice, read.NativePrice);
        Assert.Equal((metadata.Number, metadata.Timestamp, metadata.ChainId, metadata.GasLimit), (read.Number, read.Timestamp, read.ChainId, read.GasLimit));
        Assert.Equal(Coinbase, read.Coinbase);
        Assert.Equal(metadata.BlockHashes, read.BlockHashes);
        Assert.Equal(metadata.MixHash, read.MixHash);
    }

    [Fact]
    public void BlockMetadata_WordCount_IsTheReferenceLayout()
    {
        var words = new List<uint>();
        Metadata().WriteTo(words);

        // 3 U256 + 4 u64 + an address + 256 U256 + a U256, as 32-bit words (reference §6.2).
        Assert.Equal(3 * 8 + 4 * 2 + 6 + 256 * 8 + 8, words.Count);
        Assert.Equal(BlockMetadata.Words, words.Count);
    }

    [Fact]
    public void Words_U64AndBytes32_UseTheReferenceOrder()
    {
        var words = new List<uint>();
        OracleWords.WriteU64(words, 0x1122334455667788);
        OracleWords.WriteBytes32(words, Bytes32.Parse("0x0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20"));

        // u64: low word first. Bytes32: raw bytes read as little-endian words.
        Assert.Equal([0x55667788u, 0x11223344u, 0x04030201u, 0x08070605u], words.Take(4));
        Assert.Equal(0x201f1e1du, words[^1]);
    }

    [Fact]
    public void Transactions_AreAnnouncedThenRead_ThenTheBlockSeals()
    {
        var body = Enumerable.Range(1, 37).Select(i => (byte)i).ToArray();
        var client = new OracleClient(new ForwardOracle(Metadata(), new Transactions(body), new StateReader()));

        Assert.Equal(37, client.NextTransactionSize());
        Assert.Equal(body, client.ReadTransaction(37));
        Assert.Equal(0, client.NextTransactionSize());
    }

    [Fact]
    public void InitialSlot_KnownAndNew()
    {
        var address = Address.FromUInt64(0x1234);
        var key = Bytes32.FromUInt256(new UInt256(7));
        var state = new StateReader();
        state.Slots[FlatKey.Compute(address, key)] = Bytes32.FromUInt256(new UInt256(99));
        var client = new OracleClient(new ForwardOracle(Metadata(), new Transactions(), state));

        Assert.Equal((false, Bytes32.FromUInt256(new UInt256(99))), client.ReadInitialSlot(address, key));
        Assert.Equal((true, Bytes32.Zero), client.ReadInitialSlot(address, Bytes32.FromUInt256(new UInt256(8))));
    }

    [Fact]
    public void Preimage_IsReturnedAtItsLength()
    {
        var hash = Bytes32.FromUInt256(new UInt256(5));
        var state = new StateReader();
        state.Preimages[hash] = [1, 2, 3, 4, 5, 6, 7];
        var client = new OracleClient(new ForwardOracle(Metadata(), new Transactions(), state));

        Assert.Equal([1, 2, 3, 4, 5, 6, 7], client.ReadPreimage(hash, 7));
        var missing = Assert.Throws<OracleException>(() => client.ReadPreimage(Bytes32.Zero, 7));
        Assert.Equal(OracleQuery.PreimageContentWords, missing.QueryId);
    }

    [Fact]
    public void TruncatedAnswer_IsAnOracleError()
    {
        var client = new OracleClient(new DroppingOracle(new ForwardOracle(Metadata(), new Transactions(), new StateReader())));

        var error = Assert.Throws<OracleException>(() => client.ReadBlockMetadata());

        Assert.Contains("words where", error.Message);
    }

    [Fact]
    public void AfterDisconnect_QueriesFail()
    {
        var client = new OracleClient(new ForwardOracle(Metadata(), new Transactions(), new StateReader()));

        client.Disconnect();

        Assert.Throws<OracleException>(() => client.ReadBlockMetadata());
    }

    [Fact]
    public void BlockHashOf_WindowOf256()
    {
        var metadata = Metadata();

        Assert.Equal(new UInt256(1000), metadata.HashOf(metadata.Number - 1));
        Assert.Equal(new UInt256(1000 + 255), metadata.HashOf(metadata.Number - 256));
        Assert.Equal(UInt256.Zero, metadata.HashOf(metadata.Number));
        Assert.Equal(UInt256.Zero, metadata.HashOf(metadata.Number - 257));
    }

    private static BlockMetadata Metadata() => new()
    {
        BaseFee = new UInt256(1000),
        GasPerPubdata = new UInt256(1),
        NativePrice = new UInt256(10),
        Number = 300,
        Timestamp = 42,
        ChainId = 270,
        GasLimit = 30_000_000,
        Coinbase = Coinbase,
        BlockHashes = Enumerable.Range(0, 256).Select(i => new UInt256((ulong)(1000 + i))).ToArray(),
        MixHash = UInt256.One,
    };

    /// <summary>Transactions handed out in order.</summary>
    private sealed class Transactions(params byte[][] bodies) : ITransactionSource
    {
        private readonly Queue<byte[]> _bodies = new(bodies);

        public byte[]? NextTransaction() => _bodies.TryDequeue(out var body) ? body : null;
    }

    /// <summary>An in-memory tree view: slots and preimages only (no proofs are asked here).</summary>
    private sealed class StateReader : IOracleStateReader
    {
        public Dictionary<Bytes32, Bytes32> Slots { get; } = [];

        public Dictionary<Bytes32, byte[]> Preimages { get; } = [];

        public FlatStorageCommitment Commitment => new(Bytes32.Zero, FlatStorageTree.FirstFreeSlot);

        public bool TryReadSlot(in Bytes32 flatKey, out Bytes32 value) => Slots.TryGetValue(flatKey, out value);

        public byte[]? GetPreimage(in Bytes32 hash) => Preimages.GetValueOrDefault(hash);

        public bool TryGetTreeIndex(in Bytes32 flatKey, out ulong index) => throw new NotSupportedException();

        public ulong PrevTreeIndex(in Bytes32 flatKey) => throw new NotSupportedException();

        public void WriteProof(ulong index, List<uint> words) => throw new NotSupportedException();
    }

    /// <summary>Drops the last word of every answer: a truncated tape.</summary>
    private sealed class DroppingOracle(IOracle inner) : IOracle
    {
        public void Query(uint queryId, ReadOnlySpan<uint> parameters, List<uint> response)
        {
            inner.Query(queryId, parameters, response);
            response.RemoveAt(response.Count - 1);
        }
    }
}

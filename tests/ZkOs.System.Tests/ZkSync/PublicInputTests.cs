// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Commitments;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.Tests.ZkSync;

/// <summary>
/// Recomputes both public inputs of a small block by hand, concatenating bytes and hashing with the
/// primitives, so each test reads as the formula of reference §7.4 / §7.5.
/// </summary>
public class PublicInputTests
{
    private static readonly Bytes32 _rootBefore = Bytes32.Parse("0x" + new string('3', 64));
    private static readonly Bytes32 _rootAfter = Bytes32.Parse("0x" + new string('4', 64));
    private static readonly Bytes32 _upgradeTx = Bytes32.Parse("0x" + new string('5', 64));

    // block_hashes[i] = 1000 + i, [0] the newest.
    private static readonly Bytes32[] _blockHashes = Enumerable.Range(0, 256).Select(i => Bytes32.FromUInt256((ulong)(1000 + i))).ToArray();

    private static PublicInputParts Parts() => new(
        ChainId: 270,
        BlockNumber: 5,
        Timestamp: 1234,
        BlockHashes: _blockHashes,
        StateBefore: new FlatStorageCommitment(_rootBefore, 10),
        StateAfter: new FlatStorageCommitment(_rootAfter, 12),
        Pubdata: PubdataWriterTests.Write(),
        L1TxHashes: [PubdataWriterTests.L1TxHash],
        L2ToL1Logs: PubdataWriterTests.Logs(),
        UpgradeTxHash: _upgradeTx,
        CurrentBlockHash: PubdataWriterTests.BlockHash);

    [Fact]
    public void BlockPublicInput_StepByStep()
    {
        var parts = Parts();

        // B_before: the 256 hashes newest first. B_after: drop [0], append the current hash last.
        var bBefore = Blake(_blockHashes.SelectMany(h => h.ToArray()).ToArray());
        var bAfter = Blake([.. _blockHashes.Skip(1).SelectMany(h => h.ToArray()), .. parts.CurrentBlockHash.ToArray()]);

        // Chain state: root ‖ next_free_slot ‖ block number ‖ B ‖ last timestamp (0 in the snapshot).
        var stateBefore = Blake([.. _rootBefore.ToArray(), .. U64(10), .. U64(4), .. bBefore.ToArray(), .. U64(0)]);
        var stateAfter = Blake([.. _rootAfter.ToArray(), .. U64(12), .. U64(5), .. bAfter.ToArray(), .. U64(0)]);

        var pubdataHash = Blake(parts.Pubdata.ToArray());
        var l1TxsHash = Blake(PubdataWriterTests.L1TxHash.ToArray());
        var logs = PubdataWriterTests.Logs();
        var logsHash = Blake([.. Keccak(logs[0].Encode()).ToArray(), .. Keccak(logs[1].Encode()).ToArray()]);
        var blocksOutput = Blake(
        [
            .. U256(270), .. U64(1234), .. U64(1234),
            .. pubdataHash.ToArray(), .. l1TxsHash.ToArray(), .. logsHash.ToArray(), .. _upgradeTx.ToArray(),
        ]);
        var pi = Blake([.. stateBefore.ToArray(), .. stateAfter.ToArray(), .. blocksOutput.ToArray()]);

        var computed = BlockPublicInput.From(parts);
        Assert.Equal(new BlockPublicInput(stateBefore, stateAfter, blocksOutput), computed);
        Assert.Equal(pi, computed.Hash());
        Assert.Equal(Words(pi), computed.RegisterWords());
        // The primitives the test used are themselves checked against BouncyCastle.
        Assert.Equal(AccountPropertiesTests.BouncyBlake2s(parts.Pubdata.ToArray()), pubdataHash);
    }

    [Fact]
    public void BlockPublicInput_EmptyListsHashToBlake2sOfNothing()
    {
        var emptyHash = Blake([]);
        Assert.Equal(emptyHash, BlockPublicInput.L1TransactionsHash([]));
        Assert.Equal(emptyHash, BlockPublicInput.LogsHash([]));
    }

    [Fact]
    public void BlockPublicInput_Rejects()
    {
        Assert.Throws<ArgumentException>(() => BlockPublicInput.From(Parts() with { BlockHashes = _blockHashes[..255] }));
        Assert.Throws<ArgumentException>(() => BlockPublicInput.From(Parts() with { BlockNumber = 0 }));
    }

    [Fact]
    public void BatchPublicInput_StepByStep()
    {
        var parts = Parts();

        var stateBefore = Blake([.. _rootBefore.ToArray(), .. U64(10)]);
        var stateAfter = Blake([.. _rootAfter.ToArray(), .. U64(12)]);

        // DA commitment for calldata: 0^32 ‖ keccak(pubdata) ‖ 0x01 ‖ 0^32.
        var daCommitment = Keccak([.. new byte[32], .. Keccak(parts.Pubdata.ToArray()).ToArray(), 0x01, .. new byte[32]]);

        // One priority tx: count 1, rolling hash keccak(keccak("") ‖ tx_hash).
        var l1Rolling = Keccak([.. Keccak([]).ToArray(), .. PubdataWriterTests.L1TxHash.ToArray()]);

        // Two logs in a height-14 tree: leaves keccak(log), right-padded with empty subtrees.
        var logs = PubdataWriterTests.Logs();
        var node = Keccak([.. Keccak(logs[0].Encode()).ToArray(), .. Keccak(logs[1].Encode()).ToArray()]);
        var empty = Keccak(new byte[88]);
        empty = Keccak([.. empty.ToArray(), .. empty.ToArray()]); // the empty subtree of height 1
        for (int level = 1; level < 14; level++)
        {
            node = Keccak([.. node.ToArray(), .. empty.ToArray()]);
            empty = Keccak([.. empty.ToArray(), .. empty.ToArray()]);
        }
        var logsRoot = Keccak([.. node.ToArray(), .. new byte[32]]);

        var batchOutput = Keccak(
        [
            .. U256(270), .. U64(1234), .. U64(1234),
            .. new byte[20],                    // l2_da_validator
            .. daCommitment.ToArray(),
            .. U256(1),                         // number of L1 txs
            .. l1Rolling.ToArray(),
            .. logsRoot.ToArray(),
            .. _upgradeTx.ToArray(),
        ]);
        var pi = Keccak([.. stateBefore.ToArray(), .. stateAfter.ToArray(), .. batchOutput.ToArray()]);

        var computed = BatchPublicInput.From(parts);
        Assert.Equal(new BatchPublicInput(stateBefore, stateAfter, batchOutput), computed);
        Assert.Equal(pi, computed.Hash());
        Assert.Equal(Words(pi), computed.RegisterWords());
        Assert.Equal(AccountPropertiesTests.BouncyKeccak(parts.Pubdata.ToArray()), Keccak(parts.Pubdata.ToArray()));
    }

    [Fact]
    public void RegisterWords_AreLittleEndianChunks()
    {
        var hash = new Bytes32(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        Assert.Equal(
            [0x03020100u, 0x07060504u, 0x0b0a0908u, 0x0f0e0d0cu, 0x13121110u, 0x17161514u, 0x1b1a1918u, 0x1f1e1d1cu],
            RegisterWords.Of(hash));
    }

    /// <summary>The prover's output registers: bytes 4i..4i+3 of the hash, little-endian.</summary>
    private static uint[] Words(Bytes32 hash)
    {
        var bytes = hash.ToArray();
        return Enumerable.Range(0, 8).Select(i => BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4 * i))).ToArray();
    }

    private static Bytes32 Blake(byte[] data) => Blake2s256.Hash(data);

    private static Bytes32 Keccak(byte[] data) => Keccak256.Hash(data);

    private static byte[] U64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }

    private static byte[] U256(ulong value) => [.. new byte[24], .. U64(value)];
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Accounts;
using ZkOs.System.ZkSync.Commitments;
using ZkOs.System.ZkSync.Pubdata;

namespace ZkOs.System.Tests.ZkSync;

public class PubdataWriterTests
{
    internal static readonly Bytes32 BlockHash = Key('b');
    internal static readonly Bytes32 L1TxHash = Key('e');
    internal static readonly byte[] Message = [0xde, 0xad, 0xbe, 0xef];
    private static readonly Address _sender = Address.Parse("0x00000000000000000000000000000000000c0de1");
    private static readonly byte[] _code = [1, 2, 3, 4, 5];

    internal static StateDiff[] Diffs()
    {
        var nonce12 = AccountProperties.Trivial with { Nonce = 12 };
        var funded = AccountProperties.Trivial with { Balance = new UInt256(0xFF00_0000_00FF) };
        var deployed = new AccountProperties(AccountVersioning.DeployedEvm, 1, new UInt256(0xFF00_0000_0000), Key('1'), 5, 0, Key('2'), 5);
        return
        [
            new StorageValueDiff(Key('a'), Bytes32.FromUInt256(0x0500UL), Bytes32.FromUInt256(0x0503UL)),
            new StorageValueDiff(Key('c'), Bytes32.FromUInt256(7UL), Bytes32.FromUInt256(7UL)), // read only: skipped
            new AccountPropertiesDiff(Key('d'), nonce12, nonce12 with { Nonce = 22 }, ReadOnlyMemory<byte>.Empty, false),
            new AccountPropertiesDiff(Key('f'), nonce12, nonce12, ReadOnlyMemory<byte>.Empty, false), // unchanged: skipped
            new AccountPropertiesDiff(Key('9'), funded, deployed, _code, false),
        ];
    }

    internal static L2ToL1Log[] Logs() =>
    [
        L2ToL1Log.L1TransactionLog(0, L1TxHash, true),
        L2ToL1Log.UserMessage(1, _sender, Message),
    ];

    internal static byte[] Write() => PubdataWriter.Write(BlockHash, Diffs(), Logs(), [Message]);

    [Fact]
    public void Stream_InOrder()
    {
        var logs = Logs();
        var expected =
            new string('b', 64)                       // block hash
            + "00000003"                              // state_diffs_count: changed slots only
            + new string('a', 64) + "0903"            // slot: Add 3
            + new string('d', 64) + "0c" + "090a"     // account: nonce only, Add 10
            + new string('9', 64)                     // account: deployment, full diff
                + "04" + "0101010000000000" + "0901" + "0aff" + "00000005" + "0102030405" + "00000000" + "00000005"
            + "00000002"                              // logs_count
            + Convert.ToHexStringLower(logs[0].Encode())
            + Convert.ToHexStringLower(logs[1].Encode())
            + "00000001"                              // messages_count
            + "00000004" + "deadbeef";                // length, data
        var pubdata = Write();
        Assert.Equal(expected, Convert.ToHexStringLower(pubdata));
        Assert.Equal(pubdata.Length, PubdataWriter.Length(Diffs(), logs, [Message]));
    }

    [Fact]
    public void EmptyBlock_IsTheHashAndThreeZeroCounts()
    {
        var pubdata = PubdataWriter.Write(BlockHash, [], [], []);
        Assert.Equal(new string('b', 64) + "00000000" + "00000000" + "00000000", Convert.ToHexStringLower(pubdata));
        Assert.Equal(PubdataSize.BlockOverhead, pubdata.Length);
    }

    [Fact]
    public void Write_RejectsAShortDestination()
    {
        var buffer = new byte[PubdataSize.BlockOverhead - 1];
        Assert.Throws<ArgumentException>(() => PubdataWriter.Write(BlockHash, [], [], [], buffer));
    }

    [Fact]
    public void PerTransactionSizes_AddUpToTheStream()
    {
        Assert.Equal(32 + 2, PubdataSize.StorageSlot(Bytes32.FromUInt256(0x0500UL), Bytes32.FromUInt256(0x0503UL)));
        Assert.Equal(0, PubdataSize.StorageSlot(Bytes32.FromUInt256(7UL), Bytes32.FromUInt256(7UL)));
        var nonce12 = AccountProperties.Trivial with { Nonce = 12 };
        Assert.Equal(32 + 3, PubdataSize.Account(nonce12, nonce12 with { Nonce = 22 }, false));
        Assert.Equal(0, PubdataSize.Account(nonce12, nonce12, false));
        Assert.Equal(88, PubdataSize.L1TransactionLog);
        Assert.Equal(88 + 4 + 4, PubdataSize.UserMessage(Message.Length));

        // If each element was touched by one transaction, the charges plus the block overhead are the stream.
        int charged = PubdataSize.BlockOverhead + PubdataSize.L1TransactionLog + PubdataSize.UserMessage(Message.Length);
        foreach (var diff in Diffs())
        {
            charged += diff switch
            {
                StorageValueDiff slot => PubdataSize.StorageSlot(slot.InitialValue, slot.FinalValue),
                AccountPropertiesDiff account => PubdataSize.Account(account.Initial, account.Final, account.NotPublishBytecode),
                _ => throw new InvalidOperationException(),
            };
        }
        Assert.Equal(Write().Length, charged);
    }

    private static Bytes32 Key(char digit) => Bytes32.Parse("0x" + new string(digit, 64));

    [Fact]
    public void StateDiffEntries_WriteTheSameStreamAsTheRecords()
    {
        var entries = Diffs().Select(Entry).ToArray();
        var logs = Logs();
        var length = PubdataWriter.Length<StateDiffEntry>(entries, logs, [Message]);
        var pubdata = new byte[length];

        PubdataWriter.Write<StateDiffEntry>(BlockHash, entries, logs, [Message], pubdata);

        Assert.Equal(Write(), pubdata);
        Assert.Equal(Diffs(), entries.Select(e => e.ToStateDiff()));
    }

    private static StateDiffEntry Entry(StateDiff diff) => diff switch
    {
        StorageValueDiff s => StateDiffEntry.Storage(s.FlatKey, s.InitialValue, s.FinalValue),
        AccountPropertiesDiff a => StateDiffEntry.Account(a.FlatKey, a.Initial, a.Final, a.Bytecode, a.NotPublishBytecode),
        _ => throw new ArgumentOutOfRangeException(nameof(diff)),
    };
}

// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Commitments;

namespace ZkOs.System.Tests.ZkSync;

public class L2ToL1LogsTreeTests
{
    private static readonly Bytes32 _emptyLeaf =
        Bytes32.Parse("0x72abee45b59e344af8a6e520241c4744aff26ed411f4c4b00f8af09adada43ba");

    [Fact]
    public void EmptyLeaf_IsKeccakOf88Zeros()
    {
        Assert.Equal(_emptyLeaf, AccountPropertiesTests.BouncyKeccak(new byte[88]));
        Assert.Equal(_emptyLeaf, L2ToL1LogsTree.EmptyLeaf);
        Assert.Equal(_emptyLeaf, L2ToL1LogsTree.EmptySubtreeRoot(0));
        // Upstream hard-codes the empty-subtree hashes; spot-check the next one and the root.
        Assert.Equal(Bytes32.Parse("0xc3d03eebfd83049991ea3d3e358b6712e7aa2e2e63dc2d4b438987cec28ac8d0"), L2ToL1LogsTree.EmptySubtreeRoot(1));
        Assert.Equal(Bytes32.Parse("0x375a5bf909cb02143e3695ca658e0641e739aa590f0004dba93572c44cdb9d2d"), L2ToL1LogsTree.EmptyRoot);
    }

    [Fact]
    public void EmptyTree_IsTheEmptyLeafHashedUp14Times()
    {
        var node = _emptyLeaf;
        for (int level = 0; level < 14; level++)
            node = Node(node, node);
        Assert.Equal(node, L2ToL1LogsTree.EmptyRoot);
        Assert.Equal(node, L2ToL1LogsTree.MerkleRoot([]));
        Assert.Equal(AccountPropertiesTests.BouncyKeccak([.. node.ToArray(), .. new byte[32]]), L2ToL1LogsTree.BatchLogsRoot([]));
    }

    [Fact]
    public void OneLog_IsItsLeafHashedUpWithEmptySiblings()
    {
        var log = L2ToL1Log.L1TransactionLog(0, Bytes32.Parse("0x" + new string('7', 64)), true);
        // Leaf 0 is always the left child; its sibling at level i is the empty subtree of height i.
        var node = AccountPropertiesTests.BouncyKeccak(log.Encode());
        var empty = _emptyLeaf;
        for (int level = 0; level < 14; level++)
        {
            node = Node(node, empty);
            empty = Node(empty, empty);
        }
        Assert.Equal(node, L2ToL1LogsTree.MerkleRoot([log]));
        Assert.Equal(AccountPropertiesTests.BouncyKeccak([.. node.ToArray(), .. new byte[32]]), L2ToL1LogsTree.BatchLogsRoot([log]));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(100)]
    public void SeveralLogs_MatchTheFull16384LeafTree(int count)
    {
        var logs = Enumerable.Range(0, count)
            .Select(i => L2ToL1Log.L1TransactionLog((ushort)i, Bytes32.FromUInt256((ulong)(i + 1)), i % 2 == 0))
            .ToArray();
        Assert.Equal(NaiveRoot(logs), L2ToL1LogsTree.MerkleRoot(logs));
    }

    [Fact]
    public void AFullTree_IsAccepted_OneMoreIsNot()
    {
        var leaves = Enumerable.Range(0, 16384).Select(i => Bytes32.FromUInt256((ulong)i)).ToArray();
        var level = leaves;
        while (level.Length > 1)
            level = Enumerable.Range(0, level.Length / 2).Select(i => Node(level[2 * i], level[2 * i + 1])).ToArray();
        Assert.Equal(level[0], L2ToL1LogsTree.MerkleRootOfLeaves(leaves));
        Assert.Throws<ArgumentException>(() => L2ToL1LogsTree.MerkleRootOfLeaves(new Bytes32[16385]));
        Assert.Throws<ArgumentOutOfRangeException>(() => L2ToL1LogsTree.EmptySubtreeRoot(15));
    }

    private static Bytes32 NaiveRoot(L2ToL1Log[] logs)
    {
        var level = Enumerable.Range(0, 16384)
            .Select(i => i < logs.Length ? AccountPropertiesTests.BouncyKeccak(logs[i].Encode()) : _emptyLeaf)
            .ToArray();
        while (level.Length > 1)
            level = Enumerable.Range(0, level.Length / 2).Select(i => Node(level[2 * i], level[2 * i + 1])).ToArray();
        return level[0];
    }

    private static Bytes32 Node(Bytes32 left, Bytes32 right) =>
        AccountPropertiesTests.BouncyKeccak([.. left.ToArray(), .. right.ToArray()]);
}

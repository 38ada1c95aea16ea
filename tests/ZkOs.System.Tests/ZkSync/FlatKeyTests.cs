// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.Tests.ZkSync;

public class FlatKeyTests
{
    [Fact]
    public void IsBlake2sOfPaddedAddressAndKey()
    {
        var address = Address.Parse("0x000000000000000000000000000000000000800a");
        var key = TreeTestData.Word(7);

        var preimage = new byte[64];
        address.WriteTo(preimage.AsSpan(12));
        key.WriteTo(preimage.AsSpan(32));

        Assert.Equal(new Bytes32(NaiveStateTree.Blake2s(preimage)), FlatKey.Compute(address, key));
    }

    [Fact]
    public void DependsOnBothAddressAndKey()
    {
        var a = Address.FromUInt64(1);
        var b = Address.FromUInt64(2);
        Assert.NotEqual(FlatKey.Compute(a, TreeTestData.Word(0)), FlatKey.Compute(b, TreeTestData.Word(0)));
        Assert.NotEqual(FlatKey.Compute(a, TreeTestData.Word(0)), FlatKey.Compute(a, TreeTestData.Word(1)));
    }
}

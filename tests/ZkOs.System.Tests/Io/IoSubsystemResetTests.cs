// SPDX-License-Identifier: MIT
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;

namespace ZkOs.System.Tests.Io;

/// <summary>Reset reuses the block's account objects: the next block sees none of their old fields.</summary>
public sealed class IoSubsystemResetTests
{
    private static readonly Address _loaded = Address.Parse("0x00000000000000000000000000000000000a0001");
    private static readonly Address _created = Address.Parse("0x00000000000000000000000000000000000a0002");
    private static readonly byte[] _code = [0x60, 0x00, 0x60, 0x00, 0xf3];

    private sealed class OneAccountSource(AccountSnapshot account) : IStateSource
    {
        public AccountSnapshot? ReadAccount(in Address address) => address == _loaded ? account : null;

        public UInt256 ReadSlot(in Address address, in UInt256 key, out bool isNew)
        {
            isNew = true;
            return UInt256.Zero;
        }
    }

    [Fact]
    public void AfterReset_ReusedAccountsCarryNothingOver()
    {
        var io = new IoSubsystem(IoRules.ZkSync, new OneAccountSource(new AccountSnapshot(3, new UInt256(7), ReadOnlyMemory<byte>.Empty, EeType.None)));
        io.BeginTransaction(default);
        io.AddBalance(_created, new UInt256(5));
        io.SetCode(_created, _code, EeType.Evm);
        io.AddBalance(_loaded, new UInt256(1));
        var firstBlock = new[] { io.GetAccount(_loaded), io.GetAccount(_created) };

        io.Reset();
        io.BeginTransaction(default);
        var created = io.GetAccount(_created);
        var loaded = io.GetAccount(_loaded);
        io.AddBalance(_created, UInt256.One);
        var recreated = io.GetAccount(_created);

        Assert.Null(created);
        Assert.NotNull(loaded);
        Assert.Equal(3UL, loaded.Nonce);
        Assert.Equal(new UInt256(7), loaded.Balance);
        Assert.True(loaded.Code.IsEmpty);
        Assert.NotNull(recreated);
        Assert.Equal(UInt256.One, recreated.Balance);
        Assert.Equal(0UL, recreated.Nonce);
        Assert.False(recreated.HasCode);
        Assert.Equal(Account.EmptyCodeHash, recreated.CodeHash);
        Assert.Equal(EeType.None, recreated.EeType);
        // Both objects of the first block were reused, not new ones made.
        Assert.Contains(loaded, firstBlock);
        Assert.Contains(recreated, firstBlock);
    }
}

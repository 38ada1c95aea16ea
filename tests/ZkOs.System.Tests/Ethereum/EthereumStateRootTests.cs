// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Ethereum;

namespace ZkOs.System.Tests.Ethereum;

public class EthereumStateRootTests
{
    private static readonly Address _alice = Address.Parse("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");
    private static readonly Address _bob = Address.Parse("0x095e7baea6a6c7c4c2dfeb977efac326af552d87");

    [Fact]
    public void NoAccounts_GiveTheEmptyRoot() =>
        Assert.Equal(MerklePatriciaTrie.EmptyRoot, EthereumStateRoot.Compute([]));

    [Fact]
    public void EmptyCodeHash_IsKeccakOfNothing()
    {
        Assert.Equal(Keccak256.Hash([]), EthereumStateRoot.EmptyCodeHash);
        Assert.Equal(EthereumStateRoot.EmptyCodeHash, EthereumStateRoot.CodeHashOf([]));
        Assert.Equal(Keccak256.Hash([0x60, 0x00]), AccountState.WithCode(_alice, 0, 0, [0x60, 0x00], []).CodeHash);
    }

    [Fact]
    public void EncodeAccount_MatchesThePublishedEncoding()
    {
        // From ethereum/tests hex_encoded_securetrie_test.json: nonce 1, balance 0x05f446a7, no storage, no code.
        var encoded = EthereumStateRoot.EncodeAccount(1, 0x05f446a7UL, MerklePatriciaTrie.EmptyRoot, EthereumStateRoot.EmptyCodeHash);
        Assert.Equal(
            "0xf848018405f446a7a056e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
            Hex.Encode(encoded));

        // Zero nonce and balance are empty strings (0x80).
        encoded = EthereumStateRoot.EncodeAccount(0, 0x019a59UL, MerklePatriciaTrie.EmptyRoot, EthereumStateRoot.EmptyCodeHash);
        Assert.StartsWith("0xf8478083019a59a0", Hex.Encode(encoded));
    }

    [Fact]
    public void EncodeAccount_LargestFitsTheDeclaredMaximum()
    {
        Span<byte> buffer = stackalloc byte[EthereumStateRoot.MaxAccountEncodingLength];
        int length = EthereumStateRoot.EncodeAccount(ulong.MaxValue, UInt256.MaxValue, default, default, buffer);
        Assert.Equal(EthereumStateRoot.MaxAccountEncodingLength, length);
    }

    [Fact]
    public void StateRoot_IsTheSecureTrieOfAccountEncodings()
    {
        var code = new byte[] { 0x60, 0x01, 0x60, 0x00, 0x55 };
        var storage = new Dictionary<UInt256, UInt256> { [0] = 1, [UInt256.MaxValue] = UInt256.MaxValue };
        var accounts = new[]
        {
            AccountState.WithCode(_alice, 1, 0x05f446a7UL, [], []),
            AccountState.WithCode(_bob, 0, 0, code, storage),
        };

        var bobEncoded = EthereumStateRoot.EncodeAccount(0, 0, EthereumStateRoot.ComputeStorageRoot(storage), Keccak256.Hash(code));
        var expected = MerklePatriciaTrie.ComputeSecureRoot(
        [
            new(_alice.ToArray(), EthereumStateRoot.EncodeAccount(1, 0x05f446a7UL, MerklePatriciaTrie.EmptyRoot, EthereumStateRoot.EmptyCodeHash)),
            new(_bob.ToArray(), bobEncoded),
        ]);
        Assert.Equal(expected, EthereumStateRoot.Compute(accounts));
        Assert.Equal(expected, EthereumStateRoot.Compute(Enumerable.Reverse(accounts)));
    }

    [Fact]
    public void StorageRoot_OneSlot_WorkedByHand()
    {
        // Slot 0 = 1: key keccak256(32 zero bytes), leaf path all 64 nibbles (even: 0x20 then the
        // key), value RLP(1) = 0x01 held as a string (itself). RLP([a1 20 key, 01]) = e3 a1 20 key 01.
        var key = Keccak256.Hash(new byte[32]).ToArray();
        byte[] leaf = [0xe3, 0xa1, 0x20, .. key, 0x01];
        var root = EthereumStateRoot.ComputeStorageRoot([new(UInt256.Zero, UInt256.One)]);
        Assert.Equal(Keccak256.Hash(leaf), root);
    }

    [Fact]
    public void StorageRoot_ValuesAreMinimalIntegersUnderHashedSlots()
    {
        var storage = new Dictionary<UInt256, UInt256>
        {
            [1] = 0x80, // needs a header: 0x81 0x80
            [0xdead] = 0xbeef,
            [UInt256.MaxValue] = new UInt256(0, 0, 0, 1UL << 63),
        };
        var expected = MerklePatriciaTrie.ComputeSecureRoot(storage.Select(e => new KeyValuePair<byte[], byte[]>(
            Bytes32.FromUInt256(e.Key).ToArray(), Rlp.EncodeUInt256(e.Value))));
        Assert.Equal(expected, EthereumStateRoot.ComputeStorageRoot(storage));
    }

    [Fact]
    public void StorageRoot_ZeroValuesAreAbsent()
    {
        Assert.Equal(MerklePatriciaTrie.EmptyRoot, EthereumStateRoot.ComputeStorageRoot([new(5, 0)]));
        Assert.Equal(
            EthereumStateRoot.ComputeStorageRoot([new(1, 7)]),
            EthereumStateRoot.ComputeStorageRoot([new(1, 7), new(2, 0)]));
        // A later zero for the same slot clears it; a later value replaces it.
        Assert.Equal(MerklePatriciaTrie.EmptyRoot, EthereumStateRoot.ComputeStorageRoot([new(1, 7), new(1, 0)]));
        Assert.Equal(
            EthereumStateRoot.ComputeStorageRoot([new(1, 9)]),
            EthereumStateRoot.ComputeStorageRoot([new(1, 7), new(1, 9)]));
    }

    [Fact]
    public void EmptyAccounts_AreCommittedWhenPassed()
    {
        // The caller decides (EIP-161); an empty account it passes changes the root.
        var alice = AccountState.WithCode(_alice, 1, 10, [], []);
        var empty = AccountState.WithCode(_bob, 0, 0, [], []);
        Assert.NotEqual(EthereumStateRoot.Compute([alice]), EthereumStateRoot.Compute([alice, empty]));
    }

    [Fact]
    public void SameAddressTwice_LastEntryWins()
    {
        var old = AccountState.WithCode(_alice, 1, 10, [], []);
        var current = AccountState.WithCode(_alice, 2, 5, [], []);
        Assert.Equal(EthereumStateRoot.Compute([current]), EthereumStateRoot.Compute([old, current]));
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync.Blocks;
using ZkOs.Bootloader.ZkSync.Transactions;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Tests.ZkSync.Proving;

/// <summary>
/// Randomized ZKsync blocks for comparing the forward and proving runs: funded accounts, a
/// storage-heavy contract in the genesis, and a seeded mix of transfers (to known and fresh
/// addresses), storage writes and reads (existing, new and cleared slots), calls that write and then
/// revert, deployments and calls to what they deployed, L1 deposits and transactions with a wrong nonce.
/// </summary>
internal static class RandomBlocks
{
    private const ulong ChainId = 270;
    private static readonly Address StorageContract = Address.Parse("0x0000000000000000000000000000000000c0de01");

    /// <summary>
    /// The storage contract: for each 64-byte (key, value) pair of calldata it reads slot key ^ 1 and
    /// stores value at key; a calldata length that is not a multiple of 64 reverts after the writes.
    /// </summary>
    internal static readonly byte[] StorageCode =
    [
        0x60, 0x00,             // 00 PUSH1 0           i
        0x5b,                   // 02 JUMPDEST
        0x36, 0x81,             // 03 CALLDATASIZE DUP2   i size i
        0x60, 0x40, 0x01,       // 05 PUSH1 64 ADD        i size i+64
        0x11,                   // 08 GT                  i (i+64 > size)
        0x60, 0x21, 0x57,       // 09 PUSH1 end JUMPI     i
        0x80, 0x35,             // 0c DUP1 CALLDATALOAD   i key
        0x80, 0x60, 0x01, 0x18, // 0e DUP1 PUSH1 1 XOR    i key key^1
        0x54, 0x50,             // 12 SLOAD POP           i key
        0x81, 0x60, 0x20, 0x01, // 14 DUP2 PUSH1 32 ADD   i key i+32
        0x35, 0x90, 0x55,       // 18 CALLDATALOAD SWAP1 SSTORE   i
        0x60, 0x40, 0x01,       // 1b PUSH1 64 ADD        i+64
        0x60, 0x02, 0x56,       // 1e PUSH1 2 JUMP
        0x5b,                   // 21 JUMPDEST (end)
        0x36, 0x60, 0x3f, 0x16, // 22 CALLDATASIZE PUSH1 63 AND
        0x60, 0x2a, 0x57,       // 26 PUSH1 revert JUMPI
        0x00,                   // 29 STOP
        0x5b,                   // 2a JUMPDEST (revert)
        0x60, 0x00, 0x80, 0xfd, // 2b PUSH1 0 DUP1 REVERT
    ];

    public static ZkSyncBlockFile Create(int seed, int transactionCount)
    {
        var random = new Random(seed);
        var keys = Enumerable.Range(0, 6).Select(i => Key(seed, i)).ToArray();
        var senders = keys.Select(k => ZkSyncTransactionSigner.AddressOf(k)).ToArray();
        var nonces = new ulong[keys.Length];
        var genesis = senders
            .Select(a => new GenesisAccount(a, new UInt256(1_000_000_000_000_000_000UL) * new UInt256(100), 0, [], new Dictionary<UInt256, UInt256>()))
            .ToList();
        var storage = new Dictionary<UInt256, UInt256>();
        for (var slot = 0UL; slot < 12; slot += 2)
        {
            storage[new UInt256(slot)] = new UInt256((ulong)random.NextInt64(1, long.MaxValue));
        }
        genesis.Add(new GenesisAccount(StorageContract, UInt256.Zero, 1, StorageCode, storage));

        var contracts = new List<Address> { StorageContract };
        var recipients = new List<Address>(senders);
        var transactions = new List<byte[]>();
        for (var i = 0; i < transactionCount; i++)
        {
            var from = random.Next(keys.Length);
            var kind = random.Next(100);
            if (kind < 8)
            {
                transactions.Add(Deposit(random, recipients));
                continue;
            }
            var tx = new ZkSyncTransaction
            {
                TxType = ZkSyncTransaction.Eip1559Type,
                GasLimit = 1_000_000,
                MaxFeePerGas = 200_000_000,
                MaxPriorityFeePerGas = 1_000_000,
                Nonce = new UInt256(nonces[from]),
            };
            if (kind < 30)
            {
                var to = random.Next(3) == 0 ? RandomAddress(random) : recipients[random.Next(recipients.Count)];
                recipients.Add(to);
                tx = tx with { To = to, Value = new UInt256((ulong)random.NextInt64(1, 1_000_000_000_000_000)) };
            }
            else if (kind < 75)
            {
                tx = tx with { To = contracts[random.Next(contracts.Count)], Data = StorageCalldata(random, revert: kind >= 65) };
            }
            else if (kind < 88)
            {
                tx = tx with { Reserved1 = UInt256.One, Data = Deployment(StorageCode) };
                contracts.Add(CreateAddress(senders[from], nonces[from]));
            }
            else
            {
                // A stale or future nonce: rejected, changing nothing.
                tx = tx with { To = senders[random.Next(senders.Length)], Nonce = new UInt256(nonces[from] + 1 + (ulong)random.Next(3)) };
                transactions.Add(ZkSyncTransactionEncoder.Encode(ZkSyncTransactionSigner.Sign(tx, ChainId, keys[from])));
                continue;
            }
            nonces[from]++;
            transactions.Add(ZkSyncTransactionEncoder.Encode(ZkSyncTransactionSigner.Sign(tx, ChainId, keys[from])));
        }

        return new ZkSyncBlockFile
        {
            ChainId = ChainId,
            Genesis = genesis,
            Number = 1,
            Timestamp = 1_700_000_000 + (ulong)seed,
            BaseFee = new UInt256(100_000_000),
            GasPerPubdata = UInt256.One,
            NativePrice = new UInt256(1_000_000),
            GasLimit = 100_000_000,
            Coinbase = Address.Parse("0x0000000000000000000000000000000000c0ffee"),
            MixHash = new UInt256((ulong)seed),
            Transactions = transactions,
        };
    }

    /// <summary>Pairs of (key, value): keys from a small range so existing, new and repeated slots mix; some values clear a slot.</summary>
    private static byte[] StorageCalldata(Random random, bool revert)
    {
        var pairs = random.Next(1, 6);
        var data = new byte[pairs * 64 + (revert ? 1 : 0)];
        for (var i = 0; i < pairs; i++)
        {
            new UInt256((ulong)random.Next(20)).WriteBigEndian(data.AsSpan(i * 64));
            var value = random.Next(4) == 0 ? UInt256.Zero : new UInt256((ulong)random.NextInt64(1, long.MaxValue));
            value.WriteBigEndian(data.AsSpan(i * 64 + 32));
        }
        return data;
    }

    /// <summary>Init code returning <paramref name="runtime"/>, after storing 1 at slot 100 (a new slot of a new account).</summary>
    private static byte[] Deployment(byte[] runtime) =>
    [
        0x60, 0x01, 0x60, 0x64, 0x55,                     // SSTORE(100, 1)
        0x60, (byte)runtime.Length, 0x80,                 // PUSH1 len DUP1
        0x60, 0x11, 0x5f, 0x39,                           // PUSH1 17 PUSH0 CODECOPY
        0x5f, 0xf3,                                       // PUSH0 RETURN
        0x00, 0x00, 0x00,                                 // padding up to the runtime at 17
        .. runtime,
    ];

    private static byte[] Deposit(Random random, List<Address> recipients)
    {
        var from = RandomAddress(random);
        var to = recipients[random.Next(recipients.Count)];
        var value = new UInt256((ulong)random.NextInt64(1, 1_000_000_000_000_000));
        return ZkSyncTransactionEncoder.Encode(new ZkSyncTransaction
        {
            TxType = ZkSyncTransaction.L1ToL2Type,
            From = from,
            To = to,
            GasLimit = 300_000,
            GasPerPubdataLimit = 800,
            MaxFeePerGas = 100_000_000,
            Value = value,
            Reserved0 = value + new UInt256(300_000UL * 100_000_000),
            Reserved1 = from.ToUInt256(),
        });
    }

    /// <summary>keccak(rlp([sender, nonce]))[12..], the CREATE address.</summary>
    private static Address CreateAddress(Address sender, ulong nonce)
    {
        var hash = Keccak256.Hash(Rlp.EncodeList(Rlp.EncodeAddress(sender), Rlp.EncodeUInt64(nonce)));
        Span<byte> bytes = stackalloc byte[Bytes32.Size];
        hash.WriteTo(bytes);
        return new Address(bytes[12..]);
    }

    private static Address RandomAddress(Random random)
    {
        var bytes = new byte[Address.Size];
        random.NextBytes(bytes);
        return new Address(bytes);
    }

    private static byte[] Key(int seed, int index) => Keccak256.Hash(BitConverter.GetBytes(seed * 1000 + index)).ToArray();
}

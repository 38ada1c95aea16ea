// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Runner;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;
using ZkOs.System.Oracle;
using ZkOs.System.Precompiles;
using ZkOs.System.ZkSync;
using ZkOs.System.ZkSync.Commitments;
using ZkOs.System.ZkSync.Hooks;
using ZkOs.System.ZkSync.Pubdata;
using ZkOs.System.ZkSync.Storage;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.Bootloader.ZkSync;

/// <summary>
/// The ZKsync bootloader's block flow (reference/zksync-os.md §5.1): read the metadata from the oracle,
/// run every transaction it hands out through the ZKsync policy, then finish: the state diffs, the
/// header and block hash, and the pubdata. The EEs are the host's; everything non-deterministic comes
/// through the oracle, so the same code serves a sequencer and, over a recorded tape, a prover.
/// </summary>
public sealed class ZkSyncBlockExecutor(IExecutionEnvironment?[] environments, PrecompileSet precompiles)
{
    public ZkSyncBlockResult Run(IOracle oracle)
    {
        var client = new OracleClient(oracle);
        var metadata = client.ReadBlockMetadata();
        var source = new ZkSyncStateSource(client);
        var io = new IoSubsystem(IoRules.ZkSync, source);
        io.BeginBlock(new BlockContext
        {
            ChainId = metadata.ChainId,
            Number = metadata.Number,
            Timestamp = metadata.Timestamp,
            Coinbase = metadata.Coinbase,
            GasLimit = metadata.GasLimit,
            BaseFee = metadata.BaseFee,
            PrevRandao = metadata.MixHash,
            BlobBaseFee = UInt256.One,
            GasPerPubdata = metadata.GasPerPubdata,
            NativePrice = metadata.NativePrice,
        }, metadata.BlockHashes);
        var runner = new FrameRunner(environments, EeType.Evm, io, precompiles, SystemHookSet.ZkSync);
        var processor = new ZkSyncTransactionProcessor(io, runner, metadata, source);

        var results = new List<ZkSyncTransactionResult>();
        var rollingHash = TransactionsRollingHash.Initial;
        var l1Hashes = new List<Bytes32>();
        var upgradeHash = Bytes32.Zero;
        for (var size = client.NextTransactionSize(); size > 0; size = client.NextTransactionSize())
        {
            var result = processor.Process(client.ReadTransaction(size), results.Count, isFirst: results.Count == 0);
            results.Add(result);
            if (result.Invalid is not null)
            {
                continue;
            }
            rollingHash = TransactionsRollingHash.Append(rollingHash, result.Hash);
            if (result.Type == Transactions.ZkSyncTransaction.L1ToL2Type)
            {
                l1Hashes.Add(result.Hash);
            }
            else if (result.Type == Transactions.ZkSyncTransaction.UpgradeType)
            {
                upgradeHash = result.Hash;
            }
        }

        var (diffs, writes, preimages) = StateDiffs(io, processor);
        // The parent hash is block n − 1's (upstream's fix; the snapshot wrote 0).
        var header = BlockHeader.Create(Bytes32.FromUInt256(metadata.HashOf(metadata.Number - 1)), metadata.Coinbase, rollingHash,
            metadata.Number, metadata.GasLimit, metadata.Timestamp, metadata.BaseFee.U0);
        var blockHash = header.Hash();
        var logs = results.SelectMany(r => r.L2ToL1Logs).ToList();
        var messages = results.SelectMany(r => r.Messages).ToList();
        return new ZkSyncBlockResult
        {
            Metadata = metadata,
            Transactions = results,
            StateDiffs = diffs,
            TreeWrites = writes,
            Preimages = preimages,
            Header = header,
            BlockHash = blockHash,
            Pubdata = PubdataWriter.Write(blockHash, diffs, logs, messages),
            L2ToL1Logs = logs,
            L1TransactionHashes = l1Hashes,
            UpgradeTransactionHash = upgradeHash,
        };
    }

    /// <summary>
    /// Every slot and account that ends the block different from how it began, in WarmStorageKey order:
    /// storage as value diffs, accounts as diffs of their properties slot at 0x8003.
    /// </summary>
    private static (List<StateDiff>, List<(Bytes32, Bytes32)>, List<Preimage>) StateDiffs(IoSubsystem io, ZkSyncTransactionProcessor processor)
    {
        var changes = new List<((Address Address, Bytes32 Key) Slot, StateDiff Diff, Bytes32 Value)>();
        var preimages = new List<Preimage>();
        foreach (var ((address, key), current) in io.Storage)
        {
            var initial = io.InitialSlots.TryGetValue((address, key), out var slot) ? slot.Value : UInt256.Zero;
            if (!initial.Equals(current))
            {
                var slotKey = Bytes32.FromUInt256(key);
                var value = Bytes32.FromUInt256(current);
                changes.Add(((address, slotKey), new StorageValueDiff(FlatKey.Compute(address, slotKey), Bytes32.FromUInt256(initial), value), value));
            }
        }
        var accounts = new HashSet<Address>(io.Accounts.Keys);
        accounts.UnionWith(io.InitialAccounts.Keys);
        foreach (var address in accounts)
        {
            var initial = processor.InitialProperties(address);
            var account = io.Accounts.GetValueOrDefault(address);
            var final = ZkSyncAccounts.PropertiesOf(account);
            if (initial == final)
            {
                continue;
            }
            var key = SystemAddresses.AccountPropertiesKey(address);
            var hash = ZkSyncAccounts.StoredHash(final);
            // Code set from a known preimage (the contract deployer) is not published again: the diff
            // is the force-deploy variant with the hash, and the state already holds the preimage.
            var notPublished = io.IsBytecodeNotPublished(address);
            var publishesCode = !notPublished && final.BytecodeLength > 0 && final.BytecodeHash != initial.BytecodeHash;
            changes.Add(((SystemAddresses.AccountProperties, key),
                new AccountPropertiesDiff(FlatKey.Compute(SystemAddresses.AccountProperties, key), initial, final,
                    publishesCode ? account!.Code : ReadOnlyMemory<byte>.Empty, NotPublishBytecode: notPublished),
                hash));
            if (!hash.IsZero)
            {
                preimages.Add(new Preimage(hash, PreimageKind.AccountProperties, final.Encode()));
            }
            if (publishesCode)
            {
                preimages.Add(new Preimage(final.BytecodeHash, PreimageKind.Bytecode, account!.Code));
            }
        }
        changes.Sort((x, y) => WarmStorageKeyComparer.Instance.Compare(x.Slot, y.Slot));
        return (changes.Select(c => c.Diff).ToList(), changes.Select(c => (c.Diff.FlatKey, c.Value)).ToList(), preimages);
    }
}

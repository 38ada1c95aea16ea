// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using ZkOs.Bootloader.Runner;
using ZkOs.Bootloader.ZkSync.Proving;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;
using ZkOs.System.Oracle;
using ZkOs.System.Precompiles;
using ZkOs.System.Variants;
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
/// header and block hash, and the pubdata. Everything non-deterministic comes through the oracle.
/// </summary>
/// <remarks>
/// <para>One bootloader for both system variants (ARCHITECTURE.md "Forward and proving variants"): forward,
/// the oracle is called in process and the caller gets every result to commit; proving, the oracle
/// is a CSR tape, every preimage is re-hashed as it arrives, and the finish proves the initial state
/// against the root the tape claims, applies the writes and computes the public input (§7.2, §7.4).
/// <typeparamref name="TSystem"/>'s members are constants once the JIT specialises the class, so
/// neither variant pays for the other's branches.</para>
/// <para>The executor is a reusable machine: its long-lived parts (the oracle client, the state source,
/// the IO subsystem, the frame runner and its frame pools, the policy, the tree verifier, the block's
/// lists) are built once, and <see cref="Run"/> resets them, keeping every collection's capacity, so a
/// prover running block after block reaches a steady state that allocates nothing.</para>
/// </remarks>
public sealed class ZkSyncBlockExecutor<TSystem> : IDisposable
    where TSystem : struct, ISystemTypes
{
    private readonly IStfMemory _memory;
    private readonly OracleClient _client;
    private readonly ZkSyncStateSource<TSystem> _state;
    private readonly IoSubsystem _io;
    private readonly FrameRunner _runner;
    private readonly ZkSyncTransactionProcessor<TSystem> _processor;
    private readonly BatchTreeVerifier _verifier;
    // The block's collections; a variant that keeps its results hands them to the caller, so it gets
    // fresh ones per block (see Fresh), the others are cleared and reused.
    private readonly List<ZkSyncTransactionResult> _results = [];
    private readonly List<L2ToL1Log> _logs = [];
    private readonly List<ReadOnlyMemory<byte>> _messages = [];
    private readonly List<Bytes32> _l1Hashes = [];
    private readonly List<NetStorageAccess> _accesses = [];
    private readonly List<NetChange> _changes = [];
    private readonly List<StateDiffEntry> _diffs = [];
    private readonly HashSet<Address> _touchedAccounts = [];
    // The block-hash window, as read (reused when the caller does not keep the metadata) and as committed.
    private readonly UInt256[] _metadataHashes = new UInt256[BlockMetadata.BlockHashCount];
    private readonly Bytes32[] _committedHashes = new Bytes32[BlockMetadata.BlockHashCount];

    /// <param name="memory">The run's allocator; by default the variant's (<see cref="ISystemTypes.CreateMemory"/>). The executor owns it.</param>
    public ZkSyncBlockExecutor(IExecutionEnvironment?[] environments, PrecompileSet precompiles, IStfMemory? memory = null)
    {
        _memory = memory ?? TSystem.CreateMemory();
        _client = new OracleClient(null, _memory);
        _state = new ZkSyncStateSource<TSystem>(_client);
        _io = new IoSubsystem(IoRules.ZkSync, _state, _memory);
        _runner = new FrameRunner(environments, EeType.Evm, _io, precompiles, SystemHookSet.ZkSync);
        _processor = new ZkSyncTransactionProcessor<TSystem>(_io, _runner, _state.LoadedAccounts, _memory);
        _verifier = new BatchTreeVerifier(_client);
    }

    /// <summary>
    /// Runs one block. Forward, everything in the result is the caller's; proving, the result shares the
    /// executor's buffers and is valid until the next run.
    /// </summary>
    public ZkSyncBlockResult Run(IOracle source)
    {
        var block = Execute(source);
        var metadata = block.Metadata;
        return new ZkSyncBlockResult
        {
            Metadata = metadata,
            Transactions = block.Results,
            // Array.Empty, not []: next to a List, [] would be a new empty List every run.
            StateDiffs = TSystem.KeepsResults ? StateDiffs(_diffs) : Array.Empty<StateDiff>(),
            TreeWrites = TSystem.KeepsResults ? TreeWrites(block.Changes) : Array.Empty<(Bytes32, Bytes32)>(),
            Preimages = TSystem.KeepsResults ? Preimages(block.Changes) : Array.Empty<Preimage>(),
            // The same fields Execute hashed (BlockHeader.HashOfCreated is Create(...).Hash()).
            Header = Header(metadata, block.RollingHash),
            BlockHash = block.BlockHash,
            Pubdata = block.Pubdata,
            L2ToL1Logs = block.Logs,
            L1TransactionHashes = block.L1Hashes,
            UpgradeTransactionHash = block.UpgradeHash,
            Proof = block.Proof,
            ArenaHighWaterMark = _memory.HighWaterMark,
        };
    }

    /// <summary>
    /// Runs one block and returns only its proof: what the prover needs, without the result record and
    /// header a <see cref="Run"/> builds, so a warm proving run allocates nothing for them.
    /// The proof shares the executor's buffers and is valid until the next run.
    /// </summary>
    /// <exception cref="InvalidOperationException">The variant does not prove the state.</exception>
    public ProvenBlock Prove(IOracle source)
    {
        if (!TSystem.ProvesState)
        {
            throw new InvalidOperationException("this variant does not prove the state; call Run");
        }
        return Execute(source).Proof!.Value;
    }

    /// <summary>The most memory the run's allocator has had in use at once, in bytes.</summary>
    public long ArenaHighWaterMark => _memory.HighWaterMark;

    private static BlockHeader Header(BlockMetadata metadata, Bytes32 rollingHash) =>
        // The parent hash is block n − 1's (upstream's fix; the snapshot wrote 0).
        BlockHeader.Create(Bytes32.FromUInt256(metadata.HashOf(metadata.Number - 1)), metadata.Coinbase, rollingHash,
            metadata.Number, metadata.GasLimit, metadata.Timestamp, metadata.BaseFee.U0,
            // PREVRANDAO, as an Ethereum header carries it since the merge. The snapshot writes 0, which
            // leaves the value contracts read bound to nothing in the public input.
            mixHash: Bytes32.FromUInt256(metadata.MixHash));

    // Header's fields, hashed without the record.
    private static Bytes32 HeaderHash(BlockMetadata metadata, Bytes32 rollingHash) =>
        BlockHeader.HashOfCreated(Bytes32.FromUInt256(metadata.HashOf(metadata.Number - 1)), metadata.Coinbase, rollingHash,
            metadata.Number, metadata.GasLimit, metadata.Timestamp, metadata.BaseFee.U0, mixHash: Bytes32.FromUInt256(metadata.MixHash));

    /// <summary>The block flow; <see cref="Run"/> and <see cref="Prove"/> shape what it produced.</summary>
    private BlockRun Execute(IOracle source)
    {
        // A previous run may have failed half-way: everything it left goes, capacities stay.
        _memory.Reset();
        _client.Connect(TSystem.OpenOracle(source));
        _state.Reset();
        _io.Reset();
        _runner.Reset();

        var client = _client;
        var io = _io;
        var processor = _processor;
        var metadata = client.ReadBlockMetadata(TSystem.KeepsResults ? null : _metadataHashes);
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
        processor.BeginBlock(metadata);

        var results = Fresh(_results);
        var logs = Fresh(_logs);
        var messages = Fresh(_messages);
        var l1Hashes = Fresh(_l1Hashes);
        var rollingHash = TransactionsRollingHash.Initial;
        var upgradeHash = Bytes32.Zero;
        var index = 0;
        for (var size = client.NextTransactionSize(); size > 0; size = client.NextTransactionSize(), index++)
        {
            var body = client.ReadTransaction(size);
            var result = processor.Process(body, index, isFirst: index == 0);
            if (TSystem.KeepsResults)
            {
                results.Add(result);
            }
            if (result.Invalid is not null)
            {
                continue;
            }
            logs.AddRange(result.L2ToL1Logs);
            messages.AddRange(result.Messages);
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

        var changes = NetChanges();
        // The diffs are values in a list the machine keeps; only a forward caller gets them as records.
        var diffs = _diffs;
        diffs.Clear();
        foreach (var change in changes)
        {
            if (change.HasDiff)
            {
                diffs.Add(change.Diff);
            }
        }
        var blockHash = HeaderHash(metadata, rollingHash);
        // In the run's memory: the arena when proving, a new array forward.
        var diffSpan = CollectionsMarshal.AsSpan(diffs);
        var pubdata = _memory.Allocate(PubdataWriter.Length<StateDiffEntry>(diffSpan, logs, messages));
        PubdataWriter.Write<StateDiffEntry>(blockHash, diffSpan, logs, messages, pubdata.Span);

        ProvenBlock? proof = null;
        if (TSystem.ProvesState)
        {
            proof = ProveState(client, metadata, changes, pubdata, l1Hashes, logs, upgradeHash, blockHash);
        }
        return new BlockRun(metadata, results, changes, rollingHash, blockHash, pubdata, logs, l1Hashes, upgradeHash, proof);
    }

    /// <summary>The diffs as the records a forward caller keeps.</summary>
    private static List<StateDiff> StateDiffs(List<StateDiffEntry> diffs)
    {
        var records = new List<StateDiff>(diffs.Count);
        foreach (var diff in diffs)
        {
            records.Add(diff.ToStateDiff());
        }
        return records;
    }

    /// <summary>Flat key → new value of every slot the block changed, in the order the tree appends new leaves.</summary>
    private static List<(Bytes32 FlatKey, Bytes32 Value)> TreeWrites(List<NetChange> changes)
    {
        var writes = new List<(Bytes32, Bytes32)>();
        foreach (var change in changes)
        {
            if (change.Access.IsWrite)
            {
                writes.Add((change.Access.FlatKey, change.Access.Current));
            }
        }
        return writes;
    }

    /// <summary>The preimages the block creates, each account's properties before its bytecode.</summary>
    private static List<Preimage> Preimages(List<NetChange> changes)
    {
        var preimages = new List<Preimage>();
        foreach (var change in changes)
        {
            if (change.Properties is { } properties)
            {
                preimages.Add(properties);
            }
            if (change.Bytecode is { } bytecode)
            {
                preimages.Add(bytecode);
            }
        }
        return preimages;
    }

    /// <summary>Frees the run's memory (the prover's arena).</summary>
    public void Dispose() => _memory.Dispose();

    /// <summary>A new list when the caller keeps the results (they outlive the run), else the machine's own, cleared.</summary>
    private static List<T> Fresh<T>(List<T> reused)
    {
        if (TSystem.KeepsResults)
        {
            return [];
        }
        reused.Clear();
        return reused;
    }

    /// <summary>
    /// The proving finish (reference §7.2, §7.4): the initial commitment from the oracle, every touched
    /// slot proven against it, the writes applied, and the public input over the two commitments.
    /// </summary>
    private ProvenBlock ProveState(
        OracleClient client, BlockMetadata metadata, List<NetChange> changes, ReadOnlyMemory<byte> pubdata,
        List<Bytes32> l1Hashes, List<L2ToL1Log> logs, Bytes32 upgradeHash, Bytes32 blockHash)
    {
        var initial = client.ReadIoImplementerState();
        if (initial != IoImplementerState.Fresh(initial.StateRoot))
        {
            throw new System.Oracle.Csr.WitnessException(
                "the IO implementer does not start fresh: this STF proves one block, with no pubdata log carried in and the block not yet completed");
        }
        _accesses.Clear();
        foreach (var change in changes)
        {
            _accesses.Add(change.Access);
        }
        var after = _verifier.VerifyAndApply(initial.StateRoot, CollectionsMarshal.AsSpan(_accesses));
        client.Disconnect();
        // The committed window lives in the executor: a ProvenBlock is valid until the next run.
        var hashes = TSystem.KeepsResults ? new Bytes32[BlockMetadata.BlockHashCount] : _committedHashes;
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = Bytes32.FromUInt256(metadata.BlockHashes[i]);
        }
        var parts = new PublicInputParts(
            metadata.ChainId, metadata.Number, metadata.Timestamp, hashes,
            initial.StateRoot, after, pubdata, l1Hashes, logs, upgradeHash, blockHash);
        var publicInput = BlockPublicInput.From(parts);
        return new ProvenBlock(parts, publicInput.Hash());
    }

    /// <summary>
    /// Every slot and account the block touched, in WarmStorageKey order: the net access the proof
    /// checks (initial and final value), and for those that changed, the state diff the pubdata
    /// publishes (storage as value diffs, accounts as diffs of their properties slot at 0x8003) and,
    /// when the caller keeps results, any preimage it creates.
    /// </summary>
    private List<NetChange> NetChanges()
    {
        var io = _io;
        var changes = Fresh(_changes);
        // Enumerated through the dictionaries' struct enumerators: an interface's would be boxed.
        var slots = io.EnumerateInitialSlots();
        while (slots.MoveNext())
        {
            var ((address, key), initialSlot) = slots.Current;
            var initial = initialSlot.Value;
            var current = io.Storage.TryGetValue((address, key), out var value) ? value : initial;
            var slotKey = Bytes32.FromUInt256(key);
            var flatKey = FlatKey.Compute(address, slotKey);
            var access = new NetStorageAccess(flatKey, Bytes32.FromUInt256(initial), Bytes32.FromUInt256(current), initialSlot.IsNew);
            var diff = access.IsWrite ? StateDiffEntry.Storage(flatKey, access.Initial, access.Current) : default;
            changes.Add(new NetChange((address, slotKey), access, access.IsWrite, diff));
        }
        var accounts = _touchedAccounts;
        accounts.Clear();
        var live = io.EnumerateAccounts();
        while (live.MoveNext())
        {
            accounts.Add(live.Current.Key);
        }
        var initialAccounts = io.EnumerateInitialAccounts();
        while (initialAccounts.MoveNext())
        {
            accounts.Add(initialAccounts.Current.Key);
        }
        foreach (var address in accounts)
        {
            var loaded = _processor.LoadedAccount(address);
            var initial = loaded.Initial;
            var account = io.Accounts.GetValueOrDefault(address);
            var final = ZkSyncAccounts.PropertiesOf(account);
            var key = SystemAddresses.AccountPropertiesKey(address);
            var flatKey = FlatKey.Compute(SystemAddresses.AccountProperties, key);
            if (initial == final)
            {
                changes.Add(new NetChange((SystemAddresses.AccountProperties, key),
                    new NetStorageAccess(flatKey, loaded.InitialHash, loaded.InitialHash, loaded.SlotIsNew), HasDiff: false, default));
                continue;
            }
            var hash = ZkSyncAccounts.StoredHash(final);
            // Code set from a known preimage (the contract deployer) is not published again: the diff
            // is the force-deploy variant with the hash, and the state already holds the preimage.
            var notPublished = io.IsBytecodeNotPublished(address);
            var publishesCode = !notPublished && final.BytecodeLength > 0 && final.BytecodeHash != initial.BytecodeHash;
            Preimage? properties = null, bytecode = null;
            if (TSystem.KeepsResults)
            {
                properties = hash.IsZero ? null : new Preimage(hash, PreimageKind.AccountProperties, final.Encode());
                bytecode = publishesCode ? new Preimage(final.BytecodeHash, PreimageKind.Bytecode, account!.Code.ToArray()) : null;
            }
            changes.Add(new NetChange((SystemAddresses.AccountProperties, key),
                new NetStorageAccess(flatKey, loaded.InitialHash, hash, loaded.SlotIsNew), HasDiff: true,
                StateDiffEntry.Account(flatKey, initial, final,
                    publishesCode ? account!.Code : ReadOnlyMemory<byte>.Empty, notPublishBytecode: notPublished),
                properties, bytecode));
        }
        changes.Sort(static (x, y) => WarmStorageKeyComparer.Instance.Compare(x.Slot, y.Slot));
        return changes;
    }

    /// <summary>
    /// One touched slot: where it is, what the proof checks, and what the pubdata and (forward) the
    /// state store get: the new account-properties and bytecode preimages, when there are any.
    /// </summary>
    /// <param name="HasDiff">Whether the slot publishes <paramref name="Diff"/> (a value, so no null says it).</param>
    private readonly record struct NetChange(
        (Address Address, Bytes32 Key) Slot, NetStorageAccess Access, bool HasDiff, StateDiffEntry Diff,
        Preimage? Properties = null, Preimage? Bytecode = null);

    /// <summary>What <see cref="Execute"/> produced; the lists are the executor's when it does not keep results.</summary>
    private readonly record struct BlockRun(
        BlockMetadata Metadata, List<ZkSyncTransactionResult> Results, List<NetChange> Changes, Bytes32 RollingHash, Bytes32 BlockHash,
        ReadOnlyMemory<byte> Pubdata, List<L2ToL1Log> Logs, List<Bytes32> L1Hashes, Bytes32 UpgradeHash, ProvenBlock? Proof);
}

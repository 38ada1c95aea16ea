// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync.Blocks;
using ZkOs.Bootloader.ZkSync.Proving;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Io;
using ZkOs.System.Oracle;
using ZkOs.System.Oracle.Csr;
using ZkOs.System.Precompiles;
using ZkOs.System.Variants;
using ZkOs.System.ZkSync;
using ZkOs.System.ZkSync.Accounts;
using ZkOs.System.ZkSync.Commitments;
using ZkOs.System.ZkSync.Storage;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.Bootloader.ZkSync.Forward;

/// <summary>
/// A sequencer's view of a ZKsync chain: its state (the flat tree and the preimages, in memory or in
/// SQLite), blocks run forward through a <see cref="ForwardOracle"/> over that state, each committed
/// with its hash, and the block public input (reference §7.4) of each.
/// </summary>
public sealed class ZkSyncChain(StateDatabase state, IExecutionEnvironment?[] environments, PrecompileSet precompiles)
{
    public StateDatabase State => state;

    public ZkSyncRunReport Run(ZkSyncBlockFile file)
    {
        var (metadata, transactions) = Prepare(file);
        var before = state.Commitment;
        using var executor = new ZkSyncBlockExecutor<ForwardSystem>(environments, precompiles);
        var block = executor.Run(new ForwardOracle(metadata, transactions, state));
        var after = state.CommitBlock(file.Number, block.BlockHash, block.TreeWrites.ToArray(), block.Preimages);

        var parts = new PublicInputParts(
            file.ChainId, file.Number, file.Timestamp,
            metadata.BlockHashes.Select(h => Bytes32.FromUInt256(h)).ToArray(),
            before,
            after,
            block.Pubdata, block.L1TransactionHashes, block.L2ToL1Logs, block.UpgradeTransactionHash, block.BlockHash);
        var publicInput = BlockPublicInput.From(parts);
        return new ZkSyncRunReport(block, before, after, parts, publicInput.Hash(), publicInput.RegisterWords(), BatchPublicInput.From(parts).Hash());
    }

    /// <summary>
    /// Builds the prover's input for the next block, as upstream does: the proving variant of the STF
    /// runs with this chain's forward oracle behind a CSR host port, and every word it reads is recorded.
    /// The block is not committed; <see cref="Run"/> does that.
    /// </summary>
    /// <returns>The witness and what the recording run proved (its public input is the prover's).</returns>
    public (uint[] Witness, ProvenBlock Proof) RecordWitness(ZkSyncBlockFile file)
    {
        var (metadata, transactions) = Prepare(file);
        var recorder = new RecordingPort(new OracleHostPort(new ForwardOracle(metadata, transactions, state)));
        // The proof's parts live in the executor's arena, freed with it: the caller gets a detached copy.
        using var executor = new ZkSyncBlockExecutor<ProvingSystem>(environments, precompiles);
        var block = executor.Run(new CsrOracle(recorder));
        return ([.. recorder.Words], block.Proof!.Value.Detached());
    }

    /// <summary>The block's metadata over the stored head, after applying the genesis to an empty state.</summary>
    private (BlockMetadata Metadata, ListTransactionSource Transactions) Prepare(ZkSyncBlockFile file)
    {
        if (state.Head is null)
        {
            ApplyGenesis(file.Genesis);
        }
        var head = state.Head!;
        if (file.Number != head.BlockNumber + 1)
        {
            throw new ZkSyncBlockException($"block {file.Number} cannot follow the stored head, block {head.BlockNumber}");
        }

        var hashes = new UInt256[BlockMetadata.BlockHashCount];
        for (var i = 0; i < head.RecentBlockHashes.Length && i < hashes.Length; i++)
        {
            hashes[i] = head.RecentBlockHashes[i].ToUInt256();
        }
        var metadata = new BlockMetadata
        {
            BaseFee = file.BaseFee,
            GasPerPubdata = file.GasPerPubdata,
            NativePrice = file.NativePrice,
            Number = file.Number,
            Timestamp = file.Timestamp,
            ChainId = file.ChainId,
            GasLimit = file.GasLimit,
            Coinbase = file.Coinbase,
            BlockHashes = hashes,
            MixHash = file.MixHash,
        };
        return (metadata, new ListTransactionSource(file.Transactions));
    }

    /// <summary>
    /// Writes the genesis into the empty state as block 0 (hash zero): each account's properties under
    /// (0x8003, address) with their preimage and its bytecode's, and its storage slots, in WarmStorageKey order.
    /// </summary>
    private void ApplyGenesis(IReadOnlyList<GenesisAccount> genesis)
    {
        var writes = new List<((Address, Bytes32) Slot, Bytes32 Key, Bytes32 Value)>();
        var preimages = new List<Preimage>();
        foreach (var account in genesis)
        {
            var properties = Properties(account);
            if (!properties.IsEmpty)
            {
                var key = SystemAddresses.AccountPropertiesKey(account.Address);
                writes.Add(((SystemAddresses.AccountProperties, key), FlatKey.Compute(SystemAddresses.AccountProperties, key), properties.Hash()));
                preimages.Add(Preimage.Create(PreimageKind.AccountProperties, properties.Encode()));
                if (account.Code.Length > 0)
                {
                    preimages.Add(Preimage.Create(PreimageKind.Bytecode, account.Code));
                }
            }
            foreach (var (slot, value) in account.Storage)
            {
                var key = Bytes32.FromUInt256(slot);
                writes.Add(((account.Address, key), FlatKey.Compute(account.Address, key), Bytes32.FromUInt256(value)));
            }
        }
        writes.Sort((x, y) => WarmStorageKeyComparer.Instance.Compare(x.Slot, y.Slot));
        state.CommitBlock(0, Bytes32.Zero, writes.Select(w => (w.Key, w.Value)).ToArray(), preimages);
    }

    private static AccountProperties Properties(GenesisAccount account) =>
        ZkSyncAccounts.PropertiesOf(new AccountSnapshot(account.Nonce, account.Balance, account.Code, EeType.Evm));
}

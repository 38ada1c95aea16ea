// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync.Blocks;
using ZkOs.Bootloader.ZkSync.Forward;
using ZkOs.Bootloader.ZkSync.Proving;
using ZkOs.Evm;
using ZkOs.Framework.Execution;
using ZkOs.System.Precompiles;
using ZkOs.System.ZkSync.Storage;

namespace ZkOs.Bootloader.Tests.ZkSync.Proving;

/// <summary>A block run both ways: forward (committed to a fresh state) and as a witness replayed by the proving run.</summary>
internal static class ProvingHarness
{
    public static IExecutionEnvironment?[] Environments()
    {
        var environments = new IExecutionEnvironment?[256];
        environments[EeType.Evm] = new EvmEnvironment();
        return environments;
    }

    public static ZkSyncRunReport RunForward(ZkSyncBlockFile file)
    {
        using var database = StateDatabase.Open(new InMemoryStateStore());
        return new ZkSyncChain(database, Environments(), PrecompileSet.Cancun).Run(file);
    }

    public static (uint[] Witness, ProvenBlock Proof) RecordWitness(ZkSyncBlockFile file)
    {
        using var database = StateDatabase.Open(new InMemoryStateStore());
        return new ZkSyncChain(database, Environments(), PrecompileSet.Cancun).RecordWitness(file);
    }

    /// <summary>
    /// Proves on a machine of its own, disposed on return: the report's hashes and commitments are values,
    /// but its parts' pubdata points into the freed arena and must not be read.
    /// </summary>
    public static ProvingRunReport Prove(ReadOnlyMemory<uint> witness)
    {
        using var prover = new ProvingRun(Environments(), PrecompileSet.Cancun);
        var report = prover.Run(witness);
        // The prover is disposed here, and its arena with it: keep a copy that owns the proof's parts.
        return report with { Proof = report.Proof.Detached() };
    }
}

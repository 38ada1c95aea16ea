// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync.Proving;
using ZkOs.System.Precompiles;

namespace ZkOs.Bootloader.Tests.ZkSync.Proving;

/// <summary>
/// The proving run's managed allocation once warm (issue 5, item 2), measured with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> around <see cref="ProvingRun.Run"/>.
/// </summary>
/// <remarks>
/// The machine's start-up (construction and one warm-up run for the JIT, the statics and every
/// collection's capacity) is paid once; after it, a run allocates nothing: the block's accounts,
/// transaction, access list and L2→L1 messages are reused or live in the arena, the state diffs are
/// values, the header is hashed on the stack, and the prover gets its proof without a result record.
/// </remarks>
public class ProvingRunAllocationTests
{
    [Fact]
    public void SampleWitness_AfterOneWarmUpRun_AllocatesNothing()
    {
        var (witness, recorded) = ProvingHarness.RecordWitness(ZkSyncBlockTests.Sample());
        using var prover = new ProvingRun(ProvingHarness.Environments(), PrecompileSet.Cancun);
        prover.Run(witness);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var report = prover.Run(witness);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(recorded.PublicInput, report.Proof.PublicInput);
        Assert.Equal(ProvingHarness.RunForward(ZkSyncBlockTests.Sample()).PublicInput, report.Proof.PublicInput);
    }

    [Fact]
    public void SampleWitness_OnceWarm_AllocatesTheSameEveryRun()
    {
        var (witness, _) = ProvingHarness.RecordWitness(ZkSyncBlockTests.Sample());
        using var prover = new ProvingRun(ProvingHarness.Environments(), PrecompileSet.Cancun);
        prover.Run(witness);

        var runs = new long[4];
        for (var i = 0; i < runs.Length; i++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            prover.Run(witness);
            runs[i] = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // Nothing accumulates from run to run: what a run allocates is garbage of that run alone.
        Assert.All(runs, bytes => Assert.Equal(runs[0], bytes));
    }

    [Fact]
    public void MachineStartUp_IsNotPaidAgainByARun()
    {
        var (witness, _) = ProvingHarness.RecordWitness(ZkSyncBlockTests.Sample());
        var environments = ProvingHarness.Environments();
        // A first machine warms the JIT and the statics, so the second one's figures are its own.
        using (var warm = new ProvingRun(environments, PrecompileSet.Cancun))
        {
            warm.Run(witness);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        using var prover = new ProvingRun(environments, PrecompileSet.Cancun);
        prover.Run(witness);
        var startUpAndFirstRun = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        prover.Run(witness);
        var secondRun = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(secondRun * 2 < startUpAndFirstRun, $"the second run allocated {secondRun} bytes, start-up and the first {startUpAndFirstRun}");
    }
}

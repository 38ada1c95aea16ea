// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync.Proving;
using ZkOs.System.Precompiles;
using ZkOs.System.Variants;

namespace ZkOs.Bootloader.Tests.ZkSync.Proving;

/// <summary>
/// The prover as a reusable machine (issue 5, item 2): one start-up, then witness after witness; a block
/// that needs more than the arena fails with a clear error and leaves the machine able to prove the next.
/// </summary>
public class ProvingRunMachineTests
{
    [Fact]
    public void ArenaTooSmallForTheBlock_FailsItWithArenaExhausted_AndTheNextWitnessProves()
    {
        var (large, largeProof) = ProvingHarness.RecordWitness(ZkSyncBlockTests.Sample());
        var (small, smallProof) = ProvingHarness.RecordWitness(RandomBlocks.Create(21, 3));
        var needed = ProvingHarness.Prove(small).ArenaHighWaterMark;
        Assert.True(needed < ProvingHarness.Prove(large).ArenaHighWaterMark, "the small block must need less memory than the sample");
        using var prover = new ProvingRun(ProvingHarness.Environments(), PrecompileSet.Cancun, arenaBytes: needed);

        for (var round = 0; round < 2; round++)
        {
            var failure = Assert.Throws<ProvingRunException>(() => prover.Run(large));
            Assert.IsType<ArenaExhaustedException>(failure.InnerException);

            var report = prover.Run(small);
            Assert.Equal(smallProof.PublicInput, report.Proof.PublicInput);
            Assert.Equal(smallProof.StateAfter, report.Proof.StateAfter);
            Assert.Equal(small.Length, report.WordsRead);
        }
        Assert.NotEqual(largeProof.PublicInput, smallProof.PublicInput);
    }

    [Fact]
    public void OneMachine_ProvesDifferentBlocksInTurn_EachWithItsOwnPublicInput()
    {
        var blocks = new[] { ZkSyncBlockTests.Sample(), RandomBlocks.Create(31, 20), RandomBlocks.Create(32, 25) };
        var recorded = blocks.Select(ProvingHarness.RecordWitness).ToArray();
        using var prover = new ProvingRun(ProvingHarness.Environments(), PrecompileSet.Cancun);

        for (var round = 0; round < 2; round++)
        {
            foreach (var (witness, proof) in recorded)
            {
                var report = prover.Run(witness);
                Assert.Equal(proof.PublicInput, report.Proof.PublicInput);
                Assert.Equal(proof.StateAfter, report.Proof.StateAfter);
            }
        }
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync.Blocks;
using ZkOs.Bootloader.ZkSync.Forward;
using ZkOs.System.Oracle.Csr;

namespace ZkOs.Bootloader.Tests.ZkSync.Proving;

/// <summary>
/// The proving variant over a witness gives exactly the forward run's public input and state root, on
/// the sample block and on randomized blocks; the recording run (the proving variant served by the
/// forward oracle) agrees with both.
/// </summary>
public class ProvingRunTests
{
    [Fact]
    public void SampleBlock_ProveRunGivesTheForwardPublicInputAndRoot() => AssertAgree(ZkSyncBlockTests.Sample());

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 30)]
    [InlineData(3, 45)]
    [InlineData(4, 45)]
    [InlineData(5, 60)]
    [InlineData(6, 60)]
    public void RandomizedBlocks_ProveRunGivesTheForwardPublicInputAndRoot(int seed, int transactions)
    {
        var file = RandomBlocks.Create(seed, transactions);
        var forward = AssertAgree(file);

        // The blocks exercise what they claim to: failures, reverts, deployments and new slots.
        var results = forward.Block.Transactions;
        Assert.Contains(results, r => r.Invalid is not null);
        Assert.Contains(results, r => r.Invalid is null && !r.Success);
        Assert.Contains(results, r => r.ContractAddress is not null);
        Assert.True(results.Count(r => r.Invalid is null && r.Success) > transactions / 2);
        Assert.True(forward.StateAfter.NextFreeSlot > forward.StateBefore.NextFreeSlot);
    }

    [Fact]
    public void AWitnessOfAnotherBlock_GivesThatBlocksPublicInput_NotThisOnes()
    {
        var (witness, proof) = ProvingHarness.RecordWitness(RandomBlocks.Create(7, 20));

        var proven = ProvingHarness.Prove(witness);

        Assert.Equal(proof.PublicInput, proven.Proof.PublicInput);
        Assert.NotEqual(ProvingHarness.RunForward(RandomBlocks.Create(8, 20)).PublicInput, proven.Proof.PublicInput);
    }

    [Fact]
    public void ARecordedProof_OwnsItsParts_AfterTheRecordingMachineIsGone()
    {
        var file = ZkSyncBlockTests.Sample();
        var (_, proof) = ProvingHarness.RecordWitness(file);
        var forward = ProvingHarness.RunForward(file);

        Assert.Equal(forward.Block.Pubdata.ToArray(), proof.Parts.Pubdata.ToArray());
        Assert.Equal(forward.PublicInputParts.L2ToL1Logs, proof.Parts.L2ToL1Logs);
        // The parts alone give the public input again.
        Assert.Equal(proof.PublicInput, ZkOs.System.ZkSync.Commitments.BlockPublicInput.From(proof.Parts).Hash());
    }

    [Fact]
    public void RunStatistics_CountEveryWordAndTheArena()
    {
        var (witness, _) = ProvingHarness.RecordWitness(ZkSyncBlockTests.Sample());

        var report = ProvingHarness.Prove(witness);

        Assert.Equal(witness.Length, report.WordsRead);
        Assert.InRange(report.ArenaHighWaterMark, 1, ZkOs.System.Variants.ArenaAllocator.GuestMemoryBytes);
    }

    [Fact]
    public void WitnessFile_RoundTripsTheTape()
    {
        var (witness, proof) = ProvingHarness.RecordWitness(ZkSyncBlockTests.Sample());
        var writer = new StringWriter();
        WitnessFile.Write(writer, witness);

        var read = WitnessFile.Read(new StringReader(writer.ToString()), "sample.witness");

        Assert.Equal(witness, read);
        Assert.Equal(proof.PublicInput, ProvingHarness.Prove(read).Proof.PublicInput);
    }

    private static ZkSyncRunReport AssertAgree(ZkSyncBlockFile file)
    {
        var (witness, recorded) = ProvingHarness.RecordWitness(file);
        var forward = ProvingHarness.RunForward(file);

        var proven = ProvingHarness.Prove(witness);

        Assert.Equal(forward.PublicInput, proven.Proof.PublicInput);
        Assert.Equal(forward.PublicInputWords, proven.Proof.PublicInputWords);
        Assert.Equal(forward.StateBefore, proven.Proof.StateBefore);
        Assert.Equal(forward.StateAfter, proven.Proof.StateAfter);
        Assert.Equal(forward.Block.BlockHash, proven.Proof.Parts.CurrentBlockHash);
        Assert.Equal(recorded.PublicInput, proven.Proof.PublicInput);
        return forward;
    }
}

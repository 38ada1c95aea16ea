// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync.Proving;
using ZkOs.System.Oracle;
using ZkOs.System.Oracle.Csr;

namespace ZkOs.Bootloader.Tests.ZkSync.Proving;

/// <summary>
/// A witness that is not exactly what the forward run served never proves the same public input: every
/// single-word change either fails the proving run with a specific error or changes the public input,
/// and each kind of tampering is caught by the check meant for it.
/// </summary>
public class TamperedWitnessTests
{
    private static readonly Lazy<AnnotatedWitness> _sample = new(() => AnnotatedWitness.Record(ZkSyncBlockTests.Sample()));
    private static readonly Lazy<ProvingRunReport> _honest = new(() => ProvingHarness.Prove(_sample.Value.Words));

    [Fact]
    public void EveryWordComplemented_FailsOrChangesThePublicInput()
    {
        var words = _sample.Value.Words;
        for (var i = 0; i < words.Length; i++)
        {
            AssertNeverTheSame(_sample.Value.With(i, ~words[i]), $"word {i} complemented");
        }
    }

    [Fact]
    public void RandomSingleBitFlips_FailOrChangeThePublicInput()
    {
        var words = _sample.Value.Words;
        var random = new Random(20261122);
        for (var n = 0; n < 1500; n++)
        {
            var i = random.Next(words.Length);
            var bit = random.Next(32);
            AssertNeverTheSame(_sample.Value.With(i, words[i] ^ (1u << bit)), $"bit {bit} of word {i}");
        }
    }

    [Fact]
    public void TamperedStorageValue_IsCaughtByTheProofCheck()
    {
        var witness = _sample.Value;
        // An existing contract storage slot (is_new = false, not an account's properties hash at 0x8003):
        // its value words follow the two is_new words.
        var slot = witness.Of(OracleQuery.InitialStorageSlotData).First(a =>
            witness.Words[a.FirstWord] == 0 && !IsAccountPropertiesSlot(a));
        var tampered = witness.With(slot.FirstWord + 2, witness.Words[slot.FirstWord + 2] ^ 1);

        var error = AssertFails<WitnessException>(tampered);
        Assert.Contains("in the initial tree, but the run was told", error.Message);
    }

    [Fact]
    public void ANewSlotClaimedForAnExistingKey_IsCaughtByTheNonMembershipProof()
    {
        var witness = _sample.Value;
        var slot = witness.Of(OracleQuery.InitialStorageSlotData).First(a =>
            witness.Words[a.FirstWord] == 0 && witness.Words.AsSpan(a.FirstWord + 2, 8).ContainsAnyExcept(0u));
        var tampered = (uint[])witness.Words.Clone();
        tampered[slot.FirstWord] = 1;
        tampered.AsSpan(slot.FirstWord + 2, 8).Clear();

        // Either the non-membership proof fails, or (if the run then asks different queries) the tape no longer fits.
        var error = AssertFails<Exception>(tampered);
        Assert.True(error is WitnessException or OracleException, error.ToString());
    }

    [Fact]
    public void AlteredPreimage_IsCaughtByRehashing()
    {
        var witness = _sample.Value;
        var preimage = witness.Of(OracleQuery.PreimageContentWords).First();

        var error = AssertFails<WitnessException>(witness.With(preimage.FirstWord + 3, witness.Words[preimage.FirstWord + 3] ^ 0x100));
        Assert.Contains("preimage of", error.Message);
    }

    [Fact]
    public void AlteredProofSibling_DoesNotReachTheRoot()
    {
        var witness = _sample.Value;
        var proof = witness.Of(OracleQuery.ProofForIndex).First();
        // index (2) + key (8) + value (8) + next (2), then the siblings.
        var sibling = proof.FirstWord + 20 + 8 * 10;

        var error = AssertFails<WitnessException>(witness.With(sibling, witness.Words[sibling] ^ 0x8000_0000));
        Assert.Contains("not the initial root", error.Message);
    }

    [Fact]
    public void AnotherInitialRoot_IsRejectedByEveryProof()
    {
        var witness = _sample.Value;
        var initial = Assert.Single(witness.Of(OracleQuery.InitializeIoImplementer));

        var error = AssertFails<WitnessException>(witness.With(initial.FirstWord, witness.Words[initial.FirstWord] ^ 1));
        Assert.Contains("not the initial root", error.Message);
    }

    [Fact]
    public void AnotherNextFreeSlot_IsRejected()
    {
        var witness = _sample.Value;
        var initial = Assert.Single(witness.Of(OracleQuery.InitializeIoImplementer));

        AssertFails<WitnessException>(witness.With(initial.FirstWord + 8, witness.Words[initial.FirstWord + 8] + 1));
        AssertFails<WitnessException>(witness.With(initial.FirstWord + 8, witness.Words[initial.FirstWord + 8] - 1));
    }

    [Fact]
    public void TruncatedWitness_EndsWithASpecificError()
    {
        var words = _sample.Value.Words;
        foreach (var length in new[] { 0, 1, words.Length / 2, words.Length - 1 })
        {
            var error = AssertFails<WitnessException>(words.AsMemory(0, length));
            Assert.Contains("the witness ends after", error.Message);
        }
    }

    [Fact]
    public void TrailingWords_AreRejected()
    {
        var error = AssertFails<WitnessException>((uint[])[.. _sample.Value.Words, 0u]);
        Assert.Contains("1 more", error.Message);
    }

    [Fact]
    public void AWrongAnswerLength_IsAShapeError()
    {
        var witness = _sample.Value;
        var metadata = Assert.Single(witness.Of(OracleQuery.BlockLevelMetadata));

        var error = AssertFails<OracleException>(witness.With(metadata.LengthAt, witness.Words[metadata.LengthAt] - 1));
        Assert.Contains("words where 2094 were expected", error.Message);
    }

    /// <summary>The query's address (six words, least significant first) is 0x8003.</summary>
    private static bool IsAccountPropertiesSlot(AnnotatedWitness.Answer answer) =>
        answer.Parameters[0] == 0x8003 && answer.Parameters.AsSpan(1, 5).IndexOfAnyExcept(0u) < 0;

    private static void AssertNeverTheSame(ReadOnlyMemory<uint> tape, string what)
    {
        try
        {
            var report = ProvingHarness.Prove(tape);
            Assert.True(report.Proof.PublicInput != _honest.Value.Proof.PublicInput, $"{what}: the same public input");
        }
        catch (ProvingRunException)
        {
        }
    }

    private static TInner AssertFails<TInner>(ReadOnlyMemory<uint> tape)
        where TInner : Exception
    {
        var error = Assert.Throws<ProvingRunException>(() => ProvingHarness.Prove(tape));
        return Assert.IsAssignableFrom<TInner>(error.InnerException);
    }
}

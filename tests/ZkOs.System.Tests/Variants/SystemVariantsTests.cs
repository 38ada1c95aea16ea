// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.System.Oracle;
using ZkOs.System.Oracle.Csr;
using ZkOs.System.Variants;
using ZkOs.System.ZkSync.Storage;

namespace ZkOs.System.Tests.Variants;

/// <summary>What each generated variant forwards to, as declared in system.variants.csv.</summary>
public class SystemVariantsTests
{
    [Fact]
    public void BothVariantsAreBuilt_ByDefault() => Assert.Equal(["Forward", "Proving"], SystemVariants.Built);

    [Fact]
    public void Forward_TrustsAndKeeps_Proving_ChecksAndKeepsOnlyThePublicInput()
    {
        Assert.False(ForwardSystem.ProvesState);
        Assert.True(ForwardSystem.KeepsResults);
        Assert.True(ProvingSystem.ProvesState);
        Assert.False(ProvingSystem.KeepsResults);
    }

    [Fact]
    public void ProvingRehashesPreimages_ForwardTrustsThem()
    {
        byte[] preimage = [1, 2, 3];
        var wrong = Blake2s256.Hash([1, 2, 4]);

        ForwardSystem.CheckPreimage(wrong, preimage, PreimageKind.Bytecode);
        ProvingSystem.CheckPreimage(Blake2s256.Hash(preimage), preimage, PreimageKind.Bytecode);
        var error = Assert.Throws<WitnessException>(() => ProvingSystem.CheckPreimage(wrong, preimage, PreimageKind.Bytecode));
        Assert.Contains("Bytecode preimage", error.Message);
    }

    [Fact]
    public void ProvingReachesTheOracleThroughTheCsrProtocol_ForwardDirectly()
    {
        var oracle = new NullOracle();

        Assert.Same(oracle, ForwardSystem.OpenOracle(oracle));
        Assert.IsType<CsrOracle>(ProvingSystem.OpenOracle(oracle));
        var tape = new CsrOracle(new TapePort(Array.Empty<uint>()));
        Assert.Same(tape, ProvingSystem.OpenOracle(tape));
    }

    private sealed class NullOracle : IOracle
    {
        public void Query(uint queryId, ReadOnlySpan<uint> parameters, List<uint> response)
        {
        }
    }
}

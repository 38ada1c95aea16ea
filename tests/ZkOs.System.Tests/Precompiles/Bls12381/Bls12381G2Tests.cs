// SPDX-License-Identifier: MIT
using ZkOs.System.Precompiles.Bls12381;
using static ZkOs.System.Tests.Precompiles.Bls12381.Bls12381Reference;
using G2 = ZkOs.System.Precompiles.Bn254.JacobianPoint<ZkOs.System.Precompiles.Bn254.Fp2<ZkOs.System.Precompiles.Bls12381.Fp384<ZkOs.System.Precompiles.Bls12381.Bls12381FpParams>>, ZkOs.System.Precompiles.Bls12381.Bls12381G2Params>;

namespace ZkOs.System.Tests.Precompiles.Bls12381;

/// <summary>
/// G2 of BLS12-381 on the M-type twist: the generator, the compressed encoding (x.c1 ‖ x.c0, the Fp2 sort
/// order), the trusted setup's [τ]G2, ψ and the subgroup test against [r]Q = O.
/// </summary>
public class Bls12381G2Tests
{
    /// <summary>The compressed G2 generator, also the first G2 point of the KZG trusted setup (trusted_setup.txt line 4099).</summary>
    private const string GeneratorHex =
        "93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"
        + "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8";

    [Fact]
    public void Generator_IsOnTheTwist_OfOrderR_AndDecodesFromItsCompressedForm()
    {
        Assert.True(IsOnTwist(G2Generator));
        G2.Multiply(ToG2(G2Generator), ToUInt256(R), out var zero);
        Assert.True(zero.IsInfinity);
        Assert.True(Bls12381Encoding.TryDecompressG2(Convert.FromHexString(GeneratorHex), out var decoded));
        Assert.True(G2.AreEqual(in decoded, Bls12381G2.Generator));
        Span<byte> written = stackalloc byte[96];
        Bls12381Encoding.WriteG2Compressed(in decoded, written);
        Assert.Equal(GeneratorHex, Convert.ToHexStringLower(written));
    }

    [Fact]
    public void TrustedSetupTau_IsAPointOfG2()
    {
        Assert.True(Bls12381Encoding.TryDecompressG2(Convert.FromHexString(KzgVerifier.TauG2Hex), out var tau));
        Assert.False(tau.IsInfinity);
        Assert.True(G2.ToAffine(in tau, out var x, out var y));
        Assert.True(IsOnTwist((ToBig(x), ToBig(y))));
        Assert.True(Bls12381G2.IsInSubgroup(in tau));
        G2.Multiply(in tau, ToUInt256(R), out var zero);
        Assert.True(zero.IsInfinity);
        Span<byte> written = stackalloc byte[96];
        Bls12381Encoding.WriteG2Compressed(in tau, written);
        Assert.Equal(KzgVerifier.TauG2Hex, Convert.ToHexStringLower(written));
    }

    [Fact]
    public void Psi_ActsAsMultiplicationByP_OnG2()
    {
        var q = G2Multiple(12345);
        Bls12381G2.Psi(in q, out var psi);
        G2.Multiply(in q, ToUInt256(P % R), out var expected);
        Assert.True(G2.AreEqual(in psi, in expected));
    }

    [Fact]
    public void SubgroupTest_AgreesWithMultiplicationByR()
    {
        var random = new Random(31);
        for (int i = 0; i < 6; i++)
        {
            var point = ToG2(RandomTwistPoint(random));
            G2.Multiply(in point, ToUInt256(R), out var multiple);
            Assert.False(multiple.IsInfinity);
            Assert.False(Bls12381G2.IsInSubgroup(in point));
            Assert.True(Bls12381G2.IsInSubgroup(G2Multiple(RandomBelow(random, R))));
        }

        Assert.True(Bls12381G2.IsInSubgroup(G2.Infinity));
    }

    [Fact]
    public void Compressed_RoundTrips_AndRejectsBadInput()
    {
        var random = new Random(32);
        Span<byte> written = stackalloc byte[96];
        for (int i = 0; i < 10; i++)
        {
            var point = G2Multiple(RandomBelow(random, R));
            Bls12381Encoding.WriteG2Compressed(in point, written);
            Assert.True(Bls12381Encoding.TryDecompressG2(written, out var decoded));
            Assert.True(G2.AreEqual(in point, in decoded));

            // The sort flag selects -y.
            written[0] ^= 0x20;
            Assert.True(Bls12381Encoding.TryDecompressG2(written, out var negated));
            G2.Negate(in point, out var expected);
            Assert.True(G2.AreEqual(in expected, in negated));
        }

        var infinity = new byte[96];
        infinity[0] = 0xC0;
        Assert.True(Bls12381Encoding.TryDecompressG2(infinity, out var atInfinity));
        Assert.True(atInfinity.IsInfinity);
        infinity[95] = 1;
        Assert.False(Bls12381Encoding.TryDecompressG2(infinity, out _));

        var generator = Convert.FromHexString(GeneratorHex);
        generator[0] &= 0x7F;
        Assert.False(Bls12381Encoding.TryDecompressG2(generator, out _));

        // x.c0 = p: not canonical.
        var encoded = new byte[96];
        WriteBigEndian(P, encoded.AsSpan(48), 48);
        encoded[0] = 0x80;
        Assert.False(Bls12381Encoding.TryDecompressG2(encoded, out _));

        // Points off the twist are rejected, the others decode onto it.
        int rejected = 0;
        for (int i = 0; i < 20; i++)
        {
            var x = (RandomBelow(random, P), RandomBelow(random, P));
            var candidate = new byte[96];
            WriteBigEndian(x.Item2, candidate, 48);
            WriteBigEndian(x.Item1, candidate.AsSpan(48), 48);
            candidate[0] |= 0x80;
            bool onTwist = Sqrt2(Add2(Mul2(Mul2(x, x), x), TwistB)) is not null;
            Assert.Equal(onTwist, Bls12381Encoding.TryDecompressG2(candidate, out _));
            rejected += onTwist ? 0 : 1;
        }

        Assert.True(rejected > 0);
    }
}

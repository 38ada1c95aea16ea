// SPDX-License-Identifier: MIT
using FsCheck;
using FsCheck.Fluent;
using ZkOs.Framework.Execution;
using ZkOs.System.Precompiles;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace ZkOs.System.Tests.Precompiles;

/// <summary>ecrecover (0x01) on the managed backend: published vectors, edge cases, pricing and a BouncyCastle oracle.</summary>
public class EcRecoverPrecompileTests
{
    private const string N = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";
    private const string NMinus1 = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140";

    // go-ethereum core/vm/testdata/precompiles/ecRecover.json, "ValidKey".
    private const string ValidHash = "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c";
    private const string ValidR = "73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75f";
    private const string ValidS = "eeb940b1d03b21e36b0e47e79769f095fe2ab855bd91e3a38756b7d75a9c4549";
    private const string ValidAddress = "000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b";

    private static readonly EcRecoverPrecompile _managed = new(Secp256k1Backend.Managed);

    internal static string Word(int value) => value.ToString("x64");

    internal static string Input(string hash, string v, string r, string s) => hash + v + r + s;

    [Theory]
    // go-ethereum ecRecover.json
    [InlineData("a8b53bdf3306a35a7103ab5504a0c9b492295564b6202b1942a84ef300107281000000000000000000000000000000000000000000000000000000000000001b307835653165303366353363653138623737326363623030393366663731663366353366356337356237346463623331613835616138623838393262346538621122334455667788991011121314151617181920212223242526272829303132", "")]
    [InlineData(ValidHash + "000000000000000000000000000000000000000000000000000000000000001c" + ValidR + ValidS, ValidAddress)]
    [InlineData(ValidHash + "100000000000000000000000000000000000000000000000000000000000001c" + ValidR + ValidS, "")]
    [InlineData(ValidHash + "000000000000000000000000000000000000001000000000000000000000001c" + ValidR + ValidS, "")]
    [InlineData(ValidHash + "000000000000000000000000000000000000001000000000000000000000011c" + ValidR + ValidS, "")]
    public void PublishedVectors(string input, string expected)
    {
        var run = PrecompileRun.Execute(_managed, input);
        Assert.Equal(PrecompileStatus.Success, run.Status);
        Assert.Equal(expected, run.OutputHex);
        Assert.Equal(3000 * Resources.ErgsPerGas, run.ErgsUsed);
        Assert.Equal(522_000UL, run.NativeUsed);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(26)]
    [InlineData(29)]
    [InlineData(255)]
    public void VOtherThan27Or28GivesEmptyOutput(int v)
    {
        var run = PrecompileRun.Execute(_managed, Input(ValidHash, Word(v), ValidR, ValidS));
        Assert.Equal(PrecompileStatus.Success, run.Status);
        Assert.Empty(run.Output);
    }

    [Theory]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000", ValidS)]
    [InlineData(ValidR, "0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData(N, ValidS)]
    [InlineData(ValidR, N)]
    [InlineData("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", ValidS)]
    [InlineData(ValidR, "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff")]
    public void OutOfRangeROrSGivesEmptyOutput(string r, string s)
    {
        foreach (int v in new[] { 27, 28 })
        {
            var run = PrecompileRun.Execute(_managed, Input(ValidHash, Word(v), r, s));
            Assert.Equal(PrecompileStatus.Success, run.Status);
            Assert.Empty(run.Output);
        }
    }

    [Fact]
    public void HighSIsAcceptedAndRecoversTheSameKeyWithTheOtherParity()
    {
        // (r, s, v) and (r, n - s, v ^ 1) are the same signature: the precompile has no low-s rule.
        var s = new BcBigInteger(ValidS, 16);
        var highS = Convert.ToHexStringLower(Secp256k1Reference.To32(Secp256k1Reference.N.Subtract(s)));
        var low = PrecompileRun.Execute(_managed, Input(ValidHash, Word(28), ValidR, ValidS));
        var high = PrecompileRun.Execute(_managed, Input(ValidHash, Word(27), ValidR, highS));
        Assert.Equal(ValidAddress, low.OutputHex);
        Assert.Equal(ValidAddress, high.OutputHex);
    }

    [Fact]
    public void BoundaryScalarsNMinusOneAreAccepted()
    {
        // r = s = n - 1 are in range; whether a key comes out is up to the curve, and must match the oracle.
        foreach (int v in new[] { 27, 28 })
        {
            var run = PrecompileRun.Execute(_managed, Input(ValidHash, Word(v), NMinus1, NMinus1));
            var expected = Secp256k1Reference.Recover(Convert.FromHexString(ValidHash), Convert.FromHexString(NMinus1), Convert.FromHexString(NMinus1), v - 27);
            Assert.Equal(expected is null ? "" : "000000000000000000000000" + Convert.ToHexStringLower(Secp256k1Reference.Address(expected)), run.OutputHex);
        }
    }

    [Fact]
    public void InputIsZeroPaddedOrTruncatedTo128Bytes()
    {
        var full = Convert.FromHexString(Input(ValidHash, Word(28), ValidR, ValidS));
        var longer = full.Concat(Enumerable.Repeat((byte)0xAB, 40)).ToArray();
        Assert.Equal(ValidAddress, PrecompileRun.Execute(_managed, longer).OutputHex);

        // A short input is read as if padded with zeros: here s loses its last byte, which was 0x49.
        var truncated = full[..127];
        var padded = full.ToArray();
        padded[127] = 0;
        Assert.Equal(PrecompileRun.Execute(_managed, padded).OutputHex, PrecompileRun.Execute(_managed, truncated).OutputHex);

        // Nothing at all: v reads as 0, so the output is empty, and the price is still paid.
        var empty = PrecompileRun.Execute(_managed, ReadOnlySpan<byte>.Empty);
        Assert.Equal(PrecompileStatus.Success, empty.Status);
        Assert.Empty(empty.Output);
        Assert.Equal(3000 * Resources.ErgsPerGas, empty.ErgsUsed);
    }

    [Fact]
    public void ChargesExactlyAndReportsShortfalls()
    {
        var input = Convert.FromHexString(Input(ValidHash, Word(28), ValidR, ValidS));
        const ulong ergs = 3000 * Resources.ErgsPerGas;
        const ulong native = 522_000;

        var exact = PrecompileRun.Execute(_managed, input, new Resources(ergs, native));
        Assert.Equal(PrecompileStatus.Success, exact.Status);
        Assert.Equal(new Resources(0, 0), exact.Left);
        Assert.Equal(ValidAddress, exact.OutputHex);

        // §3.1: native is charged first, a short component is zeroed and the other keeps its charge.
        var outOfErgs = PrecompileRun.Execute(_managed, input, new Resources(ergs - 1, native + 5));
        Assert.Equal(PrecompileStatus.OutOfErgs, outOfErgs.Status);
        Assert.Equal(new Resources(0, 5), outOfErgs.Left);
        Assert.Empty(outOfErgs.Output);

        var outOfNative = PrecompileRun.Execute(_managed, input, new Resources(ergs + 7, native - 1));
        Assert.Equal(PrecompileStatus.OutOfNative, outOfNative.Status);
        Assert.Equal(new Resources(7, 0), outOfNative.Left);
        Assert.Empty(outOfNative.Output);

        var outOfBoth = PrecompileRun.Execute(_managed, input, new Resources(ergs - 1, native - 1));
        Assert.Equal(PrecompileStatus.OutOfNative, outOfBoth.Status);
        Assert.Equal(new Resources(0, 0), outOfBoth.Left);
    }

    [Fact]
    public void RecoversTheSignerOfRandomSignatures()
    {
        var keys = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 32);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Gen.Zip(keys, keys).ToArbitrary(), t =>
        {
            var (keyBytes, hash) = t;
            var d = new BcBigInteger(1, keyBytes).Mod(Secp256k1Reference.N);
            if (d.SignValue == 0)
                return;
            var (r, s, id) = Secp256k1Reference.Sign(hash, d);
            if (id > 1)
                return; // x = r + n: not expressible through v ∈ {27, 28}
            var address = Secp256k1Reference.Address(Secp256k1Reference.PublicKey(d));
            var run = PrecompileRun.Execute(_managed, Input(Convert.ToHexStringLower(hash), Word(27 + id), Convert.ToHexStringLower(r), Convert.ToHexStringLower(s)));
            Assert.Equal("000000000000000000000000" + Convert.ToHexStringLower(address), run.OutputHex);
        }));
    }

    [Fact]
    public void ArbitrarySignaturesMatchTheReferenceRecovery()
    {
        // Mostly garbage: about half of random r are not x coordinates on the curve.
        var bytes32 = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 32);
        var cases = Gen.Zip(PrecompileGenerators.Zip3(bytes32, bytes32, bytes32), Gen.Choose(0, 3)).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), Prop.ForAll(cases, t =>
        {
            var ((hash, r, s), id) = t;
            var expected = Secp256k1Reference.Recover(hash, r, s, id);
            var key = new byte[64];
            bool ok = Secp256k1.TryRecoverPublicKey(hash, r, s, id, key);
            Assert.Equal(expected is not null, ok);
            if (ok)
                Assert.Equal(expected, key);
        }));
    }

    [Fact]
    public void RecoveryIdsTwoAndThreeUseRPlusN()
    {
        // Only r below p - n (about 2^128) can stand for x = r + n.
        var hash = Convert.FromHexString(ValidHash);
        var s = Convert.FromHexString(ValidS);
        int recovered = 0;
        for (int i = 1; i <= 40; i++)
        {
            var r = Secp256k1Reference.To32(BcBigInteger.ValueOf(i));
            foreach (int id in new[] { 2, 3 })
            {
                var expected = Secp256k1Reference.Recover(hash, r, s, id);
                var key = new byte[64];
                bool ok = Secp256k1.TryRecoverPublicKey(hash, r, s, id, key);
                Assert.Equal(expected is not null, ok);
                if (ok)
                {
                    Assert.Equal(expected, key);
                    recovered++;
                }
            }
        }
        Assert.True(recovered > 0);

        // r close to n: r + n is not below p.
        Assert.False(Secp256k1.TryRecoverPublicKey(hash, Convert.FromHexString(NMinus1), s, 2, new byte[64]));
    }

    [Fact]
    public void CraftedSignaturesThatCancelOutGiveEmptyOutput()
    {
        // R = G (r = Gx, even y so v = 27) and hash = s make u1 = -u2: Q = u1·G + u2·G is the point at infinity.
        const string gx = "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798";
        const string s = "00000000000000000000000000000000000000000000000000000000000000c5";
        var run = PrecompileRun.Execute(_managed, Input(s, Word(27), gx, s));
        Assert.Equal(PrecompileStatus.Success, run.Status);
        Assert.Empty(run.Output);

        // hash = n - s makes u1 = u2: Q = 2u·G, which the interleaved multiplication must still get right.
        var hash = Convert.ToHexStringLower(Secp256k1Reference.To32(Secp256k1Reference.N.Subtract(BcBigInteger.ValueOf(0xc5))));
        var expected = Secp256k1Reference.Recover(Convert.FromHexString(hash), Convert.FromHexString(gx), Convert.FromHexString(s), 0);
        Assert.NotNull(expected);
        Assert.Equal("000000000000000000000000" + Convert.ToHexStringLower(Secp256k1Reference.Address(expected)),
            PrecompileRun.Execute(_managed, Input(hash, Word(27), gx, s)).OutputHex);
    }

    [Fact]
    public void BackendSettingIsParsed()
    {
        Assert.Equal(Secp256k1Backend.Managed, EcRecoverPrecompile.ResolveBackend("managed"));
        Assert.Equal(Secp256k1Backend.Managed, EcRecoverPrecompile.ResolveBackend(" MANAGED "));
        var auto = NativeSecp256k1.IsAvailable ? Secp256k1Backend.Native : Secp256k1Backend.Managed;
        Assert.Equal(auto, EcRecoverPrecompile.ResolveBackend(null));
        Assert.Equal(auto, EcRecoverPrecompile.ResolveBackend(""));
        Assert.Equal(auto, EcRecoverPrecompile.ResolveBackend("auto"));
        Assert.Throws<ArgumentException>(() => EcRecoverPrecompile.ResolveBackend("fast"));
        if (NativeSecp256k1.IsAvailable)
        {
            Assert.Equal(Secp256k1Backend.Native, EcRecoverPrecompile.ResolveBackend("native"));
        }
        else
        {
            Assert.Throws<InvalidOperationException>(() => EcRecoverPrecompile.ResolveBackend("native"));
            Assert.Throws<InvalidOperationException>(() => new EcRecoverPrecompile(Secp256k1Backend.Native));
        }
    }
}

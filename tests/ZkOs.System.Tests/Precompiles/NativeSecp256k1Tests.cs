// SPDX-License-Identifier: MIT
using FsCheck;
using FsCheck.Fluent;
using Xunit.Abstractions;
using ZkOs.System.Precompiles;
using BcBigInteger = Org.BouncyCastle.Math.BigInteger;

namespace ZkOs.System.Tests.Precompiles;

/// <summary>
/// The libsecp256k1 backend against the managed one. Every test returns early (passing, with a message in the
/// test output) when the library is not installed: the project must pass on a machine without it.
/// </summary>
public class NativeSecp256k1Tests(ITestOutputHelper output)
{
    private bool NativeMissing()
    {
        if (NativeSecp256k1.IsAvailable)
            return false;
        output.WriteLine($"SKIPPED: native secp256k1 not loadable ({NativeSecp256k1.LoadError}); only the managed path was tested.");
        return true;
    }

    [Fact]
    public void LoadStateIsConsistent()
    {
        // Holds on every machine: available means no error, unavailable means an explanation.
        Assert.Equal(NativeSecp256k1.IsAvailable, NativeSecp256k1.LoadError is null);
        if (!NativeSecp256k1.IsAvailable)
            Assert.Throws<InvalidOperationException>(() => NativeSecp256k1.TryRecoverPublicKey(new byte[32], new byte[32], new byte[32], 0, new byte[64]));
    }

    [Fact]
    public void NativeAndManagedAgreeOnSignedMessages()
    {
        if (NativeMissing())
            return;
        var bytes32 = Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 32);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(Gen.Zip(bytes32, bytes32).ToArbitrary(), t =>
        {
            var (keyBytes, hash) = t;
            var d = new BcBigInteger(1, keyBytes).Mod(Secp256k1Reference.N);
            if (d.SignValue == 0)
                return;
            var (r, s, id) = Secp256k1Reference.Sign(hash, d);
            var native = new byte[64];
            var managed = new byte[64];
            Assert.True(NativeSecp256k1.TryRecoverPublicKey(hash, r, s, id, native));
            Assert.True(Secp256k1.TryRecoverPublicKey(hash, r, s, id, managed));
            Assert.Equal(managed, native);
            Assert.Equal(Secp256k1Reference.PublicKey(d), native);
        }));
    }

    [Fact]
    public void NativeAndManagedAgreeOnArbitraryInput()
    {
        if (NativeMissing())
            return;
        // Random words, boundary words and small values, with every recovery id and a few invalid ones.
        var special = Gen.Elements(
            "0000000000000000000000000000000000000000000000000000000000000000",
            "0000000000000000000000000000000000000000000000000000000000000001",
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140",
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364142",
            "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
            "79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798").Select(Convert.FromHexString);
        var word = Gen.Frequency(
            (5, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 32)),
            (1, special),
            (1, Gen.Choose(0, 1000).Select(i => Secp256k1Reference.To32(BcBigInteger.ValueOf(i)))));
        var cases = Gen.Zip(PrecompileGenerators.Zip3(word, word, word), Gen.Choose(-1, 5)).ToArbitrary();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(3000), Prop.ForAll(cases, t =>
        {
            var ((hash, r, s), id) = t;
            var native = new byte[64];
            var managed = new byte[64];
            bool nativeOk = NativeSecp256k1.TryRecoverPublicKey(hash, r, s, id, native);
            bool managedOk = Secp256k1.TryRecoverPublicKey(hash, r, s, id, managed);
            Assert.Equal(nativeOk, managedOk);
            if (nativeOk)
                Assert.Equal(managed, native);
        }));
    }

    [Fact]
    public void NativePrecompileMatchesTheManagedOne()
    {
        if (NativeMissing())
            return;
        var native = new EcRecoverPrecompile(Secp256k1Backend.Native);
        var managed = new EcRecoverPrecompile(Secp256k1Backend.Managed);
        Assert.Equal(Secp256k1Backend.Native, native.Backend);
        var input = Gen.Frequency(
            (3, Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 128)),
            (1, Gen.Choose(0, 1).SelectMany(v => Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), 128).Select(bytes =>
            {
                // A well-formed v so that recovery really runs.
                Array.Clear(bytes, 32, 32);
                bytes[63] = (byte)(27 + v);
                return bytes;
            }))));
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(2000), Prop.ForAll(input.ToArbitrary(), bytes =>
        {
            var a = PrecompileRun.Execute(native, bytes);
            var b = PrecompileRun.Execute(managed, bytes);
            Assert.Equal(b.Status, a.Status);
            Assert.Equal(b.OutputHex, a.OutputHex);
            Assert.Equal(b.Left, a.Left);
        }));
    }
}

// SPDX-License-Identifier: MIT
using FsCheck;
using FsCheck.Fluent;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Accounts;
using ZkOs.System.ZkSync.Pubdata;

namespace ZkOs.System.Tests.ZkSync;

public class AccountDiffCompressionTests
{
    private static readonly byte[] _code = [1, 2, 3, 4, 5];
    private static readonly Bytes32 _codeHash = Bytes32.Parse("0x" + new string('1', 64));
    private static readonly Bytes32 _observableHash = Bytes32.Parse("0x" + new string('2', 64));

    [Fact]
    public void NonceOnly()
    {
        var initial = AccountProperties.Trivial with { Nonce = 12 };
        var final = initial with { Nonce = 22 };
        // (1 << 3) | 4, then the nonce as a value diff: Add 10.
        Expect(initial, final, notPublishBytecode: false, AccountDiffKind.NonceOnly, "0c" + "090a");
    }

    [Fact]
    public void BalanceOnly()
    {
        var initial = AccountProperties.Trivial with { Balance = new UInt256(1000) };
        var final = initial with { Balance = new UInt256(998) };
        // (2 << 3) | 4, then Sub 2.
        Expect(initial, final, notPublishBytecode: false, AccountDiffKind.BalanceOnly, "14" + "0a02");
    }

    [Fact]
    public void NonceAndBalance()
    {
        var initial = AccountProperties.Trivial with { Nonce = 0, Balance = new UInt256(0x0100) };
        var final = initial with { Nonce = 1, Balance = UInt256.Zero };
        // (3 << 3) | 4, nonce Add 1 (ties Transform 1, Add kept), balance Transform 0 (Sub would be 2 bytes).
        Expect(initial, final, notPublishBytecode: false, AccountDiffKind.NonceAndBalance, "1c" + "0901" + "03");
    }

    [Fact]
    public void Full_PublishesTheBytecode()
    {
        var (initial, final) = Deployment();
        Expect(initial, final, notPublishBytecode: false, AccountDiffKind.Full,
            "04"
            + "0101010000000000" // final versioning
            + "0901"             // nonce 0 → 1: Add 1
            + "0aff"             // balance 0xff00000000ff → 0xff0000000000: Sub 0xff
            + "00000005"         // bytecode length
            + "0102030405"       // bytecode
            + "00000000"         // artifacts length
            + "00000005");       // observable length
    }

    [Fact]
    public void ForceDeploy_PublishesTheBytecodeHashInstead()
    {
        var (initial, final) = Deployment();
        Expect(initial, final, notPublishBytecode: true, AccountDiffKind.ForceDeploy,
            "24"
            + "0101010000000000"
            + "0901"
            + "0aff"
            + new string('1', 64) // bytecode hash replaces length and bytecode
            + "00000000"
            + "00000005");
    }

    [Fact]
    public void Full_CarriesUnchangedNonceAndBalanceAsOneByteEach()
    {
        // Only the versioning changes (e.g. an aux bit): still the full variant, with 0x01 (Add of
        // nothing) for the unchanged nonce and balance.
        var initial = new AccountProperties(AccountVersioning.DeployedEvm, 3, new UInt256(7), _codeHash, 5, 0, _observableHash, 5);
        var final = initial with { Versioning = AccountVersioning.WithEeAuxBitmask(AccountVersioning.DeployedEvm, 1) };
        Expect(initial, final, notPublishBytecode: false, AccountDiffKind.Full,
            "04" + "0101010001000000" + "01" + "01" + "00000005" + "0102030405" + "00000000" + "00000005");
    }

    [Fact]
    public void NotPublishBytecode_DoesNotMatterForNonceOrBalanceOnly()
    {
        var initial = AccountProperties.Trivial with { Nonce = 12 };
        var final = initial with { Nonce = 22 };
        Expect(initial, final, notPublishBytecode: true, AccountDiffKind.NonceOnly, "0c090a");
    }

    [Fact]
    public void Errors()
    {
        var account = AccountProperties.Trivial with { Nonce = 1 };
        Assert.Throws<ArgumentException>(() => AccountDiffCompression.Choose(account, account, false));
        Assert.Throws<ArgumentException>(() => AccountDiffCompression.Length(account, account, false));

        var (initial, final) = Deployment();
        // The full variant needs exactly BytecodeLength bytes of code.
        Assert.Throws<ArgumentException>(() => AccountDiffCompression.Encode(initial, final, ReadOnlySpan<byte>.Empty, false));
        Assert.Throws<ArgumentException>(() => AccountDiffCompression.Encode(initial, final, new byte[6], false));
        // The force-deploy variant does not look at it.
        Assert.Equal(1 + 8 + 2 + 2 + 32 + 4 + 4, AccountDiffCompression.Encode(initial, final, ReadOnlySpan<byte>.Empty, true).Length);
        var shortBuffer = new byte[10];
        Assert.Throws<ArgumentException>(() => AccountDiffCompression.Write(initial, final, _code, false, shortBuffer));
    }

    [Fact]
    public void RandomChanges_LengthMatchesWhatIsWritten()
    {
        var cases = Gen.Zip(Gen.Zip(Gen.Choose(0, 63), Gen.Choose(0, 1000)), Gen.Zip(Gen.Choose(0, 1000), Gen.Choose(0, 1))).ToArbitrary();
        var baseline = new AccountProperties(AccountVersioning.DeployedEvm, 3, new UInt256(700), _codeHash, 5, 0, _observableHash, 5);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(cases, t =>
        {
            var ((mask, nonceDelta), (balance, notPublish)) = t;
            if (mask == 0)
                return;
            var final = baseline with
            {
                Nonce = (mask & 1) != 0 ? baseline.Nonce + (ulong)nonceDelta + 1 : baseline.Nonce,
                Balance = (mask & 2) != 0 ? new UInt256((ulong)balance * 1_000_003UL + 1) : baseline.Balance,
                Versioning = (mask & 4) != 0 ? baseline.Versioning | 1UL << 24 : baseline.Versioning,
                BytecodeLength = (mask & 8) != 0 ? 3u : baseline.BytecodeLength,
                ArtifactsLength = (mask & 16) != 0 ? 2u : baseline.ArtifactsLength,
                ObservableBytecodeHash = (mask & 32) != 0 ? _codeHash : baseline.ObservableBytecodeHash,
            };
            if (final == baseline)
                return;
            var kind = AccountDiffCompression.Choose(baseline, final, notPublish == 1);
            bool full = (mask & ~3) != 0;
            Assert.Equal(full, kind is AccountDiffKind.Full or AccountDiffKind.ForceDeploy);
            var code = new byte[final.BytecodeLength];
            var encoded = AccountDiffCompression.Encode(baseline, final, code, notPublish == 1);
            Assert.Equal(AccountDiffCompression.Length(baseline, final, notPublish == 1), encoded.Length);
            Assert.Equal((byte)kind, encoded[0]);
        }));
    }

    private static (AccountProperties Initial, AccountProperties Final) Deployment()
    {
        var initial = AccountProperties.Trivial with { Balance = new UInt256(0xFF00_0000_00FF) };
        var final = new AccountProperties(AccountVersioning.DeployedEvm, 1, new UInt256(0xFF00_0000_0000), _codeHash, 5, 0, _observableHash, 5);
        return (initial, final);
    }

    private static void Expect(
        AccountProperties initial, AccountProperties final, bool notPublishBytecode, AccountDiffKind kind, string expectedHex)
    {
        Assert.Equal(kind, AccountDiffCompression.Choose(initial, final, notPublishBytecode));
        var encoded = AccountDiffCompression.Encode(initial, final, _code, notPublishBytecode);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(encoded));
        Assert.Equal(expectedHex.Length / 2, AccountDiffCompression.Length(initial, final, notPublishBytecode));
    }
}

// SPDX-License-Identifier: MIT
using Org.BouncyCastle.Crypto.Digests;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Accounts;

namespace ZkOs.System.Tests.ZkSync;

public class AccountPropertiesTests
{
    private static readonly Bytes32 _codeHash = Bytes32.Parse("0x" + new string('1', 64));
    private static readonly Bytes32 _observableHash = Bytes32.Parse("0x" + new string('2', 64));

    // A deployed EVM contract with nonce 1, 1 ether and 5 bytes of code, field by field.
    private const string DeployedEvmEncoding =
        "0101010000000000"                                                   // versioning: deployed, EVM, code version 1
        + "0000000000000001"                                                 // nonce
        + "0000000000000000000000000000000000000000000000000de0b6b3a7640000" // balance 10^18
        + "1111111111111111111111111111111111111111111111111111111111111111" // bytecode hash
        + "00000005"                                                         // bytecode length
        + "00000000"                                                         // artifacts length
        + "2222222222222222222222222222222222222222222222222222222222222222" // observable hash
        + "00000005";                                                        // observable length

    private static AccountProperties DeployedEvm => new(
        AccountVersioning.DeployedEvm, 1, new UInt256(1_000_000_000_000_000_000), _codeHash, 5, 0, _observableHash, 5);

    [Fact]
    public void Encode_IsThe124ByteBigEndianLayout()
    {
        Assert.Equal(248, DeployedEvmEncoding.Length);
        Assert.Equal(DeployedEvmEncoding, Convert.ToHexStringLower(DeployedEvm.Encode()));
    }

    [Fact]
    public void Decode_InvertsEncode()
    {
        Assert.Equal(DeployedEvm, AccountProperties.Decode(Convert.FromHexString(DeployedEvmEncoding)));
        var odd = new AccountProperties(0x0102030405060708, ulong.MaxValue, UInt256.MaxValue, _observableHash, uint.MaxValue, 7, _codeHash, 9);
        Assert.Equal(odd, AccountProperties.Decode(odd.Encode()));
        Assert.Throws<ArgumentException>(() => AccountProperties.Decode(new byte[123]));
        Assert.Throws<ArgumentException>(() => DeployedEvm.Encode(new byte[123]));
    }

    [Fact]
    public void Hash_IsBlake2sOfTheEncoding_CheckedWithBouncyCastle()
    {
        Assert.Equal(BouncyBlake2s(Convert.FromHexString(DeployedEvmEncoding)), DeployedEvm.Hash());
        // The trivial account hashes to blake2s(0^124), not to the zero a never-written slot holds.
        Assert.Equal(BouncyBlake2s(new byte[124]), AccountProperties.Trivial.Hash());
        Assert.False(AccountProperties.Trivial.Hash().IsZero);
    }

    [Fact]
    public void Predicates_FollowTheReferenceRules()
    {
        Assert.True(AccountProperties.Trivial.IsEmpty);
        Assert.True(AccountProperties.Trivial.CanDeployInto);
        Assert.False(AccountProperties.Trivial.IsContract);
        Assert.False(AccountProperties.Trivial.IsDeployed);

        Assert.False(DeployedEvm.IsEmpty);
        Assert.True(DeployedEvm.IsContract);
        Assert.True(DeployedEvm.IsDeployed);
        Assert.False(DeployedEvm.CanDeployInto);

        // An EOA that has sent a transaction: not a contract, but its nonce blocks deployment.
        var eoa = AccountProperties.Trivial with { Nonce = 1, Balance = new UInt256(5) };
        Assert.False(eoa.IsEmpty);
        Assert.False(eoa.IsContract);
        Assert.False(eoa.CanDeployInto);
        // Balance alone does not: storage and balance are not checked.
        Assert.True((AccountProperties.Trivial with { Balance = new UInt256(5) }).CanDeployInto);
        // Artifacts alone make a contract.
        Assert.True((AccountProperties.Trivial with { ArtifactsLength = 1 }).IsContract);
    }

    [Fact]
    public void Versioning_FieldsSitInTheirBytes()
    {
        const ulong word = 0x0102_0304_0506_0000;
        Assert.Equal(1, AccountVersioning.DeploymentStatus(word));
        Assert.True(AccountVersioning.IsDeployed(word));
        Assert.Equal(2, AccountVersioning.EeVersion(word));
        Assert.Equal(3, AccountVersioning.CodeVersion(word));
        Assert.Equal(4, AccountVersioning.SystemAuxBitmask(word));
        Assert.Equal(5, AccountVersioning.EeAuxBitmask(word));

        Assert.Equal(0x0101_0100_0000_0000UL, AccountVersioning.DeployedEvm);
        Assert.Equal(AccountVersioning.DeployedEvm, AccountVersioning.MarkDeployed(0, 1));
        // Marking keeps the aux bitmasks.
        Assert.Equal(0x0101_0107_0800_0000UL, AccountVersioning.MarkDeployed(0x0000_0007_0800_0000, 1));
        Assert.Equal(0x0102_0304_0500_0000UL, AccountVersioning.WithEeAuxBitmask(0x0102_0304_0900_0000, 5));
        Assert.Equal(0x0102_0304_0506_0000UL, AccountVersioning.WithDeployed(0x0002_0304_0506_0000));
        Assert.Equal(0x0102_0309_0506_0000UL, AccountVersioning.WithSystemAuxBitmask(word, 9));
        Assert.Equal(0x0102_0904_0506_0000UL, AccountVersioning.WithCodeVersion(word, 9));
        Assert.Equal(0x0109_0304_0506_0000UL, AccountVersioning.WithEeVersion(word, 9));
        Assert.False(AccountVersioning.IsDeployed(0x0202_0000_0000_0000)); // 2 is "delegated" upstream, not deployed
    }

    internal static Bytes32 BouncyBlake2s(byte[] data)
    {
        var digest = new Blake2sDigest(256);
        digest.BlockUpdate(data, 0, data.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return new Bytes32(output);
    }

    internal static Bytes32 BouncyKeccak(byte[] data)
    {
        var digest = new KeccakDigest(256);
        digest.BlockUpdate(data, 0, data.Length);
        var output = new byte[32];
        digest.DoFinal(output, 0);
        return new Bytes32(output);
    }
}

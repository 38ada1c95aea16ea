// SPDX-License-Identifier: MIT
using System.Text;
using ZkOs.Bootloader.ZkSync;
using ZkOs.Bootloader.ZkSync.Blocks;
using ZkOs.Bootloader.ZkSync.Forward;
using ZkOs.Bootloader.ZkSync.Transactions;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync;
using ZkOs.System.ZkSync.Hooks;
using ZkOs.System.ZkSync.Pubdata;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.Bootloader.Tests.ZkSync;

/// <summary>
/// Account abstraction, paymasters and the contract deployer hook on the sample's genesis (with the
/// compiled SampleAccount and SamplePaymaster): exact balance effects of the happy paths, and the
/// deployer's force deployment with its pubdata variant.
/// </summary>
public class ZkSyncAccountAbstractionTests
{
    private static readonly byte[] AliceKey = Hex.Decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static readonly byte[] CarolKey = Hex.Decode("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a");
    private static readonly Address Alice = ZkSyncTransactionSigner.AddressOf(AliceKey);
    private static readonly Address Account = Address.Parse("0xaaaa000000000000000000000000000000000001");
    private static readonly Address Paymaster = Address.Parse("0xfefe000000000000000000000000000000000001");
    private static readonly Address Dave = Address.Parse("0x90f79bf6eb2c4f870365e785982e1f101e93b906");
    private static readonly Address Token = Address.Parse("0x5fbdb2315678afecb367f032d93f642f64180aa3");
    private static readonly Address PaysAll = Address.FromUInt64(0x2_0000_0001);
    private static readonly UInt256 Value = new(1000);

    [Theory]
    [InlineData("validateTransaction", AccountAbstractionAbi.ValidateTransactionSelector)]
    [InlineData("payForTransaction", AccountAbstractionAbi.PayForTransactionSelector)]
    [InlineData("prepareForPaymaster", AccountAbstractionAbi.PrepareForPaymasterSelector)]
    [InlineData("executeTransaction", AccountAbstractionAbi.ExecuteTransactionSelector)]
    [InlineData("validateAndPayForPaymasterTransaction", AccountAbstractionAbi.ValidateAndPayForPaymasterTransactionSelector)]
    public void AccountMethodSelectors_AreTheSignatureHashes(string method, uint selector) =>
        Assert.Equal(selector, Selector($"{method}(bytes32,bytes32,{AccountAbstractionAbi.TransactionTuple})"));

    [Fact]
    public void OtherSelectors_AreTheSignatureHashes()
    {
        Assert.Equal(AccountAbstractionAbi.ApprovalBasedSelector, Selector("approvalBased(address,uint256,bytes)"));
        Assert.Equal(AccountAbstractionAbi.GeneralSelector, Selector("general(bytes)"));
        Assert.Equal(AccountAbstractionAbi.AllowanceSelector, Selector("allowance(address,address)"));
        Assert.Equal(AccountAbstractionAbi.ApproveSelector, Selector("approve(address,uint256)"));
        Assert.Equal(ContractDeployerHook.SetBytecodeDetailsEvmSelector, Selector("setBytecodeDetailsEVM(address,bytes32,uint32,bytes32)"));
    }

    [Fact]
    public void ContractAccount_ValidatesPaysAndExecutes_PayingExactlyItsGas()
    {
        var report = Run([FromAccount(CarolKey)]);

        var tx = Assert.Single(report.Block.Transactions);
        Assert.True(tx.Invalid is null && tx.Success, $"{tx.Invalid} {tx.InvalidReason}");
        var fee = new UInt256(tx.GasUsed) * report.Block.Metadata.BaseFee;
        var account = DiffOf(report, Account);
        Assert.Equal(account.Initial.Balance - Value - fee, account.Final.Balance);
        // The bootloader bumped the nonce (the nonce holder is disabled).
        Assert.Equal(2UL, account.Final.Nonce);
        Assert.Equal(Value, DiffOf(report, Dave).Final.Balance);
        Assert.Equal(fee, DiffOf(report, report.Block.Metadata.Coinbase).Final.Balance);
    }

    [Fact]
    public void ContractAccount_SignedBySomeoneElse_IsInvalidMagic_AndChangesNothing()
    {
        var report = Run([FromAccount(AliceKey)]);

        Assert.Equal(InvalidTransaction.InvalidMagic, Assert.Single(report.Block.Transactions).Invalid);
        Assert.Empty(report.Block.StateDiffs);
    }

    [Fact]
    public void ContractAccount_WithPaymaster_PaysOnlyTheValue()
    {
        var report = Run([FromAccount(CarolKey, Paymaster, ZkSyncInvalidTransactionTests.General)]);

        var tx = Assert.Single(report.Block.Transactions);
        Assert.True(tx.Invalid is null && tx.Success, $"{tx.Invalid} {tx.InvalidReason}");
        var fee = new UInt256(tx.GasUsed) * report.Block.Metadata.BaseFee;
        var account = DiffOf(report, Account);
        Assert.Equal(account.Initial.Balance - Value, account.Final.Balance);
        Assert.Equal(2UL, account.Final.Nonce);
        var paymaster = DiffOf(report, Paymaster);
        Assert.Equal(paymaster.Initial.Balance - fee, paymaster.Final.Balance);
    }

    [Fact]
    public void Eoa_WithGeneralPaymaster_PaysOnlyTheValue_AndTheRefundGoesToThePaymaster()
    {
        var report = Run([Sponsored(Paymaster, ZkSyncInvalidTransactionTests.General, nonce: 0)]);

        var tx = Assert.Single(report.Block.Transactions);
        Assert.True(tx.Invalid is null && tx.Success, $"{tx.Invalid} {tx.InvalidReason}");
        var fee = new UInt256(tx.GasUsed) * report.Block.Metadata.BaseFee;
        var alice = DiffOf(report, Alice);
        Assert.Equal(alice.Initial.Balance - Value, alice.Final.Balance);
        Assert.Equal(1UL, alice.Final.Nonce);
        Assert.Equal(DiffOf(report, Paymaster).Initial.Balance - fee, DiffOf(report, Paymaster).Final.Balance);
    }

    [Fact]
    public void Eoa_WithApprovalBasedPaymaster_ApprovesZeroThenTheMinimum_AsTheAccount()
    {
        // Alice deploys the sample token (the sample's first transaction), then a paymaster sponsors her.
        var deploy = ZkSyncBlockTests.Sample().Transactions[0];
        var report = Run([deploy, Sponsored(PaysAll, ZkSyncInvalidTransactionTests.ApprovalBased(Token, new UInt256(500)), nonce: 1)]);

        var tx = report.Block.Transactions[1];
        Assert.True(tx.Invalid is null && tx.Success, $"{tx.Invalid} {tx.InvalidReason}");
        var approvalTopic = Keccak256.Hash(Encoding.ASCII.GetBytes("Approval(address,address,uint256)")).ToUInt256();
        var approvals = tx.Logs.Where(l => l.Address == Token && l.Topics[0].Equals(approvalTopic)).ToList();
        Assert.Equal(2, approvals.Count);
        Assert.All(approvals, a => Assert.Equal(Alice.ToUInt256(), a.Topics[1]));
        Assert.All(approvals, a => Assert.Equal(PaysAll.ToUInt256(), a.Topics[2]));
        Assert.Equal([UInt256.Zero, new UInt256(500)], approvals.Select(a => UInt256.ReadBigEndian(a.Data.AsSpan())).ToList());

        var baseFee = report.Block.Metadata.BaseFee;
        var alice = DiffOf(report, Alice);
        Assert.Equal(alice.Initial.Balance - Value - new UInt256(report.Block.Transactions[0].GasUsed) * baseFee, alice.Final.Balance);
        var paymaster = DiffOf(report, PaysAll);
        Assert.Equal(paymaster.Initial.Balance - new UInt256(tx.GasUsed) * baseFee, paymaster.Final.Balance);
    }

    [Fact]
    public void Deployer_FromTheComplexUpgrader_ForceDeploysAKnownBytecode_WithoutPublishingIt()
    {
        var target = Address.FromUInt64(0x3_0000_0001);
        var code = PaymasterCode();
        var report = Run([Upgrade(SetBytecodeDetails(target, Blake2s256.Hash(code), (uint)code.Length, Keccak256.Hash(code)))]);

        var tx = Assert.Single(report.Block.Transactions);
        Assert.True(tx.Invalid is null && tx.Success, $"{tx.Invalid} {tx.InvalidReason}");
        var diff = DiffOf(report, target);
        Assert.True(diff.NotPublishBytecode);
        Assert.True(diff.Bytecode.IsEmpty);
        Assert.Equal(Blake2s256.Hash(code), diff.Final.BytecodeHash);
        Assert.Equal(Keccak256.Hash(code), diff.Final.ObservableBytecodeHash);
        Assert.Equal((uint)code.Length, diff.Final.BytecodeLength);
        Assert.Equal(0UL, diff.Final.Nonce);
        Assert.Equal(AccountDiffKind.ForceDeploy, AccountDiffCompression.Choose(diff.Initial, diff.Final, diff.NotPublishBytecode));
        // The force-deploy diff carries the hash, not the code: the pubdata is far shorter than the code.
        Assert.True(report.Block.Pubdata.Length < code.Length);
        Assert.DoesNotContain(report.Block.Preimages, p => p.Hash == Blake2s256.Hash(code));
    }

    [Fact]
    public void Deployer_FromAnyoneElse_Reverts()
    {
        var code = PaymasterCode();
        var call = Sign(new ZkSyncTransaction
        {
            TxType = ZkSyncTransaction.Eip1559Type,
            To = SystemAddresses.ContractDeployer,
            GasLimit = 300_000,
            MaxFeePerGas = 200_000_000,
            Data = SetBytecodeDetails(Address.FromUInt64(0x3_0000_0001), Blake2s256.Hash(code), (uint)code.Length, Keccak256.Hash(code)),
        }, AliceKey);

        var report = Run([call]);

        var tx = Assert.Single(report.Block.Transactions);
        Assert.True(tx.Invalid is null && !tx.Success);
        Assert.DoesNotContain(report.Block.StateDiffs, d => d is AccountPropertiesDiff a && a.Final.BytecodeLength > 0);
    }

    [Theory]
    [InlineData("too long")]
    [InlineData("unknown preimage")]
    [InlineData("wrong observable hash")]
    public void Deployer_RefusesABadRequest_SoTheUpgradeFails(string @case)
    {
        var code = PaymasterCode();
        var target = Address.FromUInt64(0x3_0000_0001);
        var calldata = @case switch
        {
            "too long" => SetBytecodeDetails(target, Blake2s256.Hash(code), ContractDeployerHook.MaxBytecodeLength + 1, Keccak256.Hash(code)),
            "unknown preimage" => SetBytecodeDetails(target, Keccak256.Hash(code), (uint)code.Length, Keccak256.Hash(code)),
            _ => SetBytecodeDetails(target, Blake2s256.Hash(code), (uint)code.Length, Blake2s256.Hash(code)),
        };

        var report = Run([Upgrade(calldata)]);

        Assert.Equal(InvalidTransaction.UpgradeTxFailed, Assert.Single(report.Block.Transactions).Invalid);
        Assert.Empty(report.Block.StateDiffs);
    }

    private static uint Selector(string signature)
    {
        var hash = Keccak256.Hash(Encoding.ASCII.GetBytes(signature));
        Span<byte> bytes = stackalloc byte[32];
        hash.WriteTo(bytes);
        return global::System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    private static byte[] PaymasterCode() =>
        ZkSyncBlockTests.Sample().Genesis.Single(g => g.Address == Paymaster).Code;

    private static ZkSyncRunReport Run(byte[][] transactions)
    {
        var sample = ZkSyncBlockTests.Sample();
        return ZkSyncBlockTests.Run(sample with
        {
            Genesis = [.. sample.Genesis, new GenesisAccount(PaysAll, new UInt256(1_000_000_000_000_000_000), 1,
                ZkSyncInvalidTransactionTests.PaysAllPaymasterCode, new Dictionary<UInt256, UInt256>())],
            Transactions = transactions,
        });
    }

    private static AccountPropertiesDiff DiffOf(ZkSyncRunReport report, Address address)
    {
        var key = FlatKey.Compute(SystemAddresses.AccountProperties, SystemAddresses.AccountPropertiesKey(address));
        return Assert.Single(report.Block.StateDiffs.OfType<AccountPropertiesDiff>(), d => d.FlatKey == key);
    }

    /// <summary>A 0x71 transfer of <see cref="Value"/> from the sample account to Dave, signed by <paramref name="key"/>.</summary>
    private static byte[] FromAccount(byte[] key, Address? paymaster = null, byte[]? paymasterInput = null)
    {
        var tx = new ZkSyncTransaction
        {
            TxType = ZkSyncTransaction.Eip712Type,
            From = Account,
            To = Dave,
            GasLimit = 1_000_000,
            GasPerPubdataLimit = 50_000,
            MaxFeePerGas = 200_000_000,
            Nonce = UInt256.One,
            Value = Value,
            Paymaster = paymaster ?? Address.Zero,
            PaymasterInput = paymasterInput ?? [],
        };
        var signedHash = ZkSyncTransactionHashes.SignedHash(tx, ZkSyncBlockTests.Sample().ChainId).Hash;
        return ZkSyncTransactionEncoder.Encode(tx with { Signature = ZkSyncTransactionSigner.SignHash(signedHash, key) });
    }

    private static byte[] Sponsored(Address paymaster, byte[] input, ulong nonce) => Sign(new ZkSyncTransaction
    {
        TxType = ZkSyncTransaction.Eip712Type,
        To = Dave,
        GasLimit = 1_000_000,
        GasPerPubdataLimit = 50_000,
        MaxFeePerGas = 200_000_000,
        Nonce = new UInt256(nonce),
        Value = Value,
        Paymaster = paymaster,
        PaymasterInput = input,
    }, AliceKey);

    private static byte[] Sign(ZkSyncTransaction tx, byte[] key) =>
        ZkSyncTransactionEncoder.Encode(ZkSyncTransactionSigner.Sign(tx, ZkSyncBlockTests.Sample().ChainId, key));

    /// <summary>An upgrade transaction from the complex upgrader (0x800f) to the contract deployer.</summary>
    private static byte[] Upgrade(byte[] calldata) => ZkSyncTransactionEncoder.Encode(new ZkSyncTransaction
    {
        TxType = ZkSyncTransaction.UpgradeType,
        From = SystemAddresses.ComplexUpgrader,
        To = SystemAddresses.ContractDeployer,
        GasLimit = 1_000_000,
        GasPerPubdataLimit = 800,
        MaxFeePerGas = 100_000_000,
        MaxPriorityFeePerGas = 100_000_000,
        Reserved0 = new UInt256(1_000_000UL * 100_000_000),
        Reserved1 = Alice.ToUInt256(),
        Data = calldata,
    });

    private static byte[] SetBytecodeDetails(Address target, Bytes32 hash, uint length, Bytes32 observable)
    {
        var calldata = new byte[4 + 4 * 32];
        Hex.Decode("0xf6eca0b0").CopyTo(calldata, 0);
        target.WriteTo(calldata.AsSpan(4 + 12));
        hash.WriteTo(calldata.AsSpan(4 + 32));
        global::System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(calldata.AsSpan(4 + 64 + 28), length);
        observable.WriteTo(calldata.AsSpan(4 + 96));
        return calldata;
    }
}

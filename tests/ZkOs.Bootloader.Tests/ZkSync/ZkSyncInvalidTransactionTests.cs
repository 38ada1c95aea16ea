// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync;
using ZkOs.Bootloader.ZkSync.Blocks;
using ZkOs.Bootloader.ZkSync.Transactions;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Tests.ZkSync;

/// <summary>
/// Each rejection the ZKsync policy can reach from an externally owned account or an L1 transaction:
/// the block holds one bad transaction, which is reported with its own kind, and the state is
/// exactly as before (no diff, same root).
/// </summary>
public class ZkSyncInvalidTransactionTests
{
    private static readonly byte[] AliceKey = Hex.Decode("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static readonly byte[] BobKey = Hex.Decode("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
    private static readonly Address Alice = ZkSyncTransactionSigner.AddressOf(AliceKey);
    private static readonly Address Contract = Address.FromUInt64(0xC0DE);
    private const ulong ChainId = 270;
    private static readonly UInt256 BaseFee = new(100_000_000);

    /// <summary>A valid EIP-1559 transfer from Alice; each case breaks one thing.</summary>
    private static ZkSyncTransaction Transfer() => new()
    {
        TxType = ZkSyncTransaction.Eip1559Type,
        To = Address.FromUInt64(0xB0B),
        GasLimit = 200_000,
        MaxFeePerGas = 200_000_000,
        MaxPriorityFeePerGas = 0,
        Value = new UInt256(1000),
    };

    public static TheoryData<string, InvalidTransaction> Cases() => new()
    {
        { "nonce too high", InvalidTransaction.NonceTooHigh },
        { "nonce too low", InvalidTransaction.NonceTooLow },
        { "nonce above 64 bits", InvalidTransaction.NonceOverflowInTransaction },
        { "funds", InvalidTransaction.LackOfFundForMaxFee },
        { "signed by someone else", InvalidTransaction.IncorrectFrom },
        { "malleable signature", InvalidTransaction.MalleableSignature },
        { "intrinsic gas", InvalidTransaction.OutOfGasDuringValidation },
        { "gas limit above the block's", InvalidTransaction.CallerGasLimitMoreThanBlock },
        { "max fee below base fee", InvalidTransaction.BaseFeeGreaterThanMaxFee },
        { "priority above max fee", InvalidTransaction.PriorityFeeGreaterThanMaxFee },
        { "sender with code", InvalidTransaction.RejectCallerWithCode },
        { "init code too large", InvalidTransaction.CreateInitCodeSizeLimit },
        { "gas per pubdata", InvalidTransaction.GasPerPubdataTooHigh },
        { "out of native", InvalidTransaction.OutOfNativeResourcesDuringValidation },
        { "garbage", InvalidTransaction.InvalidEncoding },
        { "bad structure", InvalidTransaction.InvalidStructure },
        { "upgrade not first", InvalidTransaction.UpgradeTxNotFirst },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadTransaction_IsRejectedWithItsKind_AndTheStateIsUnchanged(string @case, InvalidTransaction expected)
    {
        var block = Block(@case);

        var report = ZkSyncBlockTests.Run(block);

        var rejected = report.Block.Transactions[^1];
        Assert.True(rejected.Invalid == expected, $"{@case}: {rejected.Invalid} ({rejected.InvalidReason})");
        Assert.False(string.IsNullOrEmpty(rejected.InvalidReason));
        if (block.Transactions.Count == 1)
        {
            Assert.Empty(report.Block.StateDiffs);
            Assert.Equal(report.StateBefore, report.StateAfter);
        }
    }

    private static ZkSyncBlockFile Block(string @case)
    {
        var gasPerPubdata = UInt256.One;
        var nativePrice = new UInt256(1_000_000);
        byte[][] transactions = @case switch
        {
            "nonce too high" => [Signed(Transfer() with { Nonce = new UInt256(5) })],
            "nonce too low" => [Signed(Transfer()), Signed(Transfer())],
            "nonce above 64 bits" => [Signed(Transfer() with { Nonce = new UInt256(0, 1) })],
            "funds" => [Signed(Transfer() with { Value = new UInt256(0, 1) })],
            "signed by someone else" => [Encode(ZkSyncTransactionSigner.Sign(Transfer(), ChainId, BobKey) with { From = Alice })],
            "malleable signature" => [Encode(Malleable(ZkSyncTransactionSigner.Sign(Transfer(), ChainId, AliceKey)))],
            "intrinsic gas" => [Signed(Transfer() with { GasLimit = 17_000 })],
            "gas limit above the block's" => [Signed(Transfer() with { GasLimit = 200_000_000 })],
            "max fee below base fee" => [Signed(Transfer() with { MaxFeePerGas = 1 })],
            "priority above max fee" => [Signed(Transfer() with { MaxPriorityFeePerGas = 300_000_000 })],
            "sender with code" => [Encode(Transfer() with { From = Contract, Nonce = UInt256.One, Signature = new byte[65] })],
            "init code too large" => [Signed(Transfer() with { To = Address.Zero, Reserved1 = UInt256.One, Value = UInt256.Zero, Data = new byte[49_153], GasLimit = 5_000_000 })],
            "gas per pubdata" => [Signed(Transfer())],
            "out of native" => [Signed(Transfer())],
            "garbage" => [[1, 2, 3]],
            "bad structure" => [Encode(Transfer() with { TxType = 0x05, Signature = new byte[65] })],
            "upgrade not first" => [Signed(Transfer()), Encode(new ZkSyncTransaction
            {
                TxType = ZkSyncTransaction.UpgradeType,
                From = Alice,
                To = Address.FromUInt64(0xB0B),
                GasLimit = 100_000,
                GasPerPubdataLimit = 800,
                MaxFeePerGas = 100_000_000,
                MaxPriorityFeePerGas = 100_000_000,
                Reserved0 = new UInt256(100_000UL * 100_000_000),
            })],
            _ => throw new ArgumentException(@case),
        };
        if (@case == "gas per pubdata")
        {
            gasPerPubdata = new UInt256(2);
        }
        if (@case == "out of native")
        {
            // One native per gas: the 522,000 native of the signature check cannot be paid.
            nativePrice = BaseFee;
        }
        return new ZkSyncBlockFile
        {
            ChainId = ChainId,
            Genesis =
            [
                new GenesisAccount(Alice, new UInt256(1_000_000_000_000_000_000), 0, [], new Dictionary<UInt256, UInt256>()),
                new GenesisAccount(Contract, new UInt256(1_000_000_000_000_000_000), 1, [0x00], new Dictionary<UInt256, UInt256>()),
            ],
            Number = 1,
            Timestamp = 1_700_000_000,
            BaseFee = BaseFee,
            GasPerPubdata = gasPerPubdata,
            NativePrice = nativePrice,
            GasLimit = 100_000_000,
            Coinbase = Address.FromUInt64(0xC0FFEE),
            MixHash = UInt256.One,
            Transactions = transactions,
        };
    }

    private static byte[] Signed(ZkSyncTransaction transaction) => Encode(ZkSyncTransactionSigner.Sign(transaction, ChainId, AliceKey));

    private static byte[] Encode(ZkSyncTransaction transaction) => ZkSyncTransactionEncoder.Encode(transaction);

    /// <summary>The same signature with s mirrored to n − s (and v flipped): valid ECDSA, but malleable.</summary>
    private static ZkSyncTransaction Malleable(ZkSyncTransaction signed)
    {
        var order = UInt256.Parse("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
        var signature = signed.Signature.ToArray();
        var s = UInt256.ReadBigEndian(signature.AsSpan(32, 32));
        (order - s).WriteBigEndian(signature.AsSpan(32, 32));
        signature[64] = (byte)(signature[64] == 27 ? 28 : 27);
        return signed with { Signature = signature };
    }
}

// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.ZkSync;
using ZkOs.Bootloader.ZkSync.Blocks;
using ZkOs.Bootloader.ZkSync.Transactions;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Tests.ZkSync;

/// <summary>
/// Each rejection the ZKsync policy can reach, from an externally owned account, a contract account,
/// a paymaster, or an L1 or upgrade transaction:
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
        { "upgrade fails", InvalidTransaction.UpgradeTxFailed },
        { "block gas limit above the maximum", InvalidTransaction.BlockGasLimitTooHigh },
        { "account: validation reverts", InvalidTransaction.Revert },
        { "account: magic is not the selector", InvalidTransaction.InvalidMagic },
        { "account: no magic at all", InvalidTransaction.InvalidReturndataLength },
        { "account: nonce already used", InvalidTransaction.NonceUsedAlready },
        { "account: nonce ahead of the account", InvalidTransaction.NonceNotIncreased },
        { "account: pays nothing", InvalidTransaction.ReceivedInsufficientFees },
        { "account: payForTransaction reverts", InvalidTransaction.Revert },
        { "account: prepareForPaymaster reverts", InvalidTransaction.Revert },
        { "paymaster: pays nothing", InvalidTransaction.ReceivedInsufficientFees },
        { "paymaster: reverts", InvalidTransaction.Revert },
        { "paymaster: unknown flow", InvalidTransaction.Revert },
        { "paymaster: approvalBased on a token without allowance", InvalidTransaction.Revert },
        { "paymaster: returns too little", InvalidTransaction.PaymasterReturnDataTooShort },
        { "paymaster: wrong magic", InvalidTransaction.PaymasterInvalidMagic },
        { "paymaster: context offset past the returndata", InvalidTransaction.PaymasterContextOffsetTooLong },
        { "paymaster: context longer than 1056 bytes", InvalidTransaction.PaymasterContextInvalid },
        { "paymaster: sender cannot cover the value", InvalidTransaction.LackOfFundForMaxFee },
    };

    // Hand-assembled EVM runtime code for accounts and paymasters that misbehave in one way each.
    private static readonly Address Reverting = Address.FromUInt64(0x1_0000_0001);
    private static readonly Address ReturnsZeroWord = Address.FromUInt64(0x1_0000_0002);
    private static readonly Address ReturnsNothing = Address.FromUInt64(0x1_0000_0003);
    private static readonly Address EchoesSelector = Address.FromUInt64(0x1_0000_0004);
    private static readonly Address ValidatesOnly = Address.FromUInt64(0x1_0000_0005);
    private static readonly Address PaysAll = Address.FromUInt64(0x1_0000_0006);
    private static readonly Address MagicWithoutPay = Address.FromUInt64(0x1_0000_0007);
    private static readonly Address TwoZeroWords = Address.FromUInt64(0x1_0000_0008);
    private static readonly Address ContextOffsetTooFar = Address.FromUInt64(0x1_0000_0009);
    private static readonly Address ContextTooLong = Address.FromUInt64(0x1_0000_000a);
    private static readonly Address ValidatesThenReverts = Address.FromUInt64(0x1_0000_000b);

    /// <summary>PUSH0 PUSH0 REVERT.</summary>
    internal static readonly byte[] RevertCode = [0x5f, 0x5f, 0xfd];

    /// <summary>PUSH1 0x20 PUSH0 RETURN: one zero word.</summary>
    private static readonly byte[] ZeroWordCode = [0x60, 0x20, 0x5f, 0xf3];

    /// <summary>Returns the call's selector left-aligned in one word (the magic of any method), paying nothing.</summary>
    private static readonly byte[] EchoSelectorCode = [0x5f, 0x35, 0x60, 0xe0, 0x1c, 0x60, 0xe0, 0x1b, 0x5f, 0x52, 0x60, 0x20, 0x5f, 0xf3];

    /// <summary>Echoes the selector for validateTransaction (0x202bcce7) and reverts on anything else.</summary>
    private static readonly byte[] ValidatesOnlyCode =
    [
        0x5f, 0x35, 0x60, 0xe0, 0x1c, 0x63, 0x20, 0x2b, 0xcc, 0xe7, 0x14, 0x60, 0x11, 0x57, // selector == 0x202bcce7 ? jump to 0x11
        0x5f, 0x5f, 0xfd, // else revert
        0x5b, 0x63, 0x20, 0x2b, 0xcc, 0xe7, 0x60, 0xe0, 0x1b, 0x5f, 0x52, 0x60, 0x20, 0x5f, 0xf3, // 0x11: return the magic
    ];

    private static readonly byte[] PaymasterMagic = [0x63, 0x03, 0x8a, 0x24, 0xbc, 0x60, 0xe0, 0x1b, 0x5f, 0x52];

    /// <summary>Sends its whole balance to the bootloader (which returns the excess) and answers magic ‖ 0x40 ‖ empty context.</summary>
    internal static readonly byte[] PaysAllPaymasterCode =
    [
        0x5f, 0x5f, 0x5f, 0x5f, 0x47, 0x61, 0x80, 0x01, 0x5a, 0xf1, 0x50, // call(gas, 0x8001, selfbalance, 0, 0, 0, 0)
        .. PaymasterMagic, 0x60, 0x40, 0x60, 0x20, 0x52, 0x60, 0x60, 0x5f, 0xf3,
    ];

    /// <summary>Magic ‖ 0x40 ‖ empty context, but no payment.</summary>
    private static readonly byte[] MagicWithoutPayCode = [.. PaymasterMagic, 0x60, 0x40, 0x60, 0x20, 0x52, 0x60, 0x60, 0x5f, 0xf3];

    /// <summary>PUSH1 0x40 PUSH0 RETURN: two zero words (no magic).</summary>
    private static readonly byte[] TwoZeroWordsCode = [0x60, 0x40, 0x5f, 0xf3];

    /// <summary>Magic ‖ offset 0x1000 in a 64-byte answer.</summary>
    private static readonly byte[] ContextOffsetTooFarCode = [.. PaymasterMagic, 0x61, 0x10, 0x00, 0x60, 0x20, 0x52, 0x60, 0x40, 0x5f, 0xf3];

    /// <summary>Magic ‖ 0x40 ‖ length 2000 in a 96-byte answer.</summary>
    private static readonly byte[] ContextTooLongCode =
        [.. PaymasterMagic, 0x60, 0x40, 0x60, 0x20, 0x52, 0x61, 0x07, 0xd0, 0x60, 0x40, 0x52, 0x60, 0x60, 0x5f, 0xf3];

    /// <summary>A 0x71 transaction from a contract account: no ECDSA check applies, any 65 bytes will do.</summary>
    private static ZkSyncTransaction FromAccount(Address account, ulong nonce = 1) => new()
    {
        TxType = ZkSyncTransaction.Eip712Type,
        From = account,
        To = Address.FromUInt64(0xB0B),
        GasLimit = 1_000_000,
        GasPerPubdataLimit = 50_000,
        MaxFeePerGas = 200_000_000,
        MaxPriorityFeePerGas = 0,
        Nonce = new UInt256(nonce),
        Signature = new byte[65],
    };

    /// <summary>A signed 0x71 transfer from Alice through <paramref name="paymaster"/> with the given input (general by default).</summary>
    private static byte[] Sponsored(Address paymaster, byte[]? input = null, UInt256? value = null) => Signed(Transfer() with
    {
        TxType = ZkSyncTransaction.Eip712Type,
        GasLimit = 1_000_000,
        GasPerPubdataLimit = 50_000,
        Paymaster = paymaster,
        PaymasterInput = input ?? General,
        Value = value ?? new UInt256(1000),
    });

    /// <summary><c>general(bytes(""))</c>.</summary>
    internal static readonly byte[] General = Hex.Decode("0x8c5a344500000000000000000000000000000000000000000000000000000000000000200000000000000000000000000000000000000000000000000000000000000000");

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
            "upgrade fails" => [Encode(new ZkSyncTransaction
            {
                TxType = ZkSyncTransaction.UpgradeType,
                From = Alice,
                To = Reverting,
                GasLimit = 100_000,
                GasPerPubdataLimit = 800,
                MaxFeePerGas = 100_000_000,
                MaxPriorityFeePerGas = 100_000_000,
                Reserved0 = new UInt256(100_000UL * 100_000_000),
            })],
            "block gas limit above the maximum" => [Signed(Transfer())],
            "account: validation reverts" => [Encode(FromAccount(Reverting))],
            "account: magic is not the selector" => [Encode(FromAccount(ReturnsZeroWord))],
            "account: no magic at all" => [Encode(FromAccount(ReturnsNothing))],
            "account: nonce already used" => [Encode(FromAccount(EchoesSelector, nonce: 0))],
            "account: nonce ahead of the account" => [Encode(FromAccount(EchoesSelector, nonce: 5))],
            "account: pays nothing" => [Encode(FromAccount(EchoesSelector))],
            "account: payForTransaction reverts" => [Encode(FromAccount(ValidatesOnly))],
            "account: prepareForPaymaster reverts" => [Encode(FromAccount(ValidatesOnly) with { Paymaster = PaysAll, PaymasterInput = General })],
            "paymaster: pays nothing" => [Sponsored(MagicWithoutPay)],
            "paymaster: reverts" => [Sponsored(Reverting)],
            "paymaster: unknown flow" => [Sponsored(PaysAll, [0x12, 0x34, 0x56, 0x78])],
            "paymaster: approvalBased on a token without allowance" => [Sponsored(PaysAll, ApprovalBased(ReturnsNothing, new UInt256(5)))],
            "paymaster: returns too little" => [Sponsored(ReturnsNothing)],
            "paymaster: wrong magic" => [Sponsored(TwoZeroWords)],
            "paymaster: context offset past the returndata" => [Sponsored(ContextOffsetTooFar)],
            "paymaster: context longer than 1056 bytes" => [Sponsored(ContextTooLong)],
            "paymaster: sender cannot cover the value" => [Sponsored(PaysAll, value: new UInt256(0, 1))],
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
        var blockGasLimit = @case == "block gas limit above the maximum" ? ulong.MaxValue : 100_000_000UL;
        return new ZkSyncBlockFile
        {
            ChainId = ChainId,
            Genesis =
            [
                new GenesisAccount(Alice, new UInt256(1_000_000_000_000_000_000), 0, [], new Dictionary<UInt256, UInt256>()),
                new GenesisAccount(Contract, new UInt256(1_000_000_000_000_000_000), 1, [0x00], new Dictionary<UInt256, UInt256>()),
                Funded(Reverting, RevertCode),
                Funded(ReturnsZeroWord, ZeroWordCode),
                Funded(ReturnsNothing, [0x00]),
                Funded(EchoesSelector, EchoSelectorCode),
                Funded(ValidatesOnly, ValidatesOnlyCode),
                Funded(PaysAll, PaysAllPaymasterCode),
                Funded(MagicWithoutPay, MagicWithoutPayCode),
                Funded(TwoZeroWords, TwoZeroWordsCode),
                Funded(ContextOffsetTooFar, ContextOffsetTooFarCode),
                Funded(ContextTooLong, ContextTooLongCode),
            ],
            Number = 1,
            Timestamp = 1_700_000_000,
            BaseFee = BaseFee,
            GasPerPubdata = gasPerPubdata,
            NativePrice = nativePrice,
            GasLimit = blockGasLimit,
            Coinbase = Address.FromUInt64(0xC0FFEE),
            MixHash = UInt256.One,
            Transactions = transactions,
        };
    }

    /// <summary>A contract with 1 ETH and nonce 1 (EIP-161).</summary>
    private static GenesisAccount Funded(Address address, byte[] code) =>
        new(address, new UInt256(1_000_000_000_000_000_000), 1, code, new Dictionary<UInt256, UInt256>());

    /// <summary><c>approvalBased(token, minAllowance, bytes(""))</c>.</summary>
    internal static byte[] ApprovalBased(Address token, UInt256 minAllowance)
    {
        var input = new byte[4 + 4 * 32];
        Hex.Decode("0x949431dc").CopyTo(input, 0);
        token.WriteTo(input.AsSpan(4 + 12));
        minAllowance.WriteBigEndian(input.AsSpan(4 + 32));
        input[4 + 95] = 0x60;
        return input;
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

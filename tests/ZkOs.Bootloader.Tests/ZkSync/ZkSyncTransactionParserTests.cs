// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Bootloader.Conformance;
using ZkOs.Bootloader.ZkSync;
using ZkOs.Bootloader.ZkSync.Transactions;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Tests.ZkSync;

/// <summary>One test per rule of reference/zksync-os.md §5.2, each showing the specific error.</summary>
public sealed class ZkSyncTransactionParserTests
{
    private static readonly Address Alice = Address.Parse("0x1111111111111111111111111111111111111111");
    private static readonly Address Bob = Address.Parse("0x2222222222222222222222222222222222222222");

    // Offsets in the baseline bodies below (data is 5 bytes, so its slot is one padded word).
    private const int DataAt = 608;
    private const int SignatureAt = DataAt + 64;
    private const int FactoryDepsAt = SignatureAt + 32 + 96;

    private static ZkSyncTransaction Eip1559 => new()
    {
        TxType = ZkSyncTransaction.Eip1559Type,
        From = Alice,
        To = Bob,
        GasLimit = 100_000,
        MaxFeePerGas = 2_000_000_000,
        MaxPriorityFeePerGas = 1_000_000,
        Nonce = new UInt256(7),
        Value = new UInt256(1_000_000_000_000_000_000),
        Data = new byte[] { 0xa9, 0x05, 0x9c, 0xbb, 0x01 },
        Signature = Enumerable.Range(1, 65).Select(i => (byte)i).ToArray(),
        AccessList = [new AccessListEntry(Bob, [Bytes32.Parse("0x" + new string('3', 64))])],
    };

    private static ZkSyncTransaction L1 => new()
    {
        TxType = ZkSyncTransaction.L1ToL2Type,
        From = Alice,
        To = Bob,
        GasLimit = 300_000,
        GasPerPubdataLimit = 800,
        MaxFeePerGas = 250_000_000,
        MaxPriorityFeePerGas = 0,
        Nonce = new UInt256(12),
        Value = new UInt256(5),
        Reserved0 = new UInt256(1_000_000_000_000_000),
        Reserved1 = Alice.ToUInt256(),
        Data = new byte[] { 1, 2, 3, 4, 5 },
        FactoryDeps = [Bytes32.Parse("0x" + new string('f', 64))],
    };

    [Fact]
    public void TheBaselinesAreValid()
    {
        Assert.Equal(Eip1559, ZkSyncTransactionParser.Parse(ZkSyncTransactionEncoder.Encode(Eip1559)));
        Assert.Equal(L1, ZkSyncTransactionParser.Parse(ZkSyncTransactionEncoder.Encode(L1)));
        Assert.Equal(FactoryDepsAt, Word(ZkSyncTransactionEncoder.Encode(Eip1559), 16 * 32));
    }

    [Fact]
    public void ParseInto_RefillsOneTargetWithNothingLeftOver()
    {
        var target = new ZkSyncTransaction { TxType = 0 };
        var buffers = new ZkSyncParseBuffers();
        var twoDeps = L1 with { FactoryDeps = [Bytes32.Parse("0x" + new string('a', 64)), Bytes32.Parse("0x" + new string('b', 64))] };
        var twoEntries = Eip1559 with
        {
            AccessList =
            [
                new AccessListEntry(Alice, [Bytes32.Parse("0x" + new string('4', 64)), Bytes32.Parse("0x" + new string('5', 64))]),
                new AccessListEntry(Bob, []),
            ],
        };

        ZkSyncTransactionParser.ParseInto(ZkSyncTransactionEncoder.Encode(twoDeps), target, buffers);
        Assert.Equal(twoDeps, target);
        var reusedDeps = target.FactoryDeps;
        ZkSyncTransactionParser.ParseInto(ZkSyncTransactionEncoder.Encode(twoEntries), target, buffers);
        Assert.Equal(twoEntries, target);
        Assert.Empty(target.FactoryDeps);
        var reusedList = target.AccessList;
        ZkSyncTransactionParser.ParseInto(ZkSyncTransactionEncoder.Encode(Eip1559), target, buffers);
        Assert.Equal(Eip1559, target);
        Assert.Same(reusedList, target.AccessList);
        ZkSyncTransactionParser.ParseInto(ZkSyncTransactionEncoder.Encode(L1), target, buffers);
        Assert.Equal(L1, target);
        Assert.Same(reusedDeps, target.FactoryDeps);
        Assert.Null(target.AccessList);
    }

    // ---- encoding: size ----

    [Fact]
    public void EmptyBodyIsRefused() =>
        AssertEncoding([], "body", -1, "empty");

    [Fact]
    public void BodyLongerThanMaxTxLenIsRefused()
    {
        // Data that brings the body to exactly 2^23 bytes fits; one byte more (a word, padded) does not.
        long overhead = ZkSyncTransactionEncoder.EncodedLength(Eip1559 with { Data = ReadOnlyMemory<byte>.Empty });
        var fits = Eip1559 with { Data = new byte[(1 << 23) - overhead] };
        Assert.Equal(1 << 23, ZkSyncTransactionEncoder.Encode(fits).Length);
        Assert.Equal(fits, ZkSyncTransactionParser.Parse(ZkSyncTransactionEncoder.Encode(fits)));
        var body = ZkSyncTransactionEncoder.Encode(fits with { Data = new byte[fits.Data.Length + 1] });
        Assert.Equal((1 << 23) + 32, body.Length);
        AssertEncoding(body, "body", -1, "MAX_TX_LEN_BYTES");
    }

    [Fact]
    public void BodyEndingInsideTheHeadIsRefused() =>
        AssertEncoding(ZkSyncTransactionEncoder.Encode(Eip1559)[..300], "value", 288, "inside the 19-word head");

    // ---- encoding: head words ----

    [Theory]
    [InlineData(0, 1, "tx_type")]
    [InlineData(1, 20, "from")]
    [InlineData(2, 20, "to")]
    [InlineData(3, 8, "gas_limit")]
    [InlineData(4, 4, "gas_per_pubdata_limit")]
    [InlineData(5, 16, "max_fee_per_gas")]
    [InlineData(6, 16, "max_priority_fee_per_gas")]
    [InlineData(7, 20, "paymaster")]
    [InlineData(14, 4, "data offset")]
    [InlineData(15, 4, "signature offset")]
    [InlineData(16, 4, "factory_deps offset")]
    [InlineData(17, 4, "paymaster_input offset")]
    [InlineData(18, 4, "reserved_dynamic offset")]
    public void HeadWordWithBytesAboveItsWidthIsRefused(int word, int width, string field)
    {
        var body = ZkSyncTransactionEncoder.Encode(Eip1559);
        body[(word * 32) + 31 - width] = 0x01; // the lowest byte that must stay zero
        AssertEncoding(body, field, word * 32, $"only the low {width} bytes");
        body[(word * 32) + 31 - width] = 0;
        body[word * 32] = 0x80; // and the highest
        AssertEncoding(body, field, word * 32, $"only the low {width} bytes");
    }

    [Fact]
    public void FullWidthWordsTakeAnyValue()
    {
        var tx = Eip1559 with { Nonce = UInt256.MaxValue, Value = UInt256.MaxValue, MaxFeePerGas = UInt128.MaxValue, MaxPriorityFeePerGas = UInt128.MaxValue, GasLimit = ulong.MaxValue };
        Assert.Equal(tx, ZkSyncTransactionParser.Parse(ZkSyncTransactionEncoder.Encode(tx)));
    }

    // ---- encoding: offsets and packing ----

    [Fact]
    public void DataOffsetMustBe608()
    {
        var body = ZkSyncTransactionEncoder.Encode(Eip1559);
        SetWord(body, 14 * 32, 640);
        AssertEncoding(body, "data offset", 14 * 32, "must be 608");
    }

    [Theory]
    [InlineData(15, "signature offset")]
    [InlineData(16, "factory_deps offset")]
    [InlineData(17, "paymaster_input offset")]
    [InlineData(18, "reserved_dynamic offset")]
    public void DynamicFieldsMustBeTightlyPacked(int word, string field)
    {
        var body = ZkSyncTransactionEncoder.Encode(Eip1559);
        SetWord(body, word * 32, Word(body, word * 32) + 32);
        AssertEncoding(body, field, word * 32, "tightly packed");
        SetWord(body, word * 32, Word(body, word * 32) - 64);
        AssertEncoding(body, field, word * 32, "tightly packed");
    }

    [Fact]
    public void LengthWordIsAU32()
    {
        var body = ZkSyncTransactionEncoder.Encode(Eip1559);
        body[DataAt + 27] = 1;
        AssertEncoding(body, "data", DataAt, "nonzero high bytes");
    }

    [Fact]
    public void BytesMustNotRunPastTheEnd()
    {
        var body = ZkSyncTransactionEncoder.Encode(Eip1559);
        SetWord(body, DataAt, (uint)body.Length);
        AssertEncoding(body, "data", DataAt, "run past the body's end");
        SetWord(body, DataAt, uint.MaxValue);
        AssertEncoding(body, "data", DataAt, "run past the body's end");
    }

    [Fact]
    public void FactoryDepsMustNotRunPastTheEnd()
    {
        var body = ZkSyncTransactionEncoder.Encode(L1);
        int at = (int)Word(body, 16 * 32);
        SetWord(body, at, uint.MaxValue);
        AssertEncoding(body, "factory_deps", at, "run past the body's end");
    }

    [Fact]
    public void PaddingMustBeZero()
    {
        var body = ZkSyncTransactionEncoder.Encode(Eip1559);
        body[DataAt + 32 + 5] = 0xff; // first padding byte after the 5 data bytes
        AssertEncoding(body, "data", DataAt + 32 + 5, "padding");
        body[DataAt + 32 + 5] = 0;
        body[SignatureAt + 32 + 95] = 1; // last padding byte of the signature
        AssertEncoding(body, "signature", SignatureAt + 32 + 95, "padding");
    }

    [Fact]
    public void TrailingBytesAreRefused()
    {
        var body = ZkSyncTransactionEncoder.Encode(Eip1559);
        AssertEncoding([.. body, 0], "body", body.Length, "1 trailing bytes");
        AssertEncoding([.. body, .. new byte[32]], "body", body.Length, "32 trailing bytes");
    }

    [Fact]
    public void TruncatedTailIsRefused()
    {
        var body = ZkSyncTransactionEncoder.Encode(Eip1559);
        int reservedDynamic = (int)Word(body, 18 * 32);
        AssertEncoding(body[..(reservedDynamic + 16)], "reserved_dynamic", reservedDynamic, "length word runs past");
    }

    // ---- encoding: the access list in reserved_dynamic ----

    [Fact]
    public void EmptyReservedDynamicIsAnAbsentAccessList()
    {
        var parsed = ZkSyncTransactionParser.Parse(ZkSyncTransactionEncoder.Encode(Eip1559 with { AccessList = null }));
        Assert.Null(parsed.AccessList);
        var empty = ZkSyncTransactionParser.Parse(ZkSyncTransactionEncoder.Encode(Eip1559 with { AccessList = [] }));
        Assert.Empty(empty.AccessList!);
    }

    [Theory]
    [InlineData(0x00, 0x40, "outer list's offset")]
    [InlineData(0x20, 2, "outer list's length")]
    [InlineData(0x40, 0x40, "access list's offset")]
    [InlineData(0x80, 0x40, "entry 0's offset")]
    [InlineData(0xc0, 0x60, "entry 0's keys offset")]
    public void AccessListMustUseTheCanonicalLayout(int at, uint value, string what)
    {
        var body = ZkSyncTransactionEncoder.Encode(Eip1559);
        int inner = (int)Word(body, 18 * 32) + 32;
        SetWord(body, inner + at, value);
        AssertEncoding(body, "reserved_dynamic", inner + at, what);
    }

    [Fact]
    public void AccessListAddressWordsHaveZeroHighBytes()
    {
        var body = ZkSyncTransactionEncoder.Encode(Eip1559);
        int entry = (int)Word(body, 18 * 32) + 32 + 0xa0;
        body[entry + 11] = 1;
        AssertEncoding(body, "reserved_dynamic", entry, "address word has nonzero high bytes");
    }

    [Fact]
    public void AccessListCountsMustFit()
    {
        var body = ZkSyncTransactionEncoder.Encode(Eip1559);
        int inner = (int)Word(body, 18 * 32) + 32;
        SetWord(body, inner + 0x60, 1000);
        AssertEncoding(body, "reserved_dynamic", inner + 0x60, "cannot fit");
        SetWord(body, inner + 0x60, 1);
        SetWord(body, inner + 0xe0, 9); // the entry's key count
        AssertEncoding(body, "reserved_dynamic", inner + 0xe0, "run past the end");
    }

    [Fact]
    public void AccessListMustFillReservedDynamicExactly()
    {
        // One more word inside the bytes: the list is valid but does not end where the bytes do.
        var body = ZkSyncTransactionEncoder.Encode(Eip1559);
        int at = (int)Word(body, 18 * 32);
        uint length = (uint)Word(body, at);
        SetWord(body, at, length + 32);
        body = [.. body, .. new byte[32]];
        AssertEncoding(body, "reserved_dynamic", at + 32 + length, "32 bytes follow the last entry");
    }

    [Fact]
    public void AccessListTooShortForTheOuterListIsRefused()
    {
        var tx = Eip1559 with { AccessList = null };
        var body = ZkSyncTransactionEncoder.Encode(tx);
        int at = (int)Word(body, 18 * 32);
        SetWord(body, at, 64);
        body = [.. body, .. new byte[64]];
        AssertEncoding(body, "reserved_dynamic", at + 32, "too short");
    }

    // ---- structure ----

    [Theory]
    [InlineData(0x03)]
    [InlineData(0x04)]
    [InlineData(0x70)]
    [InlineData(0x7e)]
    [InlineData(0x7f)]
    [InlineData(0xfd)]
    public void UnsupportedTypesAreRefused(byte type) =>
        AssertStructure(Eip1559 with { TxType = type, AccessList = null }, "tx_type", 0, "not a supported type");

    [Theory]
    [InlineData(ZkSyncTransaction.LegacyType)]
    [InlineData(ZkSyncTransaction.Eip2930Type)]
    public void TypesZeroAndOneHaveOneGasPrice(byte type)
    {
        var tx = Eip1559 with { TxType = type, AccessList = null };
        AssertStructure(tx, "max_priority_fee_per_gas", 6 * 32, "must equal");
        ZkSyncTransactionParser.CheckStructure(tx with { MaxPriorityFeePerGas = tx.MaxFeePerGas });
    }

    [Theory]
    [InlineData(ZkSyncTransaction.LegacyType)]
    [InlineData(ZkSyncTransaction.Eip2930Type)]
    [InlineData(ZkSyncTransaction.Eip1559Type)]
    [InlineData(ZkSyncTransaction.L1ToL2Type)]
    [InlineData(ZkSyncTransaction.UpgradeType)]
    public void OnlyEip712MayNameAPaymaster(byte type)
    {
        var tx = Valid(type) with { Paymaster = Bob };
        AssertStructure(tx, "paymaster", 7 * 32, "only allowed for type 0x71");
        ZkSyncTransactionParser.CheckStructure(Valid(ZkSyncTransaction.Eip712Type) with { Paymaster = Bob, PaymasterInput = new byte[] { 1 } });
    }

    [Theory]
    [InlineData(ZkSyncTransaction.Eip2930Type)]
    [InlineData(ZkSyncTransaction.Eip1559Type)]
    [InlineData(ZkSyncTransaction.Eip712Type)]
    public void Reserved0IsOnlyForLegacyL1AndUpgrade(byte type)
    {
        AssertStructure(Valid(type) with { Reserved0 = UInt256.One }, "reserved[0]", 10 * 32, "must be 0");
        ZkSyncTransactionParser.CheckStructure(Valid(ZkSyncTransaction.LegacyType) with { Reserved0 = UInt256.One });
        ZkSyncTransactionParser.CheckStructure(Valid(ZkSyncTransaction.UpgradeType) with { Reserved0 = UInt256.MaxValue });
    }

    [Fact]
    public void Reserved1MustBeZeroForEip712() =>
        AssertStructure(Valid(ZkSyncTransaction.Eip712Type) with { Reserved1 = UInt256.One }, "reserved[1]", 11 * 32, "must be 0 for type 0x71");

    [Theory]
    [InlineData(ZkSyncTransaction.LegacyType)]
    [InlineData(ZkSyncTransaction.Eip2930Type)]
    [InlineData(ZkSyncTransaction.Eip1559Type)]
    public void DeploymentNeedsNoCallee(byte type)
    {
        AssertStructure(Valid(type) with { Reserved1 = UInt256.One }, "reserved[1]", 11 * 32, "needs to == 0");
        var deployment = Valid(type) with { Reserved1 = UInt256.One, To = Address.Zero };
        ZkSyncTransactionParser.CheckStructure(deployment);
        Assert.True(deployment.IsDeployment);
    }

    // Neither flag nor gas_per_pubdata_limit is covered by an Ethereum-typed transaction's hash: only the
    // canonical values are accepted, so an encoding cannot change without changing the block.

    [Theory]
    [InlineData(ZkSyncTransaction.LegacyType)]
    [InlineData(ZkSyncTransaction.Eip2930Type)]
    [InlineData(ZkSyncTransaction.Eip1559Type)]
    public void DeploymentFlagIsZeroOrOne(byte type) =>
        AssertStructure(Valid(type) with { Reserved1 = new UInt256(2), To = Address.Zero }, "reserved[1]", 11 * 32, "must be 0 or 1, not 2");

    [Fact]
    public void Eip155FlagIsZeroOrOne() =>
        AssertStructure(Valid(ZkSyncTransaction.LegacyType) with { Reserved0 = new UInt256(7) }, "reserved[0]", 10 * 32, "must be 0 or 1, not 7");

    [Theory]
    [InlineData(ZkSyncTransaction.LegacyType)]
    [InlineData(ZkSyncTransaction.Eip2930Type)]
    [InlineData(ZkSyncTransaction.Eip1559Type)]
    public void EthereumTypesLeaveGasPerPubdataZero(byte type)
    {
        AssertStructure(Valid(type) with { GasPerPubdataLimit = 50_000 }, "gas_per_pubdata_limit", 4 * 32, "must be 0, not 50000");
        ZkSyncTransactionParser.CheckStructure(Valid(ZkSyncTransaction.Eip712Type) with { GasPerPubdataLimit = 50_000 });
    }

    [Theory]
    [InlineData(12, "reserved[2]")]
    [InlineData(13, "reserved[3]")]
    public void Reserved2And3MustBeZero(int word, string field)
    {
        foreach (var type in ZkSyncTransactionGenerators.Types)
        {
            var tx = word == 12 ? Valid(type) with { Reserved2 = UInt256.One << 255 } : Valid(type) with { Reserved3 = UInt256.One };
            AssertStructure(tx, field, word * 32, "unused");
        }
    }

    [Theory]
    [InlineData(ZkSyncTransaction.L1ToL2Type)]
    [InlineData(ZkSyncTransaction.UpgradeType)]
    public void L1AndUpgradeCarryNoSignature(byte type) =>
        AssertStructure(Valid(type) with { Signature = new byte[65] }, "signature", SignatureAt, "must be empty");

    [Theory]
    [InlineData(ZkSyncTransaction.LegacyType, 0)]
    [InlineData(ZkSyncTransaction.Eip2930Type, 64)]
    [InlineData(ZkSyncTransaction.Eip1559Type, 66)]
    [InlineData(ZkSyncTransaction.Eip712Type, 130)]
    public void L2SignaturesAre65Bytes(byte type, int length) =>
        AssertStructure(Valid(type) with { Signature = new byte[length] }, "signature", SignatureAt, "must be 65 bytes");

    [Theory]
    [InlineData(ZkSyncTransaction.LegacyType)]
    [InlineData(ZkSyncTransaction.Eip1559Type)]
    [InlineData(ZkSyncTransaction.L1ToL2Type)]
    public void PaymasterInputIsOnlyForEip712(byte type)
    {
        var tx = Valid(type) with { PaymasterInput = new byte[] { 0x8c, 0x5a, 0x34, 0x45 } };
        var deps = tx.FactoryDeps.Count;
        AssertStructure(tx, "paymaster_input", FactoryDepsAt - (tx.IsL1OrUpgrade ? 96 : 0) + 32 + (32 * deps), "only allowed for type 0x71");
    }

    [Theory]
    [InlineData(ZkSyncTransaction.LegacyType)]
    [InlineData(ZkSyncTransaction.Eip2930Type)]
    [InlineData(ZkSyncTransaction.Eip1559Type)]
    public void FactoryDepsAreOnlyForEip712L1AndUpgrade(byte type)
    {
        AssertStructure(Valid(type) with { FactoryDeps = [Bytes32.Zero] }, "factory_deps", FactoryDepsAt, "only allowed for types 0x71, 0xfe and 0xff");
        foreach (var allowed in new[] { ZkSyncTransaction.Eip712Type, ZkSyncTransaction.L1ToL2Type, ZkSyncTransaction.UpgradeType })
            ZkSyncTransactionParser.CheckStructure(Valid(allowed) with { FactoryDeps = [Bytes32.Zero, Bytes32.Zero] });
    }

    [Theory]
    [InlineData(ZkSyncTransaction.LegacyType)]
    [InlineData(ZkSyncTransaction.Eip712Type)]
    [InlineData(ZkSyncTransaction.L1ToL2Type)]
    [InlineData(ZkSyncTransaction.UpgradeType)]
    public void AccessListsAreOnlyForTypes1And2(byte type)
    {
        var tx = Valid(type) with { AccessList = Eip1559.AccessList };
        var body = ZkSyncTransactionEncoder.Encode(tx);
        AssertStructure(tx, "reserved_dynamic", Word(body, 18 * 32), "only allowed for types 0x01 and 0x02");
        ZkSyncTransactionParser.CheckStructure(Valid(type) with { AccessList = [] });
    }

    [Fact]
    public void StructureErrorsComeFromParseToo()
    {
        var body = ZkSyncTransactionEncoder.Encode(Eip1559 with { Reserved3 = UInt256.One });
        var error = Assert.Throws<ZkSyncTransactionException>(() => ZkSyncTransactionParser.Parse(body));
        Assert.Equal(InvalidTransaction.InvalidStructure, error.Kind);
        Assert.False(ZkSyncTransactionParser.TryParse(body, out var tx, out var returned));
        Assert.Null(tx);
        Assert.Equal(error.Message, returned!.Message);
    }

    // ---- helpers ----

    private static ZkSyncTransaction Valid(byte type) => type switch
    {
        ZkSyncTransaction.LegacyType or ZkSyncTransaction.Eip2930Type =>
            Eip1559 with { TxType = type, MaxPriorityFeePerGas = Eip1559.MaxFeePerGas, AccessList = null },
        ZkSyncTransaction.Eip1559Type => Eip1559,
        ZkSyncTransaction.Eip712Type => Eip1559 with { TxType = type, AccessList = null },
        _ => L1 with { TxType = type },
    };

    private static void AssertEncoding(byte[] body, string field, long offset, string detail) =>
        AssertError(body, InvalidTransaction.InvalidEncoding, field, offset, detail);

    private static void AssertStructure(ZkSyncTransaction tx, string field, long offset, string detail)
    {
        var checkedError = Assert.Throws<ZkSyncTransactionException>(() => ZkSyncTransactionParser.CheckStructure(tx));
        Assert.Equal(InvalidTransaction.InvalidStructure, checkedError.Kind);
        AssertError(ZkSyncTransactionEncoder.Encode(tx), InvalidTransaction.InvalidStructure, field, offset, detail);
    }

    private static void AssertError(byte[] body, InvalidTransaction kind, string field, long offset, string detail)
    {
        var error = Assert.Throws<ZkSyncTransactionException>(() => ZkSyncTransactionParser.Parse(body));
        Assert.Equal(kind, error.Kind);
        Assert.Equal(field, error.Field);
        Assert.Equal(offset, error.Offset);
        Assert.Contains(detail, error.Detail, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    private static long Word(byte[] body, int at) => (long)BinaryPrimitives.ReadUInt64BigEndian(body.AsSpan(at + 24));

    private static void SetWord(byte[] body, int at, long value)
    {
        body.AsSpan(at, 32).Clear();
        BinaryPrimitives.WriteUInt64BigEndian(body.AsSpan(at + 24), (ulong)value);
    }
}

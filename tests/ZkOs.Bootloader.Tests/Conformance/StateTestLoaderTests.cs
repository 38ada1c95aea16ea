// SPDX-License-Identifier: MIT
using ZkOs.Bootloader.Conformance.StateTests;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Bootloader.Tests.Conformance;

/// <summary>The loader on real GeneralStateTests files, read in place.</summary>
public sealed class StateTestLoaderTests
{
    private const string EmptyLogsHash = "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347";

    private static IReadOnlyList<StateTestCase> Cases(string relative, string fork = "Cancun") =>
        StateTestLoader.LoadCases(ConformanceData.StateTest(relative), fork, relative);

    [Theory]
    [InlineData("stExample/add11.json", 1)]
    [InlineData("stExample/accessListExample.json", 2)]
    [InlineData("stExample/rangesExample.json", 24)]
    [InlineData("stExample/labelsExample.json", 4)]
    [InlineData("stEIP2930/coinbaseT01.json", 3)]
    [InlineData("Pyspecs/cancun/eip4844_blobs/invalid_tx_blob_count.json", 2)]
    [InlineData("Pyspecs/cancun/eip4844_blobs/blob_type_tx_pre_fork.json", 0)]
    public void CaseCounts(string file, int cancunCases) => Assert.Equal(cancunCases, Cases(file).Count);

    [Fact]
    public void ReadsAdd11Completely()
    {
        var tests = StateTestLoader.LoadFile(ConformanceData.StateTest("stExample/add11.json"), "stExample/add11.json");
        var test = Assert.Single(tests);
        Assert.Equal("add11", test.Name);
        Assert.Equal(["Cancun"], test.Forks);

        var env = test.Environment;
        Assert.Equal(Address.Parse("0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba"), env.Coinbase);
        Assert.Equal(0xff112233445566UL, env.GasLimit);
        Assert.Equal(1UL, env.Number);
        Assert.Equal(1000UL, env.Timestamp);
        Assert.Equal(new UInt256(0x20000), env.Difficulty);
        Assert.Equal(Bytes32.FromUInt256(new UInt256(0x20000)), env.PrevRandao);
        Assert.Equal(new UInt256(10), env.BaseFee);
        Assert.Equal(0UL, env.ExcessBlobGas);
        Assert.Null(env.PreviousHash);
        Assert.Equal(1UL, env.ChainId);

        Assert.Equal(3, test.Pre.Count);
        var contract = test.Pre[Address.Parse("0x095e7baea6a6c7c4c2dfeb977efac326af552d87")];
        Assert.Equal(new UInt256(0x0de0b6b3a7640000), contract.Balance);
        Assert.Equal(Hex.Decode("0x600160010160005500"), contract.Code.ToArray());
        Assert.Equal(0UL, contract.Nonce);
        Assert.Empty(contract.Storage);
        Assert.Equal(1UL, test.Pre[Address.Parse("0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba")].Nonce);

        var c = Assert.Single(test.Cases);
        Assert.Equal("stExample/add11.json::add11::Cancun[0,0,0]", c.Name);
        Assert.Equal(Bytes32.Parse("0xe8010ce590f401c9d61fef8ab05bea9bcec24281b795e5868809bc4e515aa530"), c.ExpectedStateRoot);
        Assert.Equal(Bytes32.Parse(EmptyLogsHash), c.ExpectedLogsHash);
        Assert.Equal(0xf8, c.TxBytes.Span[0]);
        Assert.Null(c.ExpectException);
        Assert.Null(c.Label);
        Assert.Same(test.Environment, c.Environment);
        Assert.Same(test.Pre, c.Pre);

        var tx = c.Transaction;
        Assert.Equal(StateTestTransactionType.Legacy, tx.Type);
        Assert.Equal(new UInt256(10), tx.GasPrice);
        Assert.Null(tx.MaxFeePerGas);
        Assert.Equal(400_000UL, tx.GasLimit);
        Assert.Equal(new UInt256(100_000), tx.Value);
        Assert.True(tx.Data.IsEmpty);
        Assert.Empty(tx.AccessList);
        Assert.Empty(tx.BlobVersionedHashes);
        Assert.Equal(Address.Parse("0x095e7baea6a6c7c4c2dfeb977efac326af552d87"), tx.To);
        Assert.False(tx.IsCreate);
        Assert.Equal(Address.Parse("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b"), tx.Sender);
        Assert.Equal(Bytes32.Parse("0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8"), tx.SecretKey);
    }

    [Fact]
    public void ResolvesIndexesIntoTheirArrays()
    {
        // rangesExample: data [1, 1, 1, 4], gasLimit [400000, 1400000, 2400000], value [100000, 200000].
        var cases = Cases("stExample/rangesExample.json");
        var c = Assert.Single(cases, c => c.DataIndex == 3 && c.GasIndex == 2 && c.ValueIndex == 1);
        Assert.Equal(23, c.PostIndex);
        Assert.Equal("stExample/rangesExample.json::rangesExample::Cancun[3,2,1]", c.Name);
        Assert.Equal(new byte[] { 4 }, c.Transaction.Data.ToArray());
        Assert.Equal(2_400_000UL, c.Transaction.GasLimit);
        Assert.Equal(new UInt256(200_000), c.Transaction.Value);
        Assert.Equal(new byte[] { 1 }, cases[0].Transaction.Data.ToArray());
        Assert.Equal(400_000UL, cases[0].Transaction.GasLimit);
        Assert.Equal(new UInt256(100_000), cases[0].Transaction.Value);
        // Cases come in post order, so a run's order is the file's.
        Assert.Equal(Enumerable.Range(0, 24), cases.Select(x => x.PostIndex));
    }

    [Fact]
    public void LabelsNameTheDataIndex()
    {
        var cases = Cases("stExample/labelsExample.json");
        Assert.Equal(["transaction1", "transaction2", "transaction3", "transaction3"], cases.OrderBy(c => c.DataIndex).Select(c => c.Label));
    }

    [Fact]
    public void AccessListTransactionCarriesTheListOfItsDataIndex()
    {
        var cases = Cases("stExample/accessListExample.json");
        Assert.All(cases, c => Assert.Equal(StateTestTransactionType.AccessList, c.Transaction.Type));

        var first = cases.Single(c => c.DataIndex == 0).Transaction;
        Assert.Equal(new UInt256(10), first.GasPrice);
        Assert.Equal(2, first.AccessList.Count);
        Assert.Equal(Address.Parse("0x095e7baea6a6c7c4c2dfeb977efac326af552d87"), first.AccessList[0].Address);
        Assert.Equal([Bytes32.Zero, Bytes32.FromUInt256(UInt256.One)], first.AccessList[0].StorageKeys);
        Assert.Equal(Address.Parse("0x195e7baea6a6c7c4c2dfeb977efac326af552d87"), first.AccessList[1].Address);

        var second = cases.Single(c => c.DataIndex == 1).Transaction;
        var entry = Assert.Single(second.AccessList);
        Assert.Equal(Address.Parse("0x195e7baea6a6c7c4c2dfeb977efac326af552d87"), entry.Address);
        Assert.Equal([Bytes32.Zero], entry.StorageKeys);
    }

    [Fact]
    public void NullAccessListEntryMakesThatDataIndexLegacy()
    {
        // coinbaseT01: accessLists [null, [0xba5e], [0xba5a]]; txbytes confirm type 0 for data 0.
        var cases = Cases("stEIP2930/coinbaseT01.json");
        var legacy = cases.Single(c => c.DataIndex == 0);
        Assert.Equal(StateTestTransactionType.Legacy, legacy.Transaction.Type);
        Assert.Empty(legacy.Transaction.AccessList);
        Assert.Equal("T0", legacy.Label);

        var typed = cases.Single(c => c.DataIndex == 1);
        Assert.Equal(StateTestTransactionType.AccessList, typed.Transaction.Type);
        Assert.Equal(Address.Parse("0x000000000000000000000000000000000000ba5e"), Assert.Single(typed.Transaction.AccessList).Address);
        Assert.Empty(typed.Transaction.AccessList[0].StorageKeys);
    }

    [Fact]
    public void DynamicFeeTransaction()
    {
        var tx = Assert.Single(Cases("stExample/eip1559.json")).Transaction;
        Assert.Equal(StateTestTransactionType.DynamicFee, tx.Type);
        Assert.Null(tx.GasPrice);
        Assert.Equal(new UInt256(2000), tx.MaxFeePerGas);
        Assert.Equal(new UInt256(10), tx.MaxPriorityFeePerGas);
        Assert.Equal(1UL, tx.Nonce);
        Assert.Null(tx.MaxFeePerBlobGas);
    }

    [Fact]
    public void BlobTransactions()
    {
        var cases = Cases("Pyspecs/cancun/eip4844_blobs/invalid_tx_blob_count.json");
        Assert.All(cases, c =>
        {
            Assert.Equal(StateTestTransactionType.Blob, c.Transaction.Type);
            Assert.Equal(new UInt256(7), c.Transaction.MaxFeePerGas);
            Assert.Equal(UInt256.Zero, c.Transaction.MaxPriorityFeePerGas);
            Assert.Equal(UInt256.One, c.Transaction.MaxFeePerBlobGas);
            Assert.Equal(0x0e0000UL, c.Environment.ExcessBlobGas);
            Assert.Equal(3, c.TxBytes.Span[0]);
            // Pyspecs test names hold "::" and brackets; the case name keeps them as they are.
            Assert.StartsWith("Pyspecs/cancun/eip4844_blobs/invalid_tx_blob_count.json::src/GeneralStateTestsFiller/Pyspecs/cancun/eip4844_blobs/test_blob_txs.py::", c.Name);
        });

        var none = Assert.Single(cases, c => c.ExpectException == "TransactionException.TYPE_3_TX_ZERO_BLOBS");
        Assert.Empty(none.Transaction.BlobVersionedHashes);

        var tooMany = Assert.Single(cases, c => c.ExpectException == "TransactionException.TYPE_3_TX_BLOB_COUNT_EXCEEDED");
        Assert.Equal(7, tooMany.Transaction.BlobVersionedHashes.Count);
        Assert.Equal(Bytes32.Parse("0x0100000000000000000000000000000000000000000000000000000000000006"), tooMany.Transaction.BlobVersionedHashes[6]);
    }

    [Fact]
    public void ExpectedException()
    {
        var c = Assert.Single(Cases("stExample/invalidTr.json"));
        Assert.Equal("TransactionException.INTRINSIC_GAS_TOO_LOW", c.ExpectException);
        Assert.Equal(Bytes32.Parse("0x4c9c6cf002e6a88a5444662ca9ceb6a116b7b69ced38c470bf6e4a12a6313967"), c.ExpectedStateRoot);
    }

    [Fact]
    public void ValueWiderThan256BitsIsNull()
    {
        var c = Assert.Single(Cases("stTransactionTest/ValueOverflowParis.json"));
        Assert.Null(c.Transaction.Value);
        Assert.Equal("TransactionException.RLP_INVALID_VALUE", c.ExpectException);
    }

    [Fact]
    public void OtherForksAreThereToo()
    {
        var test = Assert.Single(StateTestLoader.LoadFile(ConformanceData.StateTest("Pyspecs/cancun/eip4844_blobs/point_evaluation_precompile_before_fork.json")));
        Assert.Equal(["Shanghai"], test.Forks);
        Assert.Single(test.CasesFor("shanghai"));
        Assert.Empty(test.CasesFor("Cancun"));
    }

    [Fact]
    public void BenchmarksAreLondonStateTests()
    {
        var file = Path.Combine(ConformanceData.Benchmarks, "main", "snailtracer.json");
        var c = Assert.Single(StateTestLoader.LoadCases(file, "London"));
        Assert.Equal("snailtracer.json::snailtracer::London[0,0,0]", c.Name);
        Assert.Equal(StateTestTransactionType.Legacy, c.Transaction.Type);
        Assert.Equal(Bytes32.Parse("0x5e20a0453cecd065ea59c37ac63e079ee08998b6045136a8ce6635c7912ec0b6"), c.Environment.PreviousHash);
        Assert.Equal("benchmark", c.Label);
        Assert.Empty(StateTestLoader.LoadCases(file, "Cancun"));
    }
}

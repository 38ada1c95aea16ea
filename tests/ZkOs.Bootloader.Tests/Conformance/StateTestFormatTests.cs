// SPDX-License-Identifier: MIT
using System.Text.Json.Nodes;
using ZkOs.Bootloader.Conformance.StateTests;
using ZkOs.Framework.Numerics;

namespace ZkOs.Bootloader.Tests.Conformance;

/// <summary>Malformed snippets: every error names the file, the test and the field, and shows what was found.</summary>
public sealed class StateTestFormatTests
{
    private const string File = "snippet.json";
    private const string Sender = "0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b";
    private const string Root = "0x" + "11111111111111111111111111111111" + "11111111111111111111111111111111";

    /// <summary>A minimal valid test; each case below breaks one thing in it.</summary>
    private const string Valid = $$"""
        {
          "t": {
            "env": {
              "currentCoinbase": "0x2adc25665018aa1fe0e6bc666dac8fc2697ff9ba",
              "currentGasLimit": "0x05f5e100",
              "currentNumber": "0x01",
              "currentTimestamp": "0x03e8",
              "currentDifficulty": "0x00",
              "currentBaseFee": "0x0a"
            },
            "pre": {
              "{{Sender}}": { "balance": "0x0de0b6b3a7640000", "code": "0x", "nonce": "0x00", "storage": { "0x01": "0x02" } }
            },
            "transaction": {
              "data": ["0x"],
              "gasLimit": ["0x5208"],
              "gasPrice": "0x0a",
              "nonce": "0x00",
              "secretKey": "0x45a915e4d060149eb4365960e6a7a45f334393093061116b197e3240065ff2d8",
              "sender": "{{Sender}}",
              "to": "0x095e7baea6a6c7c4c2dfeb977efac326af552d87",
              "value": ["0x01"]
            },
            "post": {
              "Cancun": [
                { "hash": "{{Root}}", "indexes": { "data": 0, "gas": 0, "value": 0 }, "logs": "{{Root}}", "txbytes": "0x" }
              ]
            }
          }
        }
        """;

    private static string Mutate(Action<JsonNode> change)
    {
        var root = JsonNode.Parse(Valid)!;
        change(root["t"]!);
        return root.ToJsonString();
    }

    private static StateTestFormatException Fails(string json) =>
        Assert.Throws<StateTestFormatException>(() => StateTestLoader.Parse(json, File));

    [Fact]
    public void TheTemplateIsValid()
    {
        var c = Assert.Single(Assert.Single(StateTestLoader.Parse(Valid, File)).Cases);
        Assert.Equal("snippet.json::t::Cancun[0,0,0]", c.Name);
        Assert.Equal(new UInt256(2), Assert.Single(c.Pre).Value.Storage[UInt256.One]);
    }

    public static TheoryData<string, string, string> BrokenFields => new()
    {
        { "env.currentNumber", Mutate(t => t["env"]!["currentNumber"] = "12"), "expected a hex quantity (\"0x\" and 1 to 64 hex digits), found \"12\"" },
        { "env.currentCoinbase", Mutate(t => t["env"]!["currentCoinbase"] = "0x1234"), "expected an address (\"0x\" and 40 hex digits), found \"0x1234\"" },
        { "env.currentGasLimit", Mutate(t => t["env"]!["currentGasLimit"] = 5), "expected a string, found the number 5" },
        { "env.currentTimestamp", Mutate(t => t["env"]!.AsObject().Remove("currentTimestamp")), "is missing" },
        { "pre.0x12", Mutate(t => t["pre"]!["0x12"] = new JsonObject()), "expected an address (\"0x\" and 40 hex digits) as the key, found \"0x12\"" },
        { $"pre.{Sender}.storage.0x01", Mutate(t => t["pre"]![Sender]!["storage"]!["0x01"] = "0xg"), "found \"0xg\"" },
        { $"pre.{Sender}.nonce", Mutate(t => t["pre"]![Sender]!["nonce"] = "0x10000000000000000"), "expected a hex quantity of at most 64 bits" },
        { "transaction.gasLimit[0]", Mutate(t => t["transaction"]!["gasLimit"]![0] = "0xzz"), "found \"0xzz\"" },
        { "transaction.data[0]", Mutate(t => t["transaction"]!["data"]![0] = "0x123"), "expected hex bytes (\"0x\" and an even number of hex digits), found \"0x123\"" },
        { "transaction.value", Mutate(t => t["transaction"]!["value"] = new JsonArray()), "is empty" },
        { "transaction.value[0]", Mutate(t => t["transaction"]!["value"]![0] = "0x:bigint 12"), "expected a hex quantity or \"0x:bigint 0x…\"" },
        { "transaction.to", Mutate(t => t["transaction"]!.AsObject().Remove("to")), "is missing" },
        { "transaction.secretKey", Mutate(t => t["transaction"]!["secretKey"] = "0x45"), "expected a 32-byte value (\"0x\" and 64 hex digits), found \"0x45\"" },
        { "transaction.gasPrice", Mutate(t => t["transaction"]!["maxFeePerGas"] = "0x01"), "is given with maxFeePerGas" },
        { "transaction.maxPriorityFeePerGas", Mutate(t => { t["transaction"]!.AsObject().Remove("gasPrice"); t["transaction"]!["maxFeePerGas"] = "0x01"; }), "is missing" },
        { "transaction.accessLists", Mutate(t => t["transaction"]!["accessLists"] = new JsonArray(new JsonArray(), new JsonArray())), "has 2 entries but transaction.data has 1" },
        { "transaction.accessLists[0][0].address", Mutate(t => t["transaction"]!["accessLists"] = JsonNode.Parse("""[[{"address":"0x01","storageKeys":[]}]]""")), "found \"0x01\"" },
        { "transaction.maxFeePerBlobGas", Mutate(t => { t["transaction"]!.AsObject().Remove("gasPrice"); t["transaction"]!["maxFeePerGas"] = "0x01"; t["transaction"]!["maxPriorityFeePerGas"] = "0x01"; t["transaction"]!["blobVersionedHashes"] = new JsonArray(); }), "is missing: a blob transaction needs it" },
        { "post.Cancun[0].indexes.data", Mutate(t => t["post"]!["Cancun"]![0]!["indexes"]!["data"] = 5), "index 5 is past the end of transaction.data (1 entry)" },
        { "post.Cancun[0].indexes.gas", Mutate(t => t["post"]!["Cancun"]![0]!["indexes"]!["gas"] = -1), "expected a non-negative integer, found the number -1" },
        { "post.Cancun[0].indexes.value", Mutate(t => t["post"]!["Cancun"]![0]!["indexes"]!["value"] = ":label x"), "expected a non-negative integer, found \":label x\"" },
        { "post.Cancun[0].hash", Mutate(t => t["post"]!["Cancun"]![0]!["hash"] = "0x00"), "expected a 32-byte value" },
        { "post.Cancun[0].logs", Mutate(t => t["post"]!["Cancun"]![0]!.AsObject().Remove("logs")), "is missing" },
        { "post.Cancun[0].expectException", Mutate(t => t["post"]!["Cancun"]![0]!["expectException"] = ""), "is empty" },
        { "post.Cancun", Mutate(t => t["post"]!["Cancun"] = new JsonObject()), "expected an array, found an object" },
        { "_info.labels.x", Mutate(t => t["_info"] = JsonNode.Parse("""{"labels":{"x":"y"}}""")), "expected a data index as the key" },
    };

    [Theory]
    [MemberData(nameof(BrokenFields))]
    public void ErrorsNameFileTestAndField(string field, string json, string detail)
    {
        var error = Fails(json);
        Assert.Equal(File, error.File);
        Assert.Equal("t", error.Test);
        Assert.Equal(field, error.Field);
        Assert.Contains(detail, error.Detail);
        Assert.Equal($"snippet.json: test 't': {field}: {error.Detail}", error.Message);
    }

    [Fact]
    public void InvalidJsonNamesTheLine()
    {
        var error = Fails("{\n  \"t\": {\n    \"env\": ,\n  }\n}");
        Assert.Null(error.Test);
        Assert.Null(error.Field);
        Assert.StartsWith("snippet.json: not valid JSON: ", error.Message);
        Assert.Contains("LineNumber: 2", error.Message);
    }

    [Fact]
    public void DuplicatePropertiesAreRejected()
    {
        var error = Fails(Valid.Replace("\"currentNumber\": \"0x01\",", "\"currentNumber\": \"0x01\", \"currentNumber\": \"0x02\","));
        Assert.StartsWith("snippet.json: not valid JSON: ", error.Message);
        Assert.Contains("currentNumber", error.Message);
    }

    [Fact]
    public void TopLevelMustBeAnObjectOfTests()
    {
        Assert.Equal("snippet.json: expected an object of tests, found an array", Fails("[]").Message);
        Assert.Equal("snippet.json: holds no tests", Fails("{}").Message);
        Assert.Equal("snippet.json: test 't': expected an object, found the number 1", Fails("{\"t\": 1}").Message);
    }

    [Fact]
    public void ToleratesWhatRealFillersLeaveOutOrAdd()
    {
        var json = Mutate(t =>
        {
            var env = t["env"]!.AsObject();
            env.Remove("currentBaseFee");
            env.Remove("currentDifficulty");
            env["currentRandom"] = "0x020000";
            env["someFutureField"] = "whatever";
            t["pre"]![Sender]!.AsObject().Remove("storage");
            t["pre"]![Sender]!.AsObject().Remove("code");
            t["transaction"]!["to"] = "";
            t["transaction"]!["accessLists"] = new JsonArray((JsonNode?)null);
            t["post"]!["Cancun"]![0]!.AsObject().Remove("txbytes");
            t["post"]!["Cancun"]![0]!["state"] = new JsonObject();
            t["config"] = JsonNode.Parse("""{"chainid":"0x0a"}""");
        });
        var c = Assert.Single(Assert.Single(StateTestLoader.Parse(json, File)).Cases);
        Assert.Null(c.Environment.BaseFee);
        Assert.Equal(UInt256.Zero, c.Environment.Difficulty);
        Assert.Equal(ZkOs.Framework.Primitives.Bytes32.FromUInt256(new UInt256(0x20000)), c.Environment.PrevRandao);
        Assert.Equal(10UL, c.Environment.ChainId);
        Assert.True(c.Transaction.IsCreate);
        Assert.Equal(StateTestTransactionType.Legacy, c.Transaction.Type);
        Assert.True(c.TxBytes.IsEmpty);
        var account = Assert.Single(c.Pre).Value;
        Assert.True(account.Code.IsEmpty);
        Assert.Empty(account.Storage);
    }

    [Theory]
    [InlineData("0x:bigint 0x10000000000000000000000000000000000000000000000000000000000000001", null)]
    [InlineData("0x:bigint 0x05", "5")]
    [InlineData("0x0000000000000000000000000000000000000000000000000000000000000000000000ff", "255")]
    public void Values(string value, string? expected)
    {
        var json = Mutate(t => t["transaction"]!["value"]![0] = value);
        var c = Assert.Single(Assert.Single(StateTestLoader.Parse(json, File)).Cases);
        Assert.Equal(expected is null ? null : UInt256.Parse(expected), c.Transaction.Value);
    }
}

// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Primitives;
using ZkOs.System.Ethereum;

namespace ZkOs.System.Tests.Ethereum;

/// <summary>
/// The ordered (index-keyed) trie and the log encoding against a real block: mainnet 22244135's
/// receipts root (125 receipts of types 0, 1 and 2, with their logs) and withdrawals root.
/// </summary>
public class MainnetBlockRootTests
{
    [Fact]
    public void ReceiptsRoot_MatchesTheHeader()
    {
        using var receipts = Load("receipts.json");
        var encoded = new List<byte[]>();
        foreach (var receipt in receipts.RootElement.GetProperty("result").EnumerateArray())
        {
            var logs = receipt.GetProperty("logs").EnumerateArray().Select(log => new EthereumLog(
                Address.Parse(log.GetProperty("address").GetString()),
                log.GetProperty("topics").EnumerateArray().Select(t => Bytes32.Parse(t.GetString()).ToUInt256()).ToArray(),
                Hex.Decode(log.GetProperty("data").GetString()))).ToArray();

            // EIP-2718: a typed receipt is its type byte followed by RLP([status, cumulativeGasUsed, bloom, logs]).
            var body = Rlp.EncodeList(
                Rlp.EncodeUInt64(Quantity(receipt, "status")),
                Rlp.EncodeUInt64(Quantity(receipt, "cumulativeGasUsed")),
                Rlp.EncodeBytes(Hex.Decode(receipt.GetProperty("logsBloom").GetString())),
                LogsHash.EncodeList(logs));
            ulong type = Quantity(receipt, "type");
            encoded.Add(type == 0 ? body : [(byte)type, .. body]);
        }

        Assert.Equal(125, encoded.Count);
        Assert.Equal(Header("receiptsRoot"), MerklePatriciaTrie.ComputeOrderedRoot(encoded));
    }

    [Fact]
    public void WithdrawalsRoot_MatchesTheHeader()
    {
        using var block = Load("block.json");
        var encoded = block.RootElement.GetProperty("result").GetProperty("withdrawals").EnumerateArray()
            .Select(w => Rlp.EncodeList(
                Rlp.EncodeUInt64(Quantity(w, "index")),
                Rlp.EncodeUInt64(Quantity(w, "validatorIndex")),
                Rlp.EncodeAddress(Address.Parse(w.GetProperty("address").GetString())),
                Rlp.EncodeUInt64(Quantity(w, "amount"))))
            .ToList();

        Assert.Equal(16, encoded.Count);
        Assert.Equal(Header("withdrawalsRoot"), MerklePatriciaTrie.ComputeOrderedRoot(encoded));
    }

    private static Bytes32 Header(string field)
    {
        using var block = Load("block.json");
        return Bytes32.Parse(block.RootElement.GetProperty("result").GetProperty(field).GetString());
    }

    private static ulong Quantity(JsonElement element, string field) =>
        StateTestJson.UInt64(element.GetProperty(field).GetString()!);

    private static JsonDocument Load(string file)
    {
        using var stream = File.OpenRead(ConformanceData.MainnetBlock(file));
        return JsonDocument.Parse(stream);
    }
}

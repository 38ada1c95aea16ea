// SPDX-License-Identifier: MIT
using System.Text.Json;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Ethereum;

namespace ZkOs.System.Tests.Ethereum;

/// <summary>Reads the parts of the state-test format (README of the conformance data) these tests need.</summary>
internal static class StateTestJson
{
    /// <summary>A hex quantity as the fillers write it: "0x", "0x00", "0x0a", or padded to 32 bytes.</summary>
    public static UInt256 Quantity(string text)
    {
        var digits = text.AsSpan(text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? 2 : 0).TrimStart('0');
        return digits.IsEmpty ? UInt256.Zero : UInt256.Parse(string.Concat("0x", digits));
    }

    public static ulong UInt64(string text)
    {
        var value = Quantity(text);
        Assert.True(value.TryGetUlong(out ulong result), $"{text} does not fit 64 bits");
        return result;
    }

    /// <summary>The accounts of a <c>pre</c> section, every one of them (empty ones included).</summary>
    public static List<AccountState> Accounts(JsonElement pre)
    {
        var accounts = new List<AccountState>();
        foreach (var account in pre.EnumerateObject())
        {
            var fields = account.Value;
            var storage = new List<KeyValuePair<UInt256, UInt256>>();
            foreach (var slot in fields.GetProperty("storage").EnumerateObject())
                storage.Add(new(Quantity(slot.Name), Quantity(slot.Value.GetString()!)));
            accounts.Add(AccountState.WithCode(
                Address.Parse(account.Name),
                UInt64(fields.GetProperty("nonce").GetString()!),
                Quantity(fields.GetProperty("balance").GetString()!),
                Hex.Decode(fields.GetProperty("code").GetString()!),
                storage));
        }
        return accounts;
    }
}

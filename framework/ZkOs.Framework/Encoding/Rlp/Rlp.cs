// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.Framework.Encoding.Rlp;

/// <summary>
/// Allocating one-call encoders for cold paths (tests, tooling, genesis). Hot paths size a buffer
/// with <see cref="RlpLength"/> and use <see cref="RlpWriter"/>.
/// </summary>
public static class Rlp
{
    public static byte[] EncodeBytes(ReadOnlySpan<byte> bytes)
    {
        var result = new byte[RlpLength.OfBytes(bytes)];
        new RlpWriter(result).WriteBytes(bytes);
        return result;
    }

    public static byte[] EncodeUInt64(ulong value)
    {
        var result = new byte[RlpLength.OfUInt64(value)];
        new RlpWriter(result).WriteUInt64(value);
        return result;
    }

    public static byte[] EncodeUInt256(in UInt256 value)
    {
        var result = new byte[RlpLength.OfUInt256(in value)];
        new RlpWriter(result).WriteUInt256(in value);
        return result;
    }

    public static byte[] EncodeAddress(in Address address)
    {
        var result = new byte[RlpLength.OfAddress];
        new RlpWriter(result).WriteAddress(in address);
        return result;
    }

    public static byte[] EncodeBytes32(in Bytes32 value)
    {
        var result = new byte[RlpLength.OfBytes32];
        new RlpWriter(result).WriteBytes32(in value);
        return result;
    }

    /// <summary>A list of items that are already encoded (e.g. by the other methods here).</summary>
    public static byte[] EncodeList(params ReadOnlySpan<byte[]> encodedItems)
    {
        int payload = 0;
        foreach (var item in encodedItems)
            payload += item.Length;
        var result = new byte[RlpLength.OfList(payload)];
        var writer = new RlpWriter(result);
        writer.WriteListHeader(payload);
        foreach (var item in encodedItems)
            writer.WriteRaw(item);
        return result;
    }
}

// SPDX-License-Identifier: MIT
using System.Runtime.CompilerServices;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Ethereum;

/// <summary>
/// The <c>logs</c> commitment of Ethereum state tests, keccak256(RLP(list of logs)) with each log
/// RLP([address, [topics...], data]), and the log encoding receipts share.
/// </summary>
public static class LogsHash
{
    /// <summary>The hash for no logs: keccak256(RLP([])) = keccak256(0xc0).</summary>
    public static Bytes32 Empty { get; } =
        Bytes32.Parse("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");

    /// <summary>
    /// keccak256 of the RLP list of <paramref name="logs"/>, in order. The encoding is streamed into
    /// the hash, so nothing is allocated however large the data.
    /// </summary>
    [SkipLocalsInit]
    public static Bytes32 Compute(ReadOnlySpan<EthereumLog> logs)
    {
        int payload = 0;
        foreach (ref readonly var log in logs)
            payload += EncodedLength(in log);

        var hasher = new Keccak256.Hasher();
        // Big enough for any header (5 bytes) or one address or topic item (33 bytes).
        Span<byte> buffer = stackalloc byte[RlpLength.OfBytes32];
        var writer = new RlpWriter(buffer);
        writer.WriteListHeader(payload);
        hasher.Update(writer.Written);

        foreach (ref readonly var log in logs)
        {
            var topics = log.Topics.Span;
            var data = log.Data.Span;
            int topicsPayload = topics.Length * RlpLength.OfBytes32;

            writer = new RlpWriter(buffer);
            writer.WriteListHeader(PayloadLength(topicsPayload, data));
            writer.WriteAddress(log.Address);
            hasher.Update(writer.Written);

            writer = new RlpWriter(buffer);
            writer.WriteListHeader(topicsPayload);
            hasher.Update(writer.Written);
            foreach (ref readonly var topic in topics)
            {
                writer = new RlpWriter(buffer);
                writer.WriteBytes32(Bytes32.FromUInt256(in topic));
                hasher.Update(writer.Written);
            }

            // A single byte below 0x80 is its own encoding; anything else is a header then the bytes.
            if (data.Length == 1 && data[0] < 0x80)
            {
                hasher.Update(data);
                continue;
            }
            writer = new RlpWriter(buffer);
            writer.WriteStringHeader(data.Length);
            hasher.Update(writer.Written);
            hasher.Update(data);
        }

        return hasher.Finish();
    }

    /// <summary>The length of one log's encoding, RLP([address, [topics...], data]).</summary>
    public static int EncodedLength(in EthereumLog log) =>
        RlpLength.OfList(PayloadLength(log.Topics.Length * RlpLength.OfBytes32, log.Data.Span));

    /// <summary>Writes one log's encoding (<see cref="EncodedLength"/> bytes), e.g. into a receipt.</summary>
    public static void Write(ref RlpWriter writer, in EthereumLog log)
    {
        var topics = log.Topics.Span;
        int topicsPayload = topics.Length * RlpLength.OfBytes32;
        writer.WriteListHeader(PayloadLength(topicsPayload, log.Data.Span));
        writer.WriteAddress(log.Address);
        writer.WriteListHeader(topicsPayload);
        foreach (ref readonly var topic in topics)
            writer.WriteBytes32(Bytes32.FromUInt256(in topic));
        writer.WriteBytes(log.Data.Span);
    }

    /// <summary>The RLP list of <paramref name="logs"/> as a new array (a receipt's last field).</summary>
    public static byte[] EncodeList(ReadOnlySpan<EthereumLog> logs)
    {
        int payload = 0;
        foreach (ref readonly var log in logs)
            payload += EncodedLength(in log);
        var result = new byte[RlpLength.OfList(payload)];
        var writer = new RlpWriter(result);
        writer.WriteListHeader(payload);
        foreach (ref readonly var log in logs)
            Write(ref writer, in log);
        return result;
    }

    private static int PayloadLength(int topicsPayload, ReadOnlySpan<byte> data) =>
        RlpLength.OfAddress + RlpLength.OfList(topicsPayload) + RlpLength.OfBytes(data);
}

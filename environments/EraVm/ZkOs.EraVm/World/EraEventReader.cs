// SPDX-License-Identifier: MIT
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.EraVm.World;

/// <summary>
/// Reassembles events from EventWriter's <c>log.event</c> queries (eravm.md §4, EventWriter 0x800D): a
/// first query whose key is <c>(data_length &lt;&lt; 32) | (topic_count + 1)</c> and whose value is the
/// emitter, then (key, value) pairs carrying the topics followed by the data words. The buffers are
/// reused: what <see cref="TryNext"/> hands out is valid until the next call.
/// </summary>
public sealed class EraEventReader
{
    private const int MaxTopics = 4;

    private readonly UInt256[] _topics = new UInt256[MaxTopics];
    private byte[] _data = new byte[256];

    /// <summary>
    /// The next complete event in <paramref name="queries"/> from <paramref name="position"/> on, skipping
    /// L1-message queries; false when none is left. A malformed initializer (more than four topics)
    /// yields the event with the topics it announces cut at four.
    /// </summary>
    public bool TryNext(ReadOnlySpan<EraEvent> queries, ref int position, out Address emitter, out ReadOnlySpan<UInt256> topics, out ReadOnlySpan<byte> data)
    {
        while (position < queries.Length && (queries[position].IsL1Message || !queries[position].IsFirst))
        {
            position++;
        }
        if (position >= queries.Length)
        {
            emitter = default;
            topics = default;
            data = default;
            return false;
        }
        var first = queries[position++];
        emitter = Address.FromUInt256(first.Value);
        var topicCount = (int)Math.Clamp((long)(uint)first.Key.U0 - 1, 0, MaxTopics);
        var dataLength = (int)Math.Min((uint)(first.Key.U0 >> 32), (uint)Array.MaxLength);
        if (_data.Length < dataLength + 64)
        {
            _data = new byte[Math.Max(dataLength + 64, _data.Length * 2)];
        }

        // The words after the initializer, in order: key then value of each query.
        var word = 0;
        Span<byte> buffer = stackalloc byte[32];
        for (; position < queries.Length && !queries[position].IsFirst; position++)
        {
            if (queries[position].IsL1Message)
            {
                continue;
            }
            Take(queries[position].Key, ref word, topicCount, buffer);
            Take(queries[position].Value, ref word, topicCount, buffer);
        }
        topics = _topics.AsSpan(0, Math.Min(topicCount, word));
        data = _data.AsSpan(0, Math.Min(dataLength, Math.Max(0, word - topicCount) * 32));
        return true;
    }

    private void Take(in UInt256 value, ref int word, int topicCount, Span<byte> buffer)
    {
        if (word < topicCount)
        {
            _topics[word] = value;
        }
        else
        {
            var at = (word - topicCount) * 32;
            if (at + 32 <= _data.Length)
            {
                value.WriteBigEndian(buffer);
                buffer.CopyTo(_data.AsSpan(at));
            }
        }
        word++;
    }
}

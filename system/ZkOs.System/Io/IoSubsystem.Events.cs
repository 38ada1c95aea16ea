// SPDX-License-Identifier: MIT
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Execution;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Io;

/// <summary>Events and L2→L1 messages: recorded in order, dropped with the frame that rolls back.</summary>
public sealed partial class IoSubsystem
{
    public SystemStatus EmitEvent(byte ee, ref Resources resources, in Address address, ReadOnlySpan<UInt256> topics, ReadOnlySpan<byte> data)
    {
        var gas = AccessCosts.LogGas + AccessCosts.LogTopicGas * (ulong)topics.Length + AccessCosts.LogDataByteGas * (ulong)data.Length;
        var native = AccessCosts.EventBaseNative + AccessCosts.EventTopicNative * (ulong)topics.Length + AccessCosts.EventByteNative * (ulong)data.Length;
        var status = Charge(ee, ref resources, gas, native);
        if (status == SystemStatus.Ok)
        {
            AppendLog(address, topics, data);
        }
        return status;
    }

    /// <summary>Native per reference §4.5: the message's share of the log hashing, plus 6,000 and 2 per byte.</summary>
    public SystemStatus EmitL1Message(byte ee, ref Resources resources, in Address sender, ReadOnlySpan<byte> data, out Bytes32 hash)
    {
        var native = KeccakNative(88) + 3 * KeccakNative(64) + KeccakNative(data.Length) + 6000 + 2 * (ulong)data.Length;
        var status = Charge(ee, ref resources, 0, native);
        hash = status == SystemStatus.Ok ? Keccak256.Hash(data) : Bytes32.Zero;
        if (status == SystemStatus.Ok)
        {
            _messages.Add(new L1Message(sender, CopyToRunMemory(data), hash));
        }
        return status;
    }

    internal LogView LogAt(int index, long generation)
    {
        if (generation != _logGeneration || index >= _logs.Count)
        {
            throw new InvalidOperationException("these logs belong to an earlier transaction: copy them (ToEntries) before the next one begins.");
        }
        var record = _logs[index];
        return new LogView(record.Address,
            new ReadOnlyMemory<UInt256>(_logTopics, record.TopicStart, record.TopicCount),
            new ReadOnlyMemory<byte>(_logData, record.DataStart, record.DataLength));
    }

    /// <summary>
    /// Copies the event into the arena. A buffer that must grow is replaced, not resized in place, so
    /// views handed out earlier in the transaction keep reading the same bytes.
    /// </summary>
    private void AppendLog(in Address address, ReadOnlySpan<UInt256> topics, ReadOnlySpan<byte> data)
    {
        if (_logTopicCount + topics.Length > _logTopics.Length)
        {
            var grown = new UInt256[Math.Max(_logTopics.Length * 2, _logTopicCount + topics.Length)];
            _logTopics.AsSpan(0, _logTopicCount).CopyTo(grown);
            _logTopics = grown;
        }
        if (_logDataLength + data.Length > _logData.Length)
        {
            var grown = new byte[Math.Max(_logData.Length * 2, _logDataLength + data.Length)];
            _logData.AsSpan(0, _logDataLength).CopyTo(grown);
            _logData = grown;
        }
        topics.CopyTo(_logTopics.AsSpan(_logTopicCount));
        data.CopyTo(_logData.AsSpan(_logDataLength));
        _logs.Add(new LogRecord(address, _logTopicCount, topics.Length, _logDataLength, data.Length));
        _logTopicCount += topics.Length;
        _logDataLength += data.Length;
    }

    /// <summary>Drops the events from <paramref name="count"/> on, and their parts in the arena.</summary>
    private void TruncateLogs(int count)
    {
        if (count >= _logs.Count)
        {
            return;
        }
        var first = _logs[count];
        _logTopicCount = first.TopicStart;
        _logDataLength = first.DataStart;
        _logs.RemoveRange(count, _logs.Count - count);
    }

    /// <summary>reference/zksync-os.md §10.16: <c>2500 + 17500 * max(1, ceil(len / 136))</c>.</summary>
    public static ulong KeccakNative(int length) => 2500 + 17500 * (ulong)Math.Max(1, (length + 135) / 136);
}

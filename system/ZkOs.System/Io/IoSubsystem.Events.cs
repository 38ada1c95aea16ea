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
            _logs.Add(new LogEntry(address, topics.ToArray(), data.ToArray()));
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
            _messages.Add(new L1Message(sender, data.ToArray(), hash));
        }
        return status;
    }

    /// <summary>reference/zksync-os.md §10.16: <c>2500 + 17500 * max(1, ceil(len / 136))</c>.</summary>
    public static ulong KeccakNative(int length) => 2500 + 17500 * (ulong)Math.Max(1, (length + 135) / 136);
}

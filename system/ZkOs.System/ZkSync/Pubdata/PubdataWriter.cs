// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Framework.Primitives;
using ZkOs.System.ZkSync.Commitments;

namespace ZkOs.System.ZkSync.Pubdata;

/// <summary>
/// Writes a block's pubdata stream (reference §7.3), in this order:
/// <list type="number">
/// <item>the block hash (32 bytes);</item>
/// <item><c>state_diffs_count</c> (u32 BE): the number of changed slots, account-properties slots included;</item>
/// <item>per changed slot: its flat key (32 bytes), then its value diff or, for a 0x8003 slot, its account diff;</item>
/// <item><c>logs_count</c> (u32 BE), then each L2→L1 log (88 bytes);</item>
/// <item><c>messages_count</c> (u32 BE), then per user message <c>length (u32 BE) ‖ data</c>.</item>
/// </list>
/// </summary>
/// <remarks>
/// <para><b>Order is the caller's job.</b> The diffs are written in the order given, and must come
/// in <c>WarmStorageKey</c> order (address by its little-endian u64 limbs, lowest limb first, then
/// key bytes lexicographically; reference §7.2), the order the tree applies them in. Flat keys
/// are hashes, so the writer cannot check it.</para>
/// <para>Unchanged slots (initial == final) are skipped entirely, key included, and not counted:
/// this is the fixed upstream behaviour. The snapshot still wrote the keys of read-only slots,
/// so its pubdata (and every hash over it) differs whenever a block reads storage.</para>
/// <para>The lists are walked by index, not foreach: enumerating an interface boxes its enumerator, and
/// the proving run writes the pubdata without allocating beyond the stream itself. Its diffs come as a
/// span of <see cref="StateDiffEntry"/> values, so the generic overloads do not box them either.</para>
/// </remarks>
public static class PubdataWriter
{
    private const int CountSize = 4;

    /// <summary>The stream's length in bytes for the given content.</summary>
    public static int Length(IReadOnlyList<StateDiff> stateDiffs, IReadOnlyList<L2ToL1Log> logs, IReadOnlyList<ReadOnlyMemory<byte>> messages) =>
        Length<StateDiff>(AsSpan(stateDiffs), logs, messages);

    /// <summary>The stream's length in bytes for the given content.</summary>
    public static int Length<TDiff>(ReadOnlySpan<TDiff> stateDiffs, IReadOnlyList<L2ToL1Log> logs, IReadOnlyList<ReadOnlyMemory<byte>> messages)
        where TDiff : IStateDiff
    {
        ArgumentNullException.ThrowIfNull(logs);
        ArgumentNullException.ThrowIfNull(messages);
        checked
        {
            int length = Bytes32.Size + CountSize;
            for (int i = 0; i < stateDiffs.Length; i++)
            {
                if (stateDiffs[i].IsChanged)
                    length += Bytes32.Size + stateDiffs[i].DiffLength;
            }
            length += CountSize + logs.Count * L2ToL1Log.EncodedSize;
            length += CountSize;
            for (int i = 0; i < messages.Count; i++)
                length += CountSize + messages[i].Length;
            return length;
        }
    }

    /// <summary>The stream as a new array.</summary>
    /// <exception cref="ArgumentException">An account diff lacks the bytecode it must publish.</exception>
    public static byte[] Write(Bytes32 blockHash, IReadOnlyList<StateDiff> stateDiffs, IReadOnlyList<L2ToL1Log> logs, IReadOnlyList<ReadOnlyMemory<byte>> messages)
    {
        var result = new byte[Length(stateDiffs, logs, messages)];
        Write(blockHash, stateDiffs, logs, messages, result);
        return result;
    }

    /// <summary>Writes the stream to the start of <paramref name="destination"/>; returns its length.</summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is shorter than the stream, or an account diff lacks its bytecode.
    /// </exception>
    public static int Write(
        Bytes32 blockHash, IReadOnlyList<StateDiff> stateDiffs, IReadOnlyList<L2ToL1Log> logs, IReadOnlyList<ReadOnlyMemory<byte>> messages, Span<byte> destination) =>
        Write<StateDiff>(blockHash, AsSpan(stateDiffs), logs, messages, destination);

    /// <summary>Writes the stream to the start of <paramref name="destination"/>; returns its length.</summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="destination"/> is shorter than <see cref="Length{TDiff}"/>, or an account diff lacks its bytecode.
    /// </exception>
    public static int Write<TDiff>(
        Bytes32 blockHash, ReadOnlySpan<TDiff> stateDiffs, IReadOnlyList<L2ToL1Log> logs, IReadOnlyList<ReadOnlyMemory<byte>> messages, Span<byte> destination)
        where TDiff : IStateDiff
    {
        int length = Length(stateDiffs, logs, messages);
        if (destination.Length < length)
            throw new ArgumentException($"The pubdata needs {length} bytes; the destination has {destination.Length}.", nameof(destination));

        blockHash.WriteTo(destination);
        int at = Bytes32.Size;

        int changed = 0;
        for (int i = 0; i < stateDiffs.Length; i++)
        {
            if (stateDiffs[i].IsChanged)
                changed++;
        }
        BinaryPrimitives.WriteUInt32BigEndian(destination[at..], (uint)changed);
        at += CountSize;
        for (int i = 0; i < stateDiffs.Length; i++)
        {
            ref readonly var diff = ref stateDiffs[i];
            if (!diff.IsChanged)
                continue;
            diff.FlatKey.WriteTo(destination[at..]);
            at += Bytes32.Size;
            at += diff.WriteDiff(destination[at..]);
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination[at..], (uint)logs.Count);
        at += CountSize;
        for (int i = 0; i < logs.Count; i++)
        {
            logs[i].Encode(destination[at..]);
            at += L2ToL1Log.EncodedSize;
        }

        BinaryPrimitives.WriteUInt32BigEndian(destination[at..], (uint)messages.Count);
        at += CountSize;
        for (int i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            BinaryPrimitives.WriteUInt32BigEndian(destination[at..], (uint)message.Length);
            at += CountSize;
            message.Span.CopyTo(destination[at..]);
            at += message.Length;
        }
        return at;
    }

    // The list overloads serve forward callers and tests; the proving run passes its span directly.
    private static ReadOnlySpan<StateDiff> AsSpan(IReadOnlyList<StateDiff> stateDiffs)
    {
        ArgumentNullException.ThrowIfNull(stateDiffs);
        return stateDiffs as StateDiff[] ?? [.. stateDiffs];
    }
}

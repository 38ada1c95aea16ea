// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Commitments;

/// <summary>
/// An L2→L1 log in its 88-byte packed form (reference §4.5), the Solidity <c>abi.encodePacked</c>
/// of <c>(uint8 shard, bool isService, uint16 txNumberInBlock, address sender, bytes32 key,
/// bytes32 value)</c>. The same bytes go into pubdata, and their keccak is the logs-tree leaf.
/// </summary>
public readonly record struct L2ToL1Log(
    byte ShardId,
    bool IsService,
    ushort TxNumberInBlock,
    Address Sender,
    Bytes32 Key,
    Bytes32 Value)
{
    /// <summary>1 + 1 + 2 + 20 + 32 + 32.</summary>
    public const int EncodedSize = 88;

    /// <summary>The L1 messenger system contract, the sender of every user-message log.</summary>
    public static Address L1MessengerAddress { get; } = Address.FromUInt64(0x8008);

    /// <summary>The bootloader's formal address, the sender of every L1-transaction log.</summary>
    public static Address BootloaderAddress { get; } = Address.FromUInt64(0x8001);

    /// <summary>
    /// The log of a user message (<c>sendToL1</c>): sender 0x8008, key the message's sender
    /// left-padded to 32 bytes, value keccak(message).
    /// </summary>
    /// <param name="txNumberInBlock">The tx index; upstream truncates its u32 counter to u16 here.</param>
    public static L2ToL1Log UserMessage(ushort txNumberInBlock, Address sender, ReadOnlySpan<byte> message) =>
        UserMessage(txNumberInBlock, sender, Keccak256.Hash(message));

    /// <summary>As <see cref="UserMessage(ushort, Address, ReadOnlySpan{byte})"/> with keccak(message) already known.</summary>
    public static L2ToL1Log UserMessage(ushort txNumberInBlock, Address sender, Bytes32 messageHash) =>
        new(0, true, txNumberInBlock, L1MessengerAddress, Bytes32.FromUInt256(sender.ToUInt256()), messageHash);

    /// <summary>
    /// The log every L1→L2 transaction leaves: sender 0x8001, key the tx hash, value 1 on success
    /// and 0 on failure (as a 256-bit number).
    /// </summary>
    public static L2ToL1Log L1TransactionLog(ushort txNumberInBlock, Bytes32 txHash, bool success) =>
        new(0, true, txNumberInBlock, BootloaderAddress, txHash, success ? Bytes32.FromUInt256(1UL) : Bytes32.Zero);

    /// <summary>Writes the 88 packed bytes to the start of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than 88 bytes.</exception>
    public void Encode(Span<byte> destination)
    {
        if (destination.Length < EncodedSize)
            throw new ArgumentException($"An L2→L1 log needs {EncodedSize} bytes; the destination has {destination.Length}.", nameof(destination));
        destination[0] = ShardId;
        destination[1] = IsService ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], TxNumberInBlock);
        Sender.WriteTo(destination[4..]);
        Key.WriteTo(destination[24..]);
        Value.WriteTo(destination[56..]);
    }

    /// <summary>The 88 packed bytes as a new array.</summary>
    public byte[] Encode()
    {
        var result = new byte[EncodedSize];
        Encode(result);
        return result;
    }

    /// <summary>keccak of the 88 packed bytes: the log's leaf in <see cref="L2ToL1LogsTree"/>.</summary>
    public Bytes32 Hash()
    {
        Span<byte> encoding = stackalloc byte[EncodedSize];
        Encode(encoding);
        return Keccak256.Hash(encoding);
    }
}

// SPDX-License-Identifier: MIT
using System.Buffers.Binary;
using ZkOs.Framework.Crypto;
using ZkOs.Framework.Encoding.Rlp;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;

namespace ZkOs.System.ZkSync.Commitments;

/// <summary>
/// The ZKsync OS block header (reference §5.6): an Ethereum pre-Shanghai header, 16 RLP fields with
/// no withdrawals, blob or beacon-root fields, several of them fixed by ZKsync OS.
/// <see cref="Hash"/> is the block hash: keccak of the RLP.
/// </summary>
/// <remarks>
/// <see cref="Create"/> fills the fields as the snapshot does; the other fields stay settable with
/// <c>with</c> so a test or a future fork can deviate. Equality compares
/// <see cref="LogsBloom"/> and <see cref="ExtraData"/> by content.
/// </remarks>
public sealed record BlockHeader
{
    /// <summary>Size of the logs bloom.</summary>
    public const int LogsBloomSize = 256;

    /// <summary>keccak(RLP([])), the ommers hash of every post-merge block.</summary>
    public static Bytes32 EmptyOmmersHash { get; } =
        Bytes32.Parse("0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347");

    // The nonce is a fixed 8-byte string: 0x88 and the bytes, whatever its value.
    private const int NonceLength = 1 + 8;

    private static readonly byte[] _zeroBloom = new byte[LogsBloomSize];

    private readonly ReadOnlyMemory<byte> _logsBloom = _zeroBloom;

    /// <summary>
    /// The snapshot passes <c>get_blockhash(current)</c>, which is always 0 (reference §11); upstream
    /// passes the hash of block number - 1. The caller chooses.
    /// </summary>
    public Bytes32 ParentHash { get; init; }

    public Bytes32 OmmersHash { get; init; } = EmptyOmmersHash;

    /// <summary>The block's coinbase.</summary>
    public Address Beneficiary { get; init; }

    /// <summary>0: ZKsync OS commits to state through the public input, not the header.</summary>
    public Bytes32 StateRoot { get; init; }

    /// <summary>The <see cref="TransactionsRollingHash"/> of the block.</summary>
    public Bytes32 TransactionsRoot { get; init; }

    /// <summary>0 in the snapshot.</summary>
    public Bytes32 ReceiptsRoot { get; init; }

    /// <summary>256 bytes, all zero in the snapshot.</summary>
    /// <exception cref="ArgumentException">Not 256 bytes.</exception>
    public ReadOnlyMemory<byte> LogsBloom
    {
        get => _logsBloom;
        init
        {
            if (value.Length != LogsBloomSize)
                throw new ArgumentException($"The logs bloom is {LogsBloomSize} bytes; got {value.Length}.", nameof(value));
            _logsBloom = value;
        }
    }

    /// <summary>0 since the merge.</summary>
    public UInt256 Difficulty { get; init; }

    public ulong Number { get; init; }

    public ulong GasLimit { get; init; }

    /// <summary>0 in the snapshot, which has no block gas accounting.</summary>
    public ulong GasUsed { get; init; }

    public ulong Timestamp { get; init; }

    /// <summary>Empty in the snapshot.</summary>
    public ReadOnlyMemory<byte> ExtraData { get; init; }

    /// <summary>0 in the snapshot, even though PREVRANDAO returns the metadata's mix hash.</summary>
    public Bytes32 MixHash { get; init; }

    /// <summary>0 since the merge; encoded as an 8-byte string, not as an integer.</summary>
    public ulong Nonce { get; init; }

    public ulong BaseFeePerGas { get; init; }

    /// <summary>
    /// A header as the snapshot's bootloader builds it: the given fields, the empty-ommers hash,
    /// and zero for the state root, receipts root, bloom, difficulty, gas used, extra data and
    /// nonce; the mix hash is zero unless given.
    /// </summary>
    public static BlockHeader Create(
        Bytes32 parentHash, Address beneficiary, Bytes32 transactionsRoot, ulong number, ulong gasLimit, ulong timestamp, ulong baseFeePerGas,
        Bytes32 mixHash = default) =>
        new()
        {
            MixHash = mixHash,
            ParentHash = parentHash,
            Beneficiary = beneficiary,
            TransactionsRoot = transactionsRoot,
            Number = number,
            GasLimit = gasLimit,
            Timestamp = timestamp,
            BaseFeePerGas = baseFeePerGas,
        };

    /// <summary>Length of <see cref="Encode()"/>.</summary>
    public int EncodedLength => RlpLength.OfList(Fields.Of(this).PayloadLength());

    /// <summary>Writes the RLP list of the 16 fields; returns its length.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="EncodedLength"/>.</exception>
    public int Encode(Span<byte> destination) => Fields.Of(this).Encode(destination);

    /// <summary>The RLP encoding as a new array.</summary>
    public byte[] Encode()
    {
        var result = new byte[EncodedLength];
        Encode(result);
        return result;
    }

    /// <summary>
    /// The hash of the header <see cref="Create"/> would build from the same arguments, without the
    /// record: the proving run hashes its header once per block and allocates nothing for it.
    /// </summary>
    public static Bytes32 HashOfCreated(
        Bytes32 parentHash, Address beneficiary, Bytes32 transactionsRoot, ulong number, ulong gasLimit, ulong timestamp, ulong baseFeePerGas,
        Bytes32 mixHash = default)
    {
        // Create's fields, encoded by the same code as Encode: BlockHeaderTests checks both hashes agree.
        var fields = new Fields
        {
            ParentHash = parentHash,
            OmmersHash = EmptyOmmersHash,
            Beneficiary = beneficiary,
            TransactionsRoot = transactionsRoot,
            LogsBloom = _zeroBloom,
            Number = number,
            GasLimit = gasLimit,
            Timestamp = timestamp,
            MixHash = mixHash,
            BaseFeePerGas = baseFeePerGas,
        };
        Span<byte> encoded = stackalloc byte[RlpLength.OfList(fields.PayloadLength())];
        fields.Encode(encoded);
        return Keccak256.Hash(encoded);
    }

    /// <summary>The block hash: keccak(RLP(header)).</summary>
    public Bytes32 Hash()
    {
        // Encoded on the stack (about 600 bytes): hashing the header, once per block, allocates nothing.
        Span<byte> encoded = stackalloc byte[EncodedLength];
        Encode(encoded);
        return Keccak256.Hash(encoded);
    }

    public bool Equals(BlockHeader? other) =>
        other is not null
        && ParentHash == other.ParentHash
        && OmmersHash == other.OmmersHash
        && Beneficiary == other.Beneficiary
        && StateRoot == other.StateRoot
        && TransactionsRoot == other.TransactionsRoot
        && ReceiptsRoot == other.ReceiptsRoot
        && LogsBloom.Span.SequenceEqual(other.LogsBloom.Span)
        && Difficulty == other.Difficulty
        && Number == other.Number
        && GasLimit == other.GasLimit
        && GasUsed == other.GasUsed
        && Timestamp == other.Timestamp
        && ExtraData.Span.SequenceEqual(other.ExtraData.Span)
        && MixHash == other.MixHash
        && Nonce == other.Nonce
        && BaseFeePerGas == other.BaseFeePerGas;

    // The block hash determines every field, but hashing the RLP here would be wasteful; these few
    // fields separate headers well enough.
    public override int GetHashCode() => HashCode.Combine(ParentHash, TransactionsRoot, Number, Timestamp);

    /// <summary>
    /// The 16 fields in RLP order, as spans and values: the one encoder behind <see cref="Encode(Span{byte})"/>
    /// and <see cref="HashOfCreated"/>, which encodes without building the record.
    /// </summary>
    private readonly ref struct Fields
    {
        public Bytes32 ParentHash { get; init; }
        public Bytes32 OmmersHash { get; init; }
        public Address Beneficiary { get; init; }
        public Bytes32 StateRoot { get; init; }
        public Bytes32 TransactionsRoot { get; init; }
        public Bytes32 ReceiptsRoot { get; init; }
        public ReadOnlySpan<byte> LogsBloom { get; init; }
        public UInt256 Difficulty { get; init; }
        public ulong Number { get; init; }
        public ulong GasLimit { get; init; }
        public ulong GasUsed { get; init; }
        public ulong Timestamp { get; init; }
        public ReadOnlySpan<byte> ExtraData { get; init; }
        public Bytes32 MixHash { get; init; }
        public ulong Nonce { get; init; }
        public ulong BaseFeePerGas { get; init; }

        public static Fields Of(BlockHeader header) => new()
        {
            ParentHash = header.ParentHash,
            OmmersHash = header.OmmersHash,
            Beneficiary = header.Beneficiary,
            StateRoot = header.StateRoot,
            TransactionsRoot = header.TransactionsRoot,
            ReceiptsRoot = header.ReceiptsRoot,
            LogsBloom = header.LogsBloom.Span,
            Difficulty = header.Difficulty,
            Number = header.Number,
            GasLimit = header.GasLimit,
            GasUsed = header.GasUsed,
            Timestamp = header.Timestamp,
            ExtraData = header.ExtraData.Span,
            MixHash = header.MixHash,
            Nonce = header.Nonce,
            BaseFeePerGas = header.BaseFeePerGas,
        };

        public int PayloadLength() =>
            5 * RlpLength.OfBytes32 // parent, ommers, state root, transactions root, receipts root
            + RlpLength.OfAddress
            + RlpLength.OfBytes(LogsBloom)
            + RlpLength.OfUInt256(Difficulty)
            + RlpLength.OfUInt64(Number)
            + RlpLength.OfUInt64(GasLimit)
            + RlpLength.OfUInt64(GasUsed)
            + RlpLength.OfUInt64(Timestamp)
            + RlpLength.OfBytes(ExtraData)
            + RlpLength.OfBytes32 // mix hash
            + NonceLength
            + RlpLength.OfUInt64(BaseFeePerGas);

        public int Encode(Span<byte> destination)
        {
            var writer = new RlpWriter(destination);
            writer.WriteListHeader(PayloadLength());
            writer.WriteBytes32(ParentHash);
            writer.WriteBytes32(OmmersHash);
            writer.WriteAddress(Beneficiary);
            writer.WriteBytes32(StateRoot);
            writer.WriteBytes32(TransactionsRoot);
            writer.WriteBytes32(ReceiptsRoot);
            writer.WriteBytes(LogsBloom);
            writer.WriteUInt256(Difficulty);
            writer.WriteUInt64(Number);
            writer.WriteUInt64(GasLimit);
            writer.WriteUInt64(GasUsed);
            writer.WriteUInt64(Timestamp);
            writer.WriteBytes(ExtraData);
            writer.WriteBytes32(MixHash);
            // The nonce is always an 8-byte string (0x88, then the u64 big-endian), written straight into
            // the destination: the writer may not take a local span, and a heap array would be the proving
            // run's only allocation here. A second writer continues after it.
            int at = writer.Position;
            if (destination.Length - at < NonceLength)
                throw new ArgumentException($"The header needs more than {destination.Length} bytes.", nameof(destination));
            destination[at] = 0x80 + 8;
            BinaryPrimitives.WriteUInt64BigEndian(destination[(at + 1)..], Nonce);
            at += NonceLength;
            var tail = new RlpWriter(destination[at..]);
            tail.WriteUInt64(BaseFeePerGas);
            return at + tail.Position;
        }
    }
}

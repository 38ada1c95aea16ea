// SPDX-License-Identifier: MIT
using System.Runtime.InteropServices;
using ZkOs.Framework.Numerics;
using ZkOs.Framework.Primitives;
using ZkOs.System.Variants;
using ZkOs.System.ZkSync.Tree;

namespace ZkOs.System.Oracle;

/// <summary>
/// The STF's typed view of an <see cref="IOracle"/>: serialises each query's parameters, checks the
/// answer has exactly the shape the query promises, and decodes it. A wrong shape is an
/// <see cref="OracleException"/>, so a truncated or altered tape fails loudly instead of being misread.
/// </summary>
public sealed class OracleClient(IOracle? oracle, IStfMemory? memory = null) : IProofSource
{
    private readonly List<uint> _parameters = [];
    private readonly List<uint> _response = [];
    private IOracle? _oracle = oracle;

    /// <exception cref="InvalidOperationException">The client was built unconnected and not connected since.</exception>
    public IOracle Oracle => _oracle ?? throw new InvalidOperationException("The oracle client is not connected.");

    /// <summary>
    /// Points the client at the next block's oracle. A reusable machine (the prover) keeps one client,
    /// so its parameter and response buffers keep the capacity the largest answer gave them.
    /// </summary>
    public void Connect(IOracle next) => _oracle = next;

    /// <param name="hashes">A buffer for the 256 block hashes, reused by the prover; a new array when null.</param>
    public BlockMetadata ReadBlockMetadata(UInt256[]? hashes = null) => BlockMetadata.Read(Ask(OracleQuery.BlockLevelMetadata), hashes);

    /// <summary>The next transaction's length in bytes; 0 when the block is sealed.</summary>
    public int NextTransactionSize()
    {
        var words = Ask(OracleQuery.NextTxSize, OracleWords.U64Words);
        var offset = 0;
        var size = OracleWords.ReadU64(words, ref offset);
        return size <= int.MaxValue ? (int)size : throw new OracleException(OracleQuery.NextTxSize, $"a transaction of {size} bytes");
    }

    /// <summary>The transaction's bytes, in memory of the run's allocator when it has one.</summary>
    public ReadOnlyMemory<byte> ReadTransaction(int length)
    {
        var words = Ask(OracleQuery.NewTxContent, OracleWords.WordsForBytes(length));
        OracleWords.CheckPadding(words, length, OracleQuery.NewTxContent);
        var body = memory?.Allocate(length) ?? new byte[length];
        var offset = 0;
        OracleWords.ReadBytes(words, ref offset, body.Span);
        return body;
    }

    public (bool IsNew, Bytes32 Value) ReadInitialSlot(in Address address, in Bytes32 key)
    {
        _parameters.Clear();
        OracleWords.WriteAddress(_parameters, address);
        OracleWords.WriteBytes32(_parameters, key);
        var words = Ask(OracleQuery.InitialStorageSlotData, OracleWords.U64Words + OracleWords.Bytes32Words, _parameters);
        var offset = 0;
        var isNew = OracleWords.ReadBool(words, ref offset, OracleQuery.InitialStorageSlotData);
        return (isNew, OracleWords.ReadBytes32(words, ref offset));
    }

    /// <summary>The preimage of <paramref name="hash"/>, which the caller knows is <paramref name="length"/> bytes long.</summary>
    public byte[] ReadPreimage(in Bytes32 hash, int length)
    {
        var bytes = new byte[length];
        ReadPreimage(hash, bytes);
        return bytes;
    }

    /// <summary>
    /// The preimage of <paramref name="hash"/>, <paramref name="length"/> bytes, in memory of the run's
    /// allocator when it has one: the prover's bytecode reads land in its arena, not on the heap.
    /// </summary>
    public ReadOnlyMemory<byte> ReadPreimageInRunMemory(in Bytes32 hash, int length)
    {
        var bytes = memory?.Allocate(length) ?? new byte[length];
        ReadPreimage(hash, bytes.Span);
        return bytes;
    }

    /// <summary>
    /// The preimage of <paramref name="hash"/> into <paramref name="destination"/>, whose length the caller
    /// knows it has: a small fixed-size preimage (account properties) needs no buffer of its own.
    /// </summary>
    public void ReadPreimage(in Bytes32 hash, Span<byte> destination)
    {
        _parameters.Clear();
        OracleWords.WriteBytes32(_parameters, hash);
        var words = Ask(OracleQuery.PreimageContentWords, OracleWords.WordsForBytes(destination.Length), _parameters);
        OracleWords.CheckPadding(words, destination.Length, OracleQuery.PreimageContentWords);
        var offset = 0;
        OracleWords.ReadBytes(words, ref offset, destination);
    }

    /// <summary>The state the block starts from; a proving run asks for it at finish (reference §6.1).</summary>
    public IoImplementerState ReadIoImplementerState() =>
        IoImplementerState.Read(Ask(OracleQuery.InitializeIoImplementer, IoImplementerState.Words));

    public ulong ExactIndex(in Bytes32 flatKey) => AskIndex(OracleQuery.ExactIndex, flatKey);

    public ulong PrevIndex(in Bytes32 flatKey) => AskIndex(OracleQuery.PrevIndex, flatKey);

    public FlatStorageLeaf ProofForIndex(ulong index, Span<Bytes32> path, out ulong provenIndex)
    {
        _parameters.Clear();
        OracleWords.WriteU64(_parameters, index);
        var words = Ask(OracleQuery.ProofForIndex, LeafProofWords.WordCount, _parameters);
        var offset = 0;
        return LeafProofWords.Read(words, ref offset, path, out provenIndex);
    }

    private ulong AskIndex(uint queryId, in Bytes32 flatKey)
    {
        _parameters.Clear();
        OracleWords.WriteBytes32(_parameters, flatKey);
        var words = Ask(queryId, OracleWords.U64Words, _parameters);
        var offset = 0;
        return OracleWords.ReadU64(words, ref offset);
    }

    public void Disconnect() => Ask(OracleQuery.DisconnectOracle, 0);

    private ReadOnlySpan<uint> Ask(uint queryId, int expectedWords = -1, List<uint>? parameters = null)
    {
        _response.Clear();
        Oracle.Query(queryId, parameters is null ? [] : CollectionsMarshal.AsSpan(parameters), _response);
        if (expectedWords >= 0 && _response.Count != expectedWords)
        {
            throw new OracleException(queryId, $"{_response.Count} response words where {expectedWords} were expected");
        }
        return CollectionsMarshal.AsSpan(_response);
    }
}

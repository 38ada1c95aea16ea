// SPDX-License-Identifier: MIT
using ZkOs.Framework.Primitives;

namespace ZkOs.System.Oracle;

/// <summary>
/// The STF's typed view of an <see cref="IOracle"/>: serialises each query's parameters, checks the
/// answer has exactly the shape the query promises, and decodes it. A wrong shape is an
/// <see cref="OracleException"/>, so a truncated or altered tape fails loudly instead of being misread.
/// </summary>
public sealed class OracleClient(IOracle oracle)
{
    private readonly List<uint> _parameters = [];
    private readonly List<uint> _response = [];

    public IOracle Oracle => oracle;

    public BlockMetadata ReadBlockMetadata() => BlockMetadata.Read(Ask(OracleQuery.BlockLevelMetadata));

    /// <summary>The next transaction's length in bytes; 0 when the block is sealed.</summary>
    public int NextTransactionSize()
    {
        var words = Ask(OracleQuery.NextTxSize, OracleWords.U64Words);
        var offset = 0;
        var size = OracleWords.ReadU64(words, ref offset);
        return size <= int.MaxValue ? (int)size : throw new OracleException(OracleQuery.NextTxSize, $"a transaction of {size} bytes");
    }

    public byte[] ReadTransaction(int length)
    {
        var words = Ask(OracleQuery.NewTxContent, OracleWords.WordsForBytes(length));
        var body = new byte[length];
        var offset = 0;
        OracleWords.ReadBytes(words, ref offset, body);
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
        _parameters.Clear();
        OracleWords.WriteBytes32(_parameters, hash);
        var words = Ask(OracleQuery.PreimageContentWords, OracleWords.WordsForBytes(length), _parameters);
        var bytes = new byte[length];
        var offset = 0;
        OracleWords.ReadBytes(words, ref offset, bytes);
        return bytes;
    }

    public void Disconnect() => Ask(OracleQuery.DisconnectOracle, 0);

    private ReadOnlySpan<uint> Ask(uint queryId, int expectedWords = -1, List<uint>? parameters = null)
    {
        _response.Clear();
        oracle.Query(queryId, parameters is null ? [] : global::System.Runtime.InteropServices.CollectionsMarshal.AsSpan(parameters), _response);
        if (expectedWords >= 0 && _response.Count != expectedWords)
        {
            throw new OracleException(queryId, $"{_response.Count} response words where {expectedWords} were expected");
        }
        return global::System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_response);
    }
}
